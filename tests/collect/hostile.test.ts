// collect with workbooks nobody should hand it: each gets a Chinese message,
// exit 1, no stack trace, and the progress file is left byte for byte as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { collect } from '../../src/collect/merge.js';
import { readWorkbookRows } from '../../src/collect/read.js';
import { packageProblem } from '../../src/xlsx/read.js';
import { fill, generate, load, rowOf, save, workspace } from './fill.js';

const FIXTURE = readFileSync('tests/fixtures/sheet/xinhe-2026-06.yaml', 'utf8');

function expectRefused(file: string, progress: string, message: string | RegExp): void {
  const result = runCli(['collect', file, '--into', progress]);
  expect(result.code, result.stderr).toBe(1);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/内部错误|\n\s+at /);
  expect(readFileSync(progress, 'utf8')).toBe(FIXTURE);
}

describe('collect refuses hostile workbooks', () => {
  it('random bytes, a .docx renamed .xlsx, an old .xls, a zip without a workbook, a folder', async () => {
    const { dir, progress } = workspace();
    const random = join(dir, '随机.xlsx');
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    expectRefused(random, progress, '随机.xlsx: 错误 [xlsx-not-xlsx] 这不是 .xlsx 表格文件');
    const docx = join(dir, '通知.xlsx');
    expect(runCli(['render', 'plans/changshou-2026.yaml', '--to', 'docx', '-o', dir]).code).toBe(0);
    writeFileSync(docx, readFileSync(join(dir, 'changshou-2026.docx')));
    expectRefused(docx, progress, '通知.xlsx: 错误 [xlsx-is-docx] 这是 Word 文档（.docx），不是表格文件');
    const xls = join(dir, '旧表.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expectRefused(xls, progress, '[xlsx-old-format] 这是旧版 Excel（.xls）');
    const zip = join(dir, '压缩包.xlsx');
    writeFileSync(zip, zipSync({ 'readme.txt': new TextEncoder().encode('hello') }));
    expectRefused(zip, progress, '[xlsx-not-xlsx] 这不是 .xlsx 表格文件（压缩包里没有工作簿）');
    const truncated = join(dir, '半截.xlsx');
    generate(truncated);
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 3000));
    expectRefused(truncated, progress, /半截\.xlsx: 错误 \[xlsx-damaged\]/);
    expectRefused(dir, progress, /错误 \[[\w-]+\] .*文件夹/);
    expectRefused(join(dir, '没有这个文件.xlsx'), progress, '没有这个文件.xlsx');
    const sheet = join(dir, '调度表.xlsx');
    generate(sheet);
    const intoPlan = runCli(['collect', sheet, '--into', join(dir, 'xinhe-2026.yaml')]);
    expect(intoPlan.code).toBe(1);
    expect(intoPlan.stderr).toContain('[plan-not-progress] 这是计划文件，不是进度文件');
    expect(readFileSync(join(dir, 'xinhe-2026.yaml'), 'utf8')).toBe(readFileSync('tests/fixtures/sheet/xinhe-2026.yaml', 'utf8'));
  });

  it('a zip bomb is refused from its declared sizes before anything is unpacked', () => {
    const bytes = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(120 * 1024 * 1024) }, { level: 9 });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(packageProblem(bytes)).toMatchObject({ code: 'xlsx-too-large' });
  });

  it('missing sheets, a huge sheet, formulas without results, dates and booleans where numbers belong', async () => {
    const { dir, progress } = workspace();
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').getCell('A1').value = '随便写的';
    await save(empty, join(dir, '空表.xlsx'));
    expectRefused(join(dir, '空表.xlsx'), progress, '空表.xlsx: 错误 [xlsx-no-table] 文件里找不到调度表');

    const huge = join(dir, '大表.xlsx');
    generate(huge);
    const big = await load(huge);
    big.getWorksheet('调度表')!.getCell('A9000').value = 1;
    await save(big, huge);
    expectRefused(huge, progress, '[xlsx-sheet-too-large] 工作表“调度表”有 9000 行');

    const typed = join(dir, '乱填.xlsx');
    generate(typed);
    const wb = await load(typed);
    const ws = wb.getWorksheet('调度表')!;
    fill(ws, 'transfer-training', { '累计完成数/完成数': { formula: 'SUM(A1:A3)' } as ExcelJS.CellFormulaValue });
    fill(ws, 'toilet-renovation', { '累计完成数/完成数': new Date('2026-06-01T00:00:00Z') });
    // a date typed into a cell: the spreadsheet program gives the cell a date format
    const dated = rowOf(ws, 'toilet-renovation').getCell(9);
    dated.style = { ...dated.style, numFmt: 'yyyy/m/d' };
    fill(ws, 'satisfaction', { '累计完成数/完成数': true });
    fill(ws, 'fund-share', { '累计完成数/完成数': { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue });
    await save(wb, typed);
    const result = runCli(['collect', typed, '--into', progress]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('乱填.xlsx!I4: 错误 [collect-cell] 是公式，但文件里没有它的计算结果');
    expect(result.stderr).toContain('乱填.xlsx!I5: 错误 [collect-cell] “2026-06-01”是日期，不是数字');
    expect(result.stderr).toContain('乱填.xlsx!I6: 错误 [collect-cell] “TRUE”不是数字');
    expect(result.stderr).toContain('乱填.xlsx!I8: 错误 [collect-cell] 公式的结果是错误值 #DIV/0!');
    expect(readFileSync(progress, 'utf8')).toBe(FIXTURE);
  });

  it('any cell content gives values or diagnostics, never an exception (bounded fuzz, in process)', async () => {
    const { dir } = workspace();
    const file = join(dir, 'fuzz.xlsx');
    generate(file);
    const template = readFileSync(file);
    const plan = { metrics: [
      { id: 'transfer-training', name: '转移就业培训', unit: '人次', target: { kind: 'atLeast' as const, value: 300 }, cumulative: true },
      { id: 'toilet-renovation', name: '农村户厕改造', unit: '户', target: { kind: 'atLeast' as const, value: 1200 }, cumulative: true },
      { id: 'satisfaction', name: '群众满意度', unit: '%', target: { kind: 'atLeast' as const, value: 90 } },
      { id: 'express-coverage', name: '村村通快递', target: { kind: 'achieve' as const, statement: '全覆盖' } },
      { id: 'fund-share', name: '衔接资金用于产业发展比例', unit: '%', target: { kind: 'atLeast' as const, value: 60 } },
    ] };
    const cellValue = fc.oneof(
      fc.string({ maxLength: 12 }), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null),
      fc.date({ noInvalidDate: false }), fc.constantFrom('１,２５０', '62.5%', '1,250', '是', '否', '一千二百', '2026年6月31日', '-0', '1e309'),
      fc.record({ formula: fc.constant('A1'), result: fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.constant(undefined)) }),
      fc.record({ richText: fc.array(fc.record({ text: fc.string({ maxLength: 5 }) }), { maxLength: 3 }) }),
      fc.record({ error: fc.constantFrom('#N/A', '#REF!') }),
    );
    const headers = ['指标', '单位', '截至日期', '本期完成数', '累计完成数/完成数', '说明', '编号（请勿修改）'];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 4, max: 10 }), fc.constantFrom(...headers), cellValue), { maxLength: 12 }),
      async (edits) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(template as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('调度表')!;
        for (const [row, header, value] of edits) {
          const column = (ws.getRow(3).values as unknown[]).indexOf(header);
          ws.getRow(row).getCell(column).value = value as ExcelJS.CellValue;
        }
        const rows = readWorkbookRows(wb, 'fuzz.xlsx', 'fuzz');
        const result = collect({
          metrics: plan.metrics, tasks: [], period: { kind: 'half', year: 2026, half: 1 },
          values: [{ metric: 'transfer-training', value: 120, date: '2026-05-31' }],
          metricRows: rows.metrics, taskRows: rows.tasks,
        });
        for (const d of result.diagnostics) {
          expect(d.file).toMatch(/^fuzz\.xlsx!/);
          expect(d.message).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const edit of result.valueEdits) {
          expect(edit.date).toMatch(/^2026-0[1-6]-\d\d$/);
          expect(typeof edit.value === 'boolean' || Number.isFinite(edit.value)).toBe(true);
        }
      },
    ), { numRuns: 60 });
  });
});
