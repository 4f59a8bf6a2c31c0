// Tables on import (#14 item 5): Word tables with merged header cells,
// Markdown pipe tables and tab-separated text become table blocks where they
// stand; a task breakdown also fills the tasks' lead/units/deadline; a
// table-only document imports, checks and renders with every cell; tables a
// page cannot hold get a Chinese note and still a valid file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { docxToBlocks } from '../../src/import/docx.js';
import { importBlocks, importFile, importText } from '../../src/import/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import type { Block, Plan, Section, TableBlock } from '../../src/model/plan.js';
import { all, attr, child, openDocx } from '../docx/xml.js';
import { ROOT, runCli } from '../helpers/cli.js';

const fixture = (name: string) => join(ROOT, 'tests/fixtures/import', name);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TITLE = '石门镇2025年农业农村重点工作方案';

function accepted(yaml: string): void {
  expect(loadPlanSource(yaml, 'out.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

function tablesOf(text: Section['text'] | undefined): TableBlock[] {
  return (Array.isArray(text) ? text : []).flatMap((b: Block) => (typeof b === 'object' && 'table' in b ? [b.table] : []));
}

async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (props: string, ...paras: string[]) => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.map(p).join('')}</w:tc>`;

describe('Word tables', () => {
  it('reads merged header cells (gridSpan across, vMerge down) as a two-level header and a header cell wrapped over two lines as one title', async () => {
    const header1 = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('<w:vMerge w:val="restart"/>', '序号')}${tc('<w:vMerge w:val="restart"/>', '责任', '领导')}${tc('<w:gridSpan w:val="2"/>', '推进情况')}</w:tr>`;
    const header2 = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('<w:vMerge/>')}${tc('<w:vMerge/>')}${tc('', '工作安排')}${tc('', '完成情况')}</w:tr>`;
    // 张明 leads both rows: one cell merged down
    const row1 = `<w:tr>${tc('', '1')}${tc('<w:vMerge w:val="restart"/>', '张明')}${tc('', '7月完成栽插')}${tc('', '已完成')}</w:tr>`;
    const row2 = `<w:tr>${tc('', '2')}${tc('<w:vMerge/>')}${tc('', '9月底前完工')}${tc('', '完成85%', '剩余部分10月完成')}</w:tr>`;
    const blocks = await docxToBlocks(await docx([p(TITLE), p('一、重点工作'), `<w:tbl>${header1}${header2}${row1}${row2}</w:tbl>`].join('')));
    const { plan, yaml } = importBlocks(blocks);
    accepted(yaml);
    expect(tablesOf(plan.sections[0]!.text)).toEqual([{
      columns: ['序号', '责任领导', { title: '推进情况', children: ['工作安排', '完成情况'] }],
      rows: [[1, '张明', '7月完成栽插', '已完成'], [2, '张明', '9月底前完工', '完成85%\n剩余部分10月完成']],
    }]);
    // one row a line; the cell with a line break stays on it, quoted
    expect(yaml).toContain('            - [ 2, 张明, 9月底前完工, "完成85%\\n剩余部分10月完成" ]\n');
  });

  it('imports a quarterly report that is only a table: check accepts it, the table stays the content (no tasks printed a second time), and every cell renders', async () => {
    const { plan, yaml, notes } = await importFile(fixture('baiyun-2025-q3-key-work-table.docx'));
    accepted(yaml);
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]!.title).toBe('第三季度重点工作推进情况');
    const [table] = tablesOf(plan.sections[0]!.text);
    expect(table!.columns).toEqual(['序号', '重点工作', '责任领导', '责任科室', '目标任务', { title: '推进情况', children: ['工作安排', '完成情况'] }]);
    expect(table!.rows).toHaveLength(4);
    // no row names a task of the text: the rows are not turned into tasks, which would print them again under the table
    expect(plan.sections[0]!.children ?? []).toEqual([]);
    expect(yaml).not.toContain('新建为任务');
    expect(notes).toContainEqual({ line: 2, kind: 'guess', message: '原文第 2 行的表格像任务分解表，但正文里没有与它对应的任务标题，已原样保留为表格，没有新建任务（否则每项会印两遍）' });
    const markdown = composePlanMarkdown(plan).markdown;
    const cells = table!.rows.flat().map((cell) => String(cell).replace(/\n/g, ' '));
    for (const cell of cells) expect(markdown).toContain(cell);
    // each task name is printed once: in its table row
    for (const name of ['粮食生产', '高标准农田建设', '农村人居环境整治', '安全生产']) expect(markdown.split(name)).toHaveLength(2);
  });
});

describe('tab-separated text and Markdown tables', () => {
  it('joins a header row a browser copy wrapped over two lines and an Excel cell quoted over two lines', () => {
    const tsv = ['序号\t重点任务\t牵头', '单位\t完成时限', '1\t整治村容村貌\t镇村建办\t全年', '2\t健全管护机制\t镇农业服务中心\t"2025年', '12月底前"'].join('\n');
    const { plan, yaml } = importText(`${TITLE}\n一、任务分解\n${tsv}\n`, 'in.txt');
    accepted(yaml);
    expect(tablesOf(plan.sections[0]!.text)).toEqual([{ columns: ['序号', '重点任务', '牵头单位', '完成时限'], rows: [[1, '整治村容村貌', '镇村建办', '全年'], [2, '健全管护机制', '镇农业服务中心', '2025年\n12月底前']] }]);
  });

  it('does not take paragraphs indented with a tab for a table', () => {
    const { plan } = importText(`${TITLE}\n\t一、总体要求\n\t坚持稳中求进。\n\t二、重点任务\n\t抓好粮食生产。\n`, 'in.txt');
    expect(plan.sections.map((s) => [s.title, s.text])).toEqual([['总体要求', '坚持稳中求进。'], ['重点任务', '抓好粮食生产。']]);
  });

  it('reads plandoc\'s own Markdown back: the two-level header spelled as two rows, escaped asterisks, the caption', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-tables-'));
    expect(runCli(['render', join(ROOT, 'tests/fixtures/tables-plan.yaml'), '-o', dir, '--to', 'md']).code).toBe(0);
    const { plan, yaml } = await importFile(join(dir, 'tables-plan.md'));
    accepted(yaml);
    const road = plan.sections[0]!.children!.find((s) => s.title === '推进道路建设')!;
    expect(tablesOf(road.text)).toEqual([{
      caption: '道路建设任务表',
      columns: ['序号', '村', { title: '里程（公里）', children: ['计划', '已完成'] }, '备注'],
      rows: [[1, '青山村', 3.5, 1.2, '**不是粗体**'], [2, '绿水村', 2, '', '茶园面积2000亩以上']],
    }]);
  });

  it('fills the lead, units and deadline of the tasks a 任务分解表 names, and adds the task the text lacks (fixture from a browser copy)', async () => {
    const { plan, yaml } = await importFile(fixture('fengxi-2025-plan-with-task-table.txt'));
    accepted(yaml);
    const tasks = plan.sections[1]!.children!;
    expect(tasks.map((s) => [s.title, s.lead, s.units, s.deadline])).toEqual([
      ['推进农村厕所革命', '镇村建办', ['各村', '镇卫生院'], '2025年10月底前'],
      ['治理农村生活污水', '镇生态办', ['各村'], '2025年11月底前'],
      ['整治村容村貌', '镇村建办', ['各村', '镇团委'], '全年'],
      // not in the text: a new task beside the ones the table matched
      ['健全长效管护机制', '镇农业服务中心', ['镇财政所'], '2025年12月底前'],
    ]);
    expect(yaml).toContain('      # 导入时推测：“牵头单位”（lead）、“配合单位”（units）、“完成时限”（deadline）取自原文第 19 行的表格\n      - id: s2-1\n');
    // the table stays where it stood, with its caption; the attachment page keeps its table
    expect(tablesOf(plan.sections[2]!.text)[0]).toMatchObject({ caption: '重点任务分解表', columns: ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'] });
    expect(plan.attachments).toEqual([{ title: '各村整治任务表', text: [{ table: { columns: ['村名', '改厕（户）', '污水治理', '美丽庭院（户）'], rows: [['青山村', 80, '是', 60], ['石岭村', 120, '是', 70], ['溪口村', 100, '否', 70]] } }] }]);
  });

  it('leaves a table that is not a task breakdown (a 指标表) out of the tasks', () => {
    const { plan } = importText(`${TITLE}\n一、主要指标\n指标\t单位\t目标\n粮食播种面积\t万亩\t3.2\n`, 'in.txt');
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]!.children).toBeUndefined();
  });
});

describe('tables a page cannot hold, and odd cells', () => {
  it('pads ragged rows, warns with the line, and keeps a header-only table', () => {
    const { plan, yaml, notes } = importText(`${TITLE}\n一、任务\n| 序号 | 任务 | 责任单位 |\n|---|---|---|\n| 1 | 粮食生产 |\n| 2 | 改厕 | 镇村建办 |\n\n| 村 | 户数 |\n|---|---|\n`, 'in.md');
    accepted(yaml);
    expect(tablesOf(plan.sections[0]!.text)).toEqual([
      { columns: ['序号', '任务', '责任单位'], rows: [[1, '粮食生产', ''], [2, '改厕', '镇村建办']] },
      { columns: ['村', '户数'], rows: [] },
    ]);
    expect(notes).toContainEqual({ line: 3, kind: 'warning', message: '原文第 3 行的表格各行格数不一（最多 3 格）：第 1 行格数不足，已在行尾补空格，请核对各格是否错位' });
    expect(notes).toContainEqual({ line: 8, kind: 'warning', message: '原文第 8 行的表格只有表头，没有内容行' });
  });

  it('keeps a table of 200 columns as list items with a Chinese warning, every cell kept', () => {
    const row = (r: number) => Array.from({ length: 200 }, (_, c) => `${r}-${c}`).join('\t');
    const { plan, yaml, notes } = importText(`${TITLE}\n一、明细\n${row(0)}\n${row(1)}\n`, 'in.txt');
    accepted(yaml);
    const text = plan.sections[0]!.text as Block[];
    expect(text).toEqual([{ list: [expect.stringMatching(/^0-0，0-1，.*0-199$/), expect.stringMatching(/^1-0，.*1-199$/)] }]);
    expect(notes).toContainEqual({ line: 3, kind: 'warning', message: '原文第 3 行的表格有 200 列，超过了表格的上限 20 列（A4 纸横排也放不下），已按行转成列表项，每格文字都保留。可以把它拆成几个表再放回计划' });
  });

  it('splits a table of 10,000 rows into tables of at most 2,000 rows with the same header', { timeout: 60_000 }, () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i + 1}\t第${i + 1}户`).join('\n');
    const { plan, yaml, notes } = importText(`${TITLE}\n一、明细\n序号\t户名\n${rows}\n`, 'in.txt');
    accepted(yaml);
    const tables = tablesOf(plan.sections[0]!.text);
    expect(tables.map((t) => t.rows.length)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(tables.every((t) => JSON.stringify(t.columns) === '["序号","户名"]')).toBe(true);
    expect(tables[4]!.rows.at(-1)).toEqual([10000, '第10000户']);
    expect(notes).toContainEqual({ line: 3, kind: 'warning', message: '原文第 3 行的表格有 10000 行，超过了单个表格 2000 行的上限，已拆成 5 个表格（表头相同）' });
  });

  it('keeps a cell\'s Markdown as text, its [[ escaped, its line break, and YAML that reads back to the same cells', () => {
    const md = `# ${TITLE}\n\n## 一、任务\n\n| 任务 | 说明 |\n|---|---|\n| **粮食生产** | 见[[附表]]<br>- 第二行 \\| 含竖线 |\n`;
    const { plan, yaml } = importText(md, 'in.md');
    accepted(yaml);
    const [table] = tablesOf(plan.sections[0]!.text);
    expect(table!.rows).toEqual([['粮食生产', '见\\[[附表]]\n- 第二行 | 含竖线']]);
    const reread = parse(yaml) as Plan;
    expect(tablesOf(reread.sections[0]!.text)[0]!.rows).toEqual(table!.rows);
  });
});

