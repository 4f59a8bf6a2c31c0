// Real document shapes (#15): flattened web text, hard-wrapped PDF text, a
// 工作要点 starting at （一）, summaries with achievement figures, a combined
// 总结及计划, a 政府工作报告 with "——" and "一是" heads, a 印发通知 wrapping a
// plan, and targets in the opening. Each imports into a file check accepts
// and renders back with its paragraphs and its own numbering.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { importFile, importText } from '../../src/import/index.js';
import { findMetricCandidates } from '../../src/import/metrics.js';
import { reportOn } from '../../src/import/report.js';
import { loadPlanSource } from '../../src/load/index.js';
import { composeSummaryMarkdown, loadProgressSource } from '../../src/summary/index.js';
import { markdownToDocx } from '../../src/docx/index.js';
import { openDocx, paragraphText, bodyParagraphs } from '../docx/xml.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/import');
const fixture = (name: string) => join(FIXTURES, name);
const plain = (markdown: string) => markdown.replace(/\*\*/g, '');

describe('paragraph recovery', () => {
  it('splits a web page pasted as one line back into its paragraphs and headings', async () => {
    const source = readFileSync(fixture('hexi-2024-web-flattened-plan.txt'), 'utf8');
    expect(source.trim().split('\n')).toHaveLength(1);
    const { plan, yaml, notes } = await importFile(fixture('hexi-2024-web-flattened-plan.txt'));
    expect(notes[0]!.message).toBe('原文有 1 行是连成一行的网页文字，已按空格和句末的编号拆回段落');
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.title).toBe('河西镇2024年农村人居环境整治提升工作方案');
    expect(plan.sections.map((s) => s.title)).toEqual(['指导思想', '工作目标', '重点任务', '保障措施']);
    expect(plan.sections[2]!.children!.map((s) => [s.title, s.children?.length ?? 0])).toEqual([['扎实推进农村厕所革命', 2], ['加快推进生活污水治理', 1], ['全面提升村容村貌', 1]]);
    expect({ issuer: plan.issuer, date: plan.date }).toEqual({ issuer: '河西镇人民政府', date: '2024-03-12' });
    // every source paragraph is one rendered paragraph again
    const rendered = plain(composePlanMarkdown(plan).markdown);
    for (const paragraph of source.trim().split('\u3000\u3000').slice(1, -2)) expect(rendered).toContain(paragraph);
  });

  it('joins PDF text hard-wrapped at the line width and drops the page number', async () => {
    const { plan, notes } = await importFile(fixture('taoyuan-2023-plan-from-pdf.txt'));
    expect(notes.map((n) => n.message)).toEqual(expect.arrayContaining(['删去页码等分页残留 1 行', '原文按页宽折行，已把 7 处折行接回段落']));
    expect(plan.opening).toBe('为全面推进乡村振兴，加快农业农村现代化，根据上级有关文件精神，结合我镇实际，制定本计划。');
    expect(plan.sections.map((s) => s.title)).toEqual(['总体要求', '主要任务', '保障措施']);
    expect(plan.sections[1]!.children!.map((s) => s.title)).toEqual(['稳定粮食生产', '发展富民产业', '推进乡村建设']);
    expect(plain(composePlanMarkdown(plan).markdown)).toContain('培育农民专业合作社10家以上，发展特色种植基地3个，带动农户增收致富，农村居民人均可支配收入同比增长7%以上。');
  });
});

