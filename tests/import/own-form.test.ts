// A document's own form kept on import (#15 leftovers): heads set in 黑体,
// 楷体 or bold without a number stay without one; "——" and "一是" heads
// among numbered siblings keep their marks while the siblings keep counting;
// the 题注 and speaker line of a 政府工作报告 print centred, as in the source.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composePlan, composePlanMarkdown } from '../../src/compose/index.js';
import { numberSections } from '../../src/derive/numbering.js';
import { markdownToDocx } from '../../src/docx/index.js';
import { treeToDocx } from '../../src/render/index.js';
import { docxToBlocks } from '../../src/import/docx.js';
import { importBlocks, importFile, importText } from '../../src/import/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import type { Plan, Section } from '../../src/model/plan.js';
import { all, attr, child, openDocx, paragraphText } from '../docx/xml.js';
import { ROOT, runCli } from '../helpers/cli.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TITLE = '石门镇2025年农业农村重点工作方案';

/** The direct route: composed tree → DOCX, as `plandoc render` writes it. */
async function planToDocx(plan: Plan): Promise<Uint8Array> {
  const { document } = composePlan(plan);
  if (!document || !('tree' in document)) throw new Error('the built-in templates give a tree');
  return (await treeToDocx(document.tree, { file: 'plan.yaml' })).docx;
}