describe('import → check → render', () => {
  it('renders the imported quarterly table as an official table: merged header cells, every cell in the DOCX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-tables-'));
    const yamlPath = join(dir, 'baiyun.yaml');
    expect(runCli(['import', fixture('baiyun-2025-q3-key-work-table.docx'), '-o', yamlPath]).code).toBe(0);
    expect(runCli(['check', yamlPath]).code).toBe(0);
    expect(runCli(['render', yamlPath, '-o', dir]).code).toBe(0);
    const parts = await openDocx(readFileSync(join(dir, 'baiyun.docx')));
    const [table] = all(parts.document, 'tbl');
    const rows = all(table!, 'tr');
    // TB-02: the two header rows repeat on each page; 推进情况 spans its two columns, the others span both rows
    expect(rows.slice(0, 2).map((r) => child(child(r, 'trPr'), 'tblHeader') !== undefined)).toEqual([true, true]);
    const spans = all(rows[0]!, 'tc').map((c) => attr(child(child(c, 'tcPr'), 'gridSpan'), 'val') ?? '1');
    expect(spans).toEqual(['1', '1', '1', '1', '1', '2']);
    const source = await docxToBlocks(readFileSync(fixture('baiyun-2025-q3-key-work-table.docx')));
    const cells = source.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])).filter(Boolean).map((c) => c.replace(/\s/g, ''));
    const tableText = all(table!, 't').map((t) => t.textContent).join('').replace(/\s/g, '');
    for (const cell of cells) expect(tableText).toContain(cell);
  });
});