describe('summaries import as progress files', () => {
  it('records achievement figures as values with units and the period end date, targets only in the plan part', async () => {
    const { yaml, summary, notes } = await importFile(fixture('shimen-2024-h1-summary.txt'));
    expect(summary).toBeDefined();
    const progress = summary!.progress;
    expect(progress.period).toEqual({ kind: 'half', year: 2024, half: 1 });
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/progress.schema.json');
    const grain = progress.metrics!.find((m) => m.name === '粮食播种面积' && !m.target)!;
    expect(progress.values).toContainEqual({ metric: grain.id, value: 6.75, date: '2024-06-30' });
    expect(grain.unit).toBe('万亩');
    // "粮食播种面积达6.75万亩以上" done is a value, never a target; 下半年 "稳定在13.5万亩以上" is a target
    expect(progress.metrics!.filter((m) => m.target).map((m) => [m.name, m.target])).toEqual([
      ['粮食播种面积', { kind: 'atLeast', value: 13.5, wording: '以上' }],
      ['固定资产投资', { kind: 'atLeast', value: 8, wording: '以上' }],
      ['城镇就业', { kind: 'atLeast', value: 800, wording: '以上' }],
    ]);
    expect(progress.metrics!.find((m) => m.id === 'm2')!.name).toBe('地区生产总值同比增长');
    expect(notes.some((n) => n.message.startsWith('这是一份工作总结：导入为进度文件（统计期间 2024年上半年）'))).toBe(true);
    const loaded = await loadProgressSource(yaml, 'summary.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rendered = plain(composeSummaryMarkdown(progress, undefined).markdown);
    expect(rendered).toContain('1.全力稳定粮油生产。完成粮食播种面积6.75万亩以上，油菜种植面积2.1万亩，新建高标准农田3000亩。');
    expect(rendered).toContain('全镇实现地区生产总值12.6亿元，同比增长6.2%；完成固定资产投资3.8亿元，同比增长9.5%。');
    expect(rendered).not.toMatch(/^#+ （一）全力稳定/m);
  });

  it('splits a 总结及计划 into two files with --split, both accepted by check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-split-'));
    const result = runCli(['import', fixture('yunshan-2025-summary-and-2026-plan.txt'), '-o', 'yunshan.yaml', '--split'], { cwd: dir });
    expect(result.stderr).not.toContain('内部错误');
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['schema', 'yunshan-计划.yaml', 'yunshan.yaml']);
    const summaryYaml = readFileSync(join(dir, 'yunshan.yaml'), 'utf8');
    const planYaml = readFileSync(join(dir, 'yunshan-计划.yaml'), 'utf8');
    expect(summaryYaml).toMatch(/period:\n  kind: year\n  year: 2025/);
    expect(summaryYaml).not.toContain('2026年工作计划');
    expect(planYaml).toMatch(/^title: 云山乡2026年工作计划$/m);
    expect(planYaml).toMatch(/^year: 2026$/m);
    expect(planYaml).toContain('start: （一）');
    for (const file of ['yunshan.yaml', 'yunshan-计划.yaml']) expect(runCli(['check', join(dir, file)]).code).toBe(0);
    const refused = runCli(['import', fixture('shimen-2024-h1-summary.txt'), '-o', 'x.yaml', '--split'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--split 只用于“工作总结及工作计划”这样总结和计划合在一起的文件');
  });
});

describe('metrics over the whole document', () => {
  it('reads distributive phrasing, 控制在…以内, 不低于, ranges and 同比, in the opening as in sections', () => {
    const text = '某镇2025年工作计划\n主要预期目标：地区生产总值、一般公共预算收入分别增长6%、9%以上，城镇调查失业率控制在5.5%以内，粮食播种面积不低于12万亩。\n一、主要任务\n规上工业增加值同比增长8%以上，培育特色产业村2—3个，开展集中整治不少于4次。\n';
    const { plan, yaml } = importText(text, 'x.txt');
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.opening).toBe('主要预期目标：地区生产总值、一般公共预算收入分别增长[[m1]]、[[m2]]，城镇调查失业率控制在[[m3]]，粮食播种面积[[m4]]。');
    expect(plan.metrics!.map((m) => [m.name, m.unit, m.target])).toEqual([
      ['地区生产总值增长', '%', { kind: 'exact', value: 6 }],
      ['一般公共预算收入增长', '%', { kind: 'atLeast', value: 9, wording: '以上' }],
      ['城镇调查失业率', '%', { kind: 'atMost', value: 5.5, wording: '以内' }],
      ['粮食播种面积', '万亩', { kind: 'atLeast', value: 12, wording: '不低于' }],
      ['规上工业增加值', '%', { kind: 'growth', rate: 8 }],
      ['特色产业村', '个', { kind: 'range', min: 2, max: 3, separator: '—' }],
      ['集中整治', '次', { kind: 'atLeast', value: 4, wording: '不少于' }],
    ]);
    expect(plain(composePlanMarkdown(plan).markdown)).toContain('地区生产总值、一般公共预算收入分别增长6%、9%以上，城镇调查失业率控制在5.5%以内，粮食播种面积不低于12万亩。');
  });

  it('never takes a target from a past-tense achievement in a plan', () => {
    const text = '某镇2025年工作计划\n一、2024年工作回顾\n全年新增就业860人以上，建成高标准农田5000亩以上。\n二、2025年目标任务\n2021年以来累计培训2000人次以上。全年新增就业800人以上。\n';
    const { plan } = importText(text, 'x.txt');
    expect(plan.metrics!.map((m) => [m.name, m.task])).toEqual([['就业', 's2']]);
    expect(plan.sections[0]!.text).toBe('全年新增就业860人以上，建成高标准农田5000亩以上。');
    expect(findMetricCandidates('地区生产总值、一般公共预算收入分别增长6%、9%以上').map((c) => [c.name, c.phrase])).toEqual([['地区生产总值增长', '6%'], ['一般公共预算收入增长', '9%以上']]);
  });
});