function accepted(yaml: string): void {
  expect(loadPlanSource(yaml, 'out.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const p = (text: string, font?: string) => `<w:p><w:r>${font ? `<w:rPr><w:rFonts w:eastAsia="${font}"/></w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;

describe('heading marks in the model (marker, childNumbering 不编号)', () => {
  it('counts numbered siblings without the marked ones, and 一是 among the 一是 heads', () => {
    const sections: Section[] = [{ title: '重点任务', children: [{ title: '甲' }, { title: '乙', marker: '——' }, { title: '丙' }, { title: '丁', marker: '一是' }, { title: '戊', marker: '一是' }, { title: '己', marker: '不编号' }, { title: '庚' }] }];
    const [top] = numberSections(sections);
    expect(top!.children.map((c) => [c.number, c.level])).toEqual([['（一）', 2], ['——', 2], ['（二）', 2], ['一是', 2], ['二是', 2], ['', 2], ['（三）', 2]]);
  });

  it('prints top-level heads marked 不编号 at level 1 without a number, and the numbered ones from 一、', () => {
    const numbered = numberSections([{ title: '总体要求', marker: '不编号' }, { title: '重点任务' }, { title: '保障措施', marker: '不编号' }]);
    expect(numbered.map((n) => [n.number, n.level])).toEqual([['', 1], ['一、', 1], ['', 1]]);
  });
});

describe('unnumbered heads in .docx keep their form', () => {
  it('keeps 黑体 and 楷体 heads without numbers: check accepts, Markdown and DOCX print the heads as typed', async () => {
    const blocks = await docxToBlocks(await docx([p(TITLE), p('总体要求', '黑体'), p('坚持稳中求进。'), p('重点任务', '黑体'), p('抓好粮食生产', '楷体_GB2312'), p('稳定播种面积。'), p('推进产业发展', '楷体_GB2312'), p('新建茶园。')].join('')));
    const { plan, yaml } = importBlocks(blocks);
    accepted(yaml);
    expect(plan.sections.map((s) => [s.title, s.marker])).toEqual([['总体要求', '不编号'], ['重点任务', '不编号']]);
    expect(plan.sections[1]!.childNumbering).toBe('不编号');
    expect(yaml).toContain('  # 导入时推测（把握：中）：原文这一标题没有编号，按字体（黑体）认作一级标题，按原样不加编号\n  - id: s1\n    title: 总体要求\n    marker: 不编号\n');
    const markdown = composePlanMarkdown(plan).markdown;
    expect(markdown).toMatch(/^## 总体要求$/m);
    expect(markdown).toMatch(/^### 抓好粮食生产$/m);
    // FN-03/FN-04: the heads print in their level's style (黑体, 楷体), with no number before them
    const parts = await openDocx(await planToDocx(plan));
    const heads = all(parts.document, 'p').filter((para) => ['总体要求', '重点任务', '抓好粮食生产'].includes(paragraphText(para)));
    expect(heads.map((para) => attr(child(child(para, 'pPr'), 'pStyle'), 'val'))).toEqual(['Heading1', 'Heading1', 'Heading2']);
  });

  it('keeps "——" and "一是" heads among numbered siblings, the numbered ones counting on', () => {
    const text = `${TITLE}\n一、重点任务\n——推进产业发展。新建茶园2000亩。\n（一）抓好粮食生产\n稳定播种面积。\n（二）改善人居环境\n改造户厕。\n二、保障措施\n一是加强组织领导。成立专班。\n（一）强化督查考核\n每季度通报。\n`;
    const { plan, yaml, notes } = importText(text, 'in.txt');
    accepted(yaml);
    expect(plan.sections.map((top) => top.children!.map((s) => [s.title, s.marker]))).toEqual([
      [['推进产业发展', '——'], ['抓好粮食生产', undefined], ['改善人居环境', undefined]],
      [['加强组织领导', '一是'], ['强化督查考核', undefined]],
    ]);
    // the typed （一） after a marked head is no gap
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
    const markdown = composePlanMarkdown(plan).markdown.replace(/\*\*/g, '');
    expect(markdown).toMatch(/^——推进产业发展。新建茶园/m);
    expect(markdown).toMatch(/^### （一）抓好粮食生产$/m);
    expect(markdown).toMatch(/^### （二）改善人居环境$/m);
    expect(markdown).toMatch(/^一是加强组织领导。成立专班。$/m);
    expect(markdown).toMatch(/^### （一）强化督查考核$/m);
  });
});

describe('the 题注 and speaker line of a 政府工作报告', () => {
  it('imports them as centred lines that print centred in 楷体 without indent, the same by both routes', async () => {
    const { plan, yaml } = await importFile(`${ROOT}tests/fixtures/import/shanqian-2025-government-report.txt`);
    accepted(yaml);
    expect((plan.opening as unknown[]).slice(0, 3)).toEqual([{ center: '——在山前镇第十八届人民代表大会第五次会议上' }, { center: '山前镇人民政府镇长李明' }, '各位代表：']);
    expect(yaml).toContain('# 导入时推测：开头的题注和报告人原文居中排印，写成 center（居中行）\nopening:\n  - center: ——在山前镇第十八届人民代表大会第五次会议上\n');
    const markdown = composePlanMarkdown(plan).markdown;
    expect(markdown).toContain('\n*——在山前镇第十八届人民代表大会第五次会议上*\n\n*山前镇人民政府镇长李明*\n');
    const direct = await planToDocx(plan);
    const viaMarkdown = await markdownToDocx(markdown);
    const parts = await openDocx(direct);
    const note = all(parts.document, 'p').find((para) => paragraphText(para) === '——在山前镇第十八届人民代表大会第五次会议上')!;
    const pPr = child(note, 'pPr');
    expect(attr(child(pPr, 'jc'), 'val')).toBe('center');
    expect(attr(child(pPr, 'ind'), 'firstLine')).toBe('0');
    const fonts = all(note, 'rFonts').map((f) => attr(f, 'eastAsia'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f === '楷体_GB2312')).toBe(true);
    // plain Markdown carries no plan anchors (hidden bookmarks, src/review/anchors.ts): compared without them
    const documentXml = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '');
    expect(await documentXml(viaMarkdown)).toBe(await documentXml(direct));
  });

  it('reads a Word report whose heads are 黑体/楷体 lines without numbers and whose 题注 is a centred 楷体 line (fixture)', async () => {
    const { plan, yaml, notes } = await importFile(`${ROOT}tests/fixtures/import/xiangyang-2025-government-report.docx`);
    accepted(yaml);
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
    expect((plan.opening as unknown[]).slice(0, 2)).toEqual([{ center: '——在向阳镇第十九届人民代表大会第四次会议上' }, { center: '向阳镇人民政府镇长周平' }]);
    expect(plan.sections.map((s) => [s.title, s.marker, s.childNumbering, s.children!.map((c) => c.title)])).toEqual([
      ['2024年工作回顾', '不编号', '不编号', ['产业发展稳中有进', '民生保障持续加强']],
      ['2025年工作安排', '不编号', '不编号', ['着力壮大实体经济', '着力增进民生福祉']],
    ]);
    const parts = await openDocx(await planToDocx(plan));
    const styleOf = (text: string) => attr(child(child(all(parts.document, 'p').find((para) => paragraphText(para) === text), 'pPr'), 'pStyle'), 'val');
    expect([styleOf('2024年工作回顾'), styleOf('产业发展稳中有进')]).toEqual(['Heading1', 'Heading2']);
  });

  it('leaves an opening line that only looks like a speaker (no 题注 before it) as a paragraph', () => {
    const { plan } = importText(`${TITLE}\n镇长李明\n一、总体要求\n坚持稳中求进。\n`, 'in.txt');
    expect(plan.opening).toBe('镇长李明');
  });
});

describe('a 印发通知 kept as the document (--keep-notice)', () => {
  const NOTICE = `${ROOT}tests/fixtures/import/shiqiao-2025-notice-with-plan.txt`;

  it('prints the notice\'s own sentence as its body and the issued plan as its attachment, through import → check → render', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-notice-'));
    const yamlPath = join(dir, 'notice.yaml');
    const imported = runCli(['import', NOTICE, '--keep-notice', '-o', yamlPath]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('已识别：按 --keep-notice 导入：通知本身作正文（1 段），《石桥镇2025年安全生产工作方案》作附件（12 段/表）');
    const yaml = readFileSync(yamlPath, 'utf8');
    expect(yaml).toContain('title: 石桥镇人民政府关于印发《石桥镇2025年安全生产工作方案》的通知\n');
    expect(yaml).toContain('sections:\n  # 导入时推测：这是印发通知本身的正文，不加序号\n  - id: s1\n    marker: 不编号\n    text: 现将《石桥镇2025年安全生产工作方案》印发给你们，请结合实际，认真抓好贯彻落实。\n');
    expect(runCli(['check', yamlPath]).code).toBe(0);
    expect(runCli(['render', yamlPath, '-o', dir]).code).toBe(0);
    const parts = await openDocx(readFileSync(join(dir, 'notice.docx')));
    const texts = all(parts.document, 'p').map(paragraphText).filter(Boolean);
    const sentence = texts.indexOf('现将《石桥镇2025年安全生产工作方案》印发给你们，请结合实际，认真抓好贯彻落实。');
    expect(sentence).toBeGreaterThan(0);
    // 附件说明, 署名 and 成文日期 of the notice follow its sentence; the plan is the attachment page
    expect(texts.slice(sentence + 1, sentence + 4)).toEqual(['附件：石桥镇2025年安全生产工作方案', '石桥镇人民政府', '2025年2月28日']);
    const label = texts.indexOf('附件', sentence);
    expect(texts.slice(label, label + 4)).toEqual(['附件', '石桥镇2025年安全生产工作方案', '为深入贯彻落实安全生产责任制，有效防范和遏制各类生产安全事故，确保全镇安全生产形势持续稳定，特制定本方案。', '一、工作目标']);
  });

  it('refuses --keep-notice for a document that is no 印发通知, and --split with it, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-notice-'));
    const plain = runCli(['import', `${ROOT}tests/fixtures/import/qingshan-2025-plan.txt`, '--keep-notice', '-o', join(dir, 'x.yaml')]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('--keep-notice 只用于“关于印发《……》的通知”这样印发文件的通知');
    const both = runCli(['import', NOTICE, '--keep-notice', '--split', '-o', join(dir, 'y.yaml')]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--split 用于总结及计划，--keep-notice 用于印发通知，两者不能一起用');
    expect(readdirSync(dir)).toEqual([]);
  });
});
