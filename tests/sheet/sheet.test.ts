// `plandoc sheet`: the 调度表 a unit fills in, read back with exceljs the way a
// spreadsheet program sees it (validation, protection, views, print setup).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parsePeriodFlag } from '../../src/sheet/period.js';

const dir = mkdtempSync(join(tmpdir(), 'plandoc-sheet-'));
const PLAN = 'plans/changshou-2026.yaml';
const UNITS_PLAN = 'tests/fixtures/sheet/xinhe-2026.yaml';

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

/** Column number of a header text in row 3. */
function col(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(3);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).text === header) return c;
  throw new Error(`no column ${header}`);
}

describe('plandoc sheet', () => {
  let june: string;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    june = join(dir, '调度表.xlsx');
    const result = runCli(['sheet', PLAN, '--period', '2026-06', '-o', june]);
    expect(result.code, result.stderr).toBe(0);
    wb = await open(june);
    ws = wb.getWorksheet('调度表')!;
  });

  it('has the columns the issue lists, a row per metric and the metric id in a hidden column', () => {
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '指标', '单位', '目标', '对应任务', '责任单位', '截至日期', '本期完成数', '累计完成数/完成数', '说明', '数据来源', '编号（请勿修改）']);
    expect(ws.getCell('A1').text).toBe('长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划指标调度表（2026年6月）');
    const idCol = col(ws, '编号（请勿修改）');
    expect(ws.getColumn(idCol).hidden).toBe(true);
    const plan = readFileSync(PLAN, 'utf8');
    const metricIds = [...plan.matchAll(/^  - id: (\S+)\n    name:/gm)].map((m) => m[1]);
    expect(metricIds.length).toBe(23);
    expect(metricIds.map((_, i) => ws.getCell(4 + i, idCol).text)).toEqual(metricIds);
    // transfer-training: 转移就业培训, 300人次以上, cumulative
    const row = ws.getRow(4 + metricIds.indexOf('transfer-training'));
    expect([row.getCell(2).text, row.getCell(3).text, row.getCell(4).text, row.getCell(5).text]).toEqual(['转移就业培训', '人次', '300人次以上', '扩大就业规模']);
    expect(row.getCell(col(ws, '截至日期')).value).toEqual(new Date('2026-06-30T00:00:00Z'));
  });

  it('validates input cells: numbers, 是/否, dates within the period, and locks the labels', () => {
    const training = ws.getRow(4 + 17);
    expect(training.getCell(2).text).toBe('转移就业培训');
    const value = training.getCell(col(ws, '累计完成数/完成数'));
    expect(value.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', showErrorMessage: true });
    expect(value.protection?.locked).toBe(false);
    expect(training.getCell(col(ws, '本期完成数')).protection?.locked).toBe(false);
    const date = training.getCell(col(ws, '截至日期'));
    expect(date.dataValidation).toMatchObject({ type: 'date', operator: 'between', formulae: [new Date('2026-06-01T00:00:00Z'), new Date('2026-06-30T00:00:00Z')] });
    expect(training.getCell(2).protection?.locked).not.toBe(false);
    const riskZero = ws.getRow(4);
    expect(riskZero.getCell(2).text).toBe('返贫致贫风险动态清零');
    expect(riskZero.getCell(col(ws, '累计完成数/完成数')).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    // not cumulative: no 本期完成数 to fill in
    expect(riskZero.getCell(col(ws, '本期完成数')).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean; insertRows: boolean } }).sheetProtection).toMatchObject({ sheet: true, insertRows: true });
  });

  it('has task rows with a status drop-down of the schema statuses', () => {
    let header = 0;
    ws.eachRow((row, n) => { if (row.getCell(2).text === '任务') header = n; });
    expect(header).toBeGreaterThan(26);
    const statusCol = [...Array(12).keys()].find((c) => ws.getRow(header).getCell(c + 1).text === '状态')! + 1;
    const first = ws.getRow(header + 1);
    expect(first.getCell(statusCol).dataValidation).toMatchObject({ type: 'list', formulae: ['"完成,正常推进,滞后,未启动,暂停"'] });
    const tasks: string[] = [];
    for (let r = header + 1; r <= ws.rowCount; r++) tasks.push(ws.getRow(r).getCell(12).text);
    expect(tasks).toContain('employment-services');
    expect(tasks).toContain('living-environment');
    expect(tasks).not.toContain('guiding-thought');
  });

  it('freezes the header, prints A4 landscape fitted to width with the title rows repeated', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
  });

  it('has a Chinese 填表说明 sheet', () => {
    const help = wb.getWorksheet('填表说明')!;
    const text = help.getColumn(1).values.join('\n');
    expect(text).toContain('白色格子由填报单位填写');
    expect(text).toContain('2026-06-01 至 2026-06-30');
  });

  it('writes the same bytes every time', () => {
    const again = join(dir, 'again.xlsx');
    expect(runCli(['sheet', PLAN, '--period', '2026-06', '-o', again]).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(june))).toBe(true);
  });

  it('--by-unit: one sheet per responsible unit with its own rows', async () => {
    const out = join(dir, 'units.xlsx');
    expect(runCli(['sheet', UNITS_PLAN, '--period', '2026-h1', '--by-unit', '-o', out]).code).toBe(0);
    const book = await open(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['镇劳动保障所', '镇农业服务中心', '东村', '西村', '未明确责任单位', '填表说明']);
    const ids = (name: string): string[] => {
      const sheet = book.getWorksheet(name)!;
      const found: string[] = [];
      sheet.eachRow((row, n) => { if (n > 3 && row.getCell(12).text && !row.getCell(12).text.startsWith('编号')) found.push(row.getCell(12).text); });
      return found;
    };
    expect(ids('镇劳动保障所')).toEqual(['transfer-training', 'training']);
    expect(ids('东村')).toEqual(['toilet-renovation', 'satisfaction', 'express-coverage', 'toilets', 'express']);
    expect(ids('未明确责任单位')).toEqual(['fund-share', 'funds']);
    expect(book.getWorksheet('东村')!.getCell('A2').text).toContain('填报单位：东村');
    expect(book.getWorksheet('东村')!.getCell('A1').text).toContain('（2026年上半年）');
  });

  it('wrong usage and bad plans leave no file', () => {
    const out = join(dir, 'never.xlsx');
    const badPeriod = runCli(['sheet', PLAN, '--period', '2026-13', '-o', out]);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain('--period 写法不对');
    const progress = runCli(['sheet', 'plans/changshou-2026-h1.yaml', '-o', out]);
    expect(progress.code).toBe(1);
    expect(progress.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('parsePeriodFlag', () => {
  it('reads months, halves, quarters and years', () => {
    expect(parsePeriodFlag('2026-06')).toEqual({ kind: 'month', year: 2026, month: 6 });
    expect(parsePeriodFlag('2026-h1')).toEqual({ kind: 'half', year: 2026, half: 1 });
    expect(parsePeriodFlag('2026-H2')).toEqual({ kind: 'half', year: 2026, half: 2 });
    expect(parsePeriodFlag('2026-q3')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(parsePeriodFlag('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriodFlag('2026-00')).toBeUndefined();
    expect(parsePeriodFlag('六月')).toBeUndefined();
  });
});