describe('report heads without numbers and furniture in mid-document', () => {
  it('keeps "——" and "一是" heads of a 政府工作报告 with their own marks', async () => {
    const { plan, yaml } = await importFile(fixture('shanqian-2025-government-report.txt'));
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.sections[0]).toMatchObject({ title: '2024年工作回顾', childNumbering: '——' });
    expect(plan.sections[1]).toMatchObject({ title: '2025年主要目标和重点工作', childNumbering: '一是' });
    expect(plan.sections[0]!.children!.map((c) => c.title)).toEqual(['产业发展势能强劲', '乡村振兴扎实推进', '民生福祉持续增进']);
    expect(yaml).toContain('# 导入时推测（把握：中）：原文这一节的下级是以“——”开头的小标题，没有编号，按原样保留');
    // figures of the review are achievements: no metric comes from 一、2024年工作回顾
    expect(plan.metrics!.every((m) => m.task.startsWith('s2'))).toBe(true);
    const rendered = plain(composePlanMarkdown(plan).markdown);
    expect(rendered).toContain('——产业发展势能强劲。新引进企业12家，完成工业总产值18.6亿元，同比增长8.2%。');
    expect(rendered).toContain('二是着力推进乡村振兴。新建高标准农田3000亩以上，培育特色产业村2—3个。');
  });

  it('takes a 印发通知\'s 文号, 主送 (its 、 kept), 署名, 成文日期 and 附注, with the issued plan as the body', async () => {
    const { plan, yaml } = await importFile(fixture('shiqiao-2025-notice-with-plan.txt'));
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan).toMatchObject({
      title: '石桥镇2025年安全生产工作方案', kind: '工作方案', docNumber: '石府发〔2025〕6号', recipients: ['各村（社区）、镇属各单位、驻镇各单位'],
      issuer: '石桥镇人民政府', date: '2025-02-28', note: '此件公开发布',
    });
    expect(plan.opening).toBe('为深入贯彻落实安全生产责任制，有效防范和遏制各类生产安全事故，确保全镇安全生产形势持续稳定，特制定本方案。');
    expect(yaml).toContain('#   现将《石桥镇2025年安全生产工作方案》印发给你们，请结合实际，认真抓好贯彻落实。');
    // GB/T 9704 主送机关 as printed: the source's 、 between names, one line ending in ：
    const docx = await openDocx(await markdownToDocx(composePlanMarkdown(plan).markdown));
    expect(bodyParagraphs(docx.document).map(paragraphText)).toContain('各村（社区）、镇属各单位、驻镇各单位：');
  });
});

describe('a Word plan numbered by Word lists', () => {
  it('reads the list numbers, bold run-in heads, the footnote and the table caption, and renders its own numbers', async () => {
    const { plan, yaml } = await importFile(fixture('changhe-2025-word-numbering-plan.docx'));
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.sections.map((s) => s.title)).toEqual(['总体要求', '目标任务', '重点工作', '保障措施']);
    expect(plan.sections[2]!.children!.map((s) => [s.title, s.children?.map((c) => c.title)])).toEqual([
      ['稳定粮食生产', ['落实耕地保护制度', '抓好粮食生产']],
      ['发展富民产业', ['壮大特色产业', '促进农民增收']],
      // the 任务分解表 names a task the text has no heading for: it becomes one, with its 牵头单位
      ['产业培育', undefined],
    ]);
    expect(plan.sections[2]!.children![0]).toMatchObject({ title: '稳定粮食生产', lead: '农业服务中心' });
    expect(plan.sections[2]!.children![2]).toMatchObject({ title: '产业培育', lead: '经济发展办' });
    expect(plan.sections[3]!.children!.map((s) => s.title)).toEqual(['加强组织领导', '强化督查考核']);
    expect(yaml).toContain('# 导入时推测（把握：中）：原文这一标题没有编号，按加粗的开头认作二级标题，按原样不加编号');
    // the bold heads keep the document's own form: no number added
    expect(plan.sections[3]!.childNumbering).toBe('不编号');
    const rendered = plain(composePlanMarkdown(plan).markdown);
    expect(rendered).toMatch(/^#+ 三、重点工作$/m);
    expect(rendered).toContain('2.抓好粮食生产。推广良种良法，开展统防统治不少于3次。');
    expect(rendered).toContain('注：增速按可比价格计算。');
    expect(rendered).toMatch(/^加强组织领导。成立由镇长任组长的工作领导小组/m);
    expect(rendered).toContain('重点任务分解表');
    expect(rendered).toMatch(/^\| 1 \| 粮食生产 \| 农业服务中心 \|/m);
  });
});

describe('the import report', () => {
  it.each(readdirSync(FIXTURES).filter((f) => /\.(txt|md|docx)$/.test(f)))('%s imports into a file check accepts, with its numbered paragraphs kept', async (name) => {
    const row = await reportOn(fixture(name), name);
    expect(row.kind).not.toBe('refused');
    expect(row.accepted).toBe(true);
    expect(row.whole / row.paragraphs).toBeGreaterThan(0.75);
  });
});
