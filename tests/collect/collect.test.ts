// `plandoc collect`: filled 调度表 back into the progress file, in place.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { fill, generate, load, save, workspace } from './fill.js';

const FIXTURE = readFileSync('tests/fixtures/sheet/xinhe-2026-06.yaml', 'utf8');

function values(progress: string): unknown[] {
  return parse(readFileSync(progress, 'utf8')).values;
}

/** A June 调度表 filled the way a town office does: text numbers, a formula, 本期 only, 是/否. */
async function filledJune(dir: string, name = '调度表-6月.xlsx'): Promise<string> {
  const file = join(dir, name);
  generate(file);
  const wb = await load(file);
  const ws = wb.getWorksheet('调度表')!;
  fill(ws, 'transfer-training', { '累计完成数/完成数': '１８０', 说明: '含线上培训30人次', 数据来源: '镇劳动保障所月报' });
  fill(ws, 'toilet-renovation', { 本期完成数: '350' });
  fill(ws, 'satisfaction', { '累计完成数/完成数': '92.5%', 截至日期: new Date('2026-06-20T00:00:00Z') });
  fill(ws, 'express-coverage', { '累计完成数/完成数': '是' });
  fill(ws, 'fund-share', { '累计完成数/完成数': { formula: 'ROUND(334/500*100,1)', result: 66.8 } });
  fill(ws, 'training', { 状态: '正常推进', 进展情况: '6月完成第二期培训' });
  await save(wb, file);
  return file;
}

const EXPECTED_JUNE = [
  { metric: 'transfer-training', value: 120, date: '2026-05-31', source: '镇劳动保障所月报' },
  { metric: 'toilet-renovation', value: 400, date: '2026-05-31' },
  { metric: 'transfer-training', value: 180, date: '2026-06-30', note: '含线上培训30人次', source: '镇劳动保障所月报' },
  { metric: 'toilet-renovation', value: 750, date: '2026-06-30', source: '调度表-6月' },
  { metric: 'satisfaction', value: 92.5, date: '2026-06-20', source: '调度表-6月' },
  { metric: 'express-coverage', value: true, date: '2026-06-30', source: '调度表-6月' },
  { metric: 'fund-share', value: 66.8, date: '2026-06-30', source: '调度表-6月' },
];

describe('plandoc collect', () => {
  it('merges every value with its date and source, keeping comments and order', async () => {
    const { dir, progress } = workspace();
    const file = await filledJune(dir);
    const result = runCli(['collect', file, '--into', progress]);
    expect(result.code, result.stderr).toBe(0);
    expect(values(progress)).toEqual(EXPECTED_JUNE);
    const text = readFileSync(progress, 'utf8');
    // the lines of the original file are all still there, in order, with the new entries after the May ones
    expect(text.startsWith(FIXTURE.slice(0, FIXTURE.indexOf('\ntasks:')))).toBe(true);
    expect(text).toContain('  - { metric: toilet-renovation, value: 750, date: 2026-06-30, source: 调度表-6月 }\n');
    expect(parse(text).tasks).toEqual([{ task: 'training', status: '正常推进', progress: '6月完成第二期培训' }]);
    expect(runCli(['check', progress]).code).toBe(0);
    // a second run finds nothing to do
    const again = runCli(['collect', file, '--into', progress]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('已是最新');
    expect(readFileSync(progress, 'utf8')).toBe(text);
  });

  it('--dry-run prints the change as a diff and writes nothing', async () => {
    const { dir, progress } = workspace();
    const file = await filledJune(dir);
    const result = runCli(['collect', file, '--into', progress, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`--- ${progress}\n+++ ${progress}\n@@ `);
    expect(result.stdout).toContain('\n+  - { metric: fund-share, value: 66.8, date: 2026-06-30, source: 调度表-6月 }\n');
    expect(result.stdout).toContain('\n     status: 正常推进\n+    progress: 6月完成第二期培训\n');
    expect(readFileSync(progress, 'utf8')).toBe(FIXTURE);
  });

  it('survives a re-save through LibreOffice (cached formula results, rewritten styles and dates)', async () => {
    const { dir, progress } = workspace();
    const file = await filledJune(dir);
    const out = join(dir, 'lo');
    mkdirSync(out);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
    const resaved = join(dir, '调度表-6月.xlsx');
    copyFileSync(join(out, '调度表-6月.xlsx'), resaved);
    const result = runCli(['collect', resaved, '--into', progress]);
    expect(result.code, result.stderr).toBe(0);
    expect(values(progress)).toEqual(EXPECTED_JUNE);
  });

  it('sums per-unit sheets of counts and reports rates that differ instead of adding them', async () => {
    const { dir, progress } = workspace();
    const file = join(dir, '调度表-分单位.xlsx');
    generate(file, '--by-unit');
    const wb = await load(file);
    fill(wb.getWorksheet('东村')!, 'toilet-renovation', { '累计完成数/完成数': 300 });
    fill(wb.getWorksheet('西村')!, 'toilet-renovation', { '累计完成数/完成数': '250' });
    fill(wb.getWorksheet('镇农业服务中心')!, 'toilet-renovation', { '累计完成数/完成数': 0 });
    fill(wb.getWorksheet('东村')!, 'satisfaction', { '累计完成数/完成数': 92 });
    fill(wb.getWorksheet('西村')!, 'satisfaction', { '累计完成数/完成数': 88 });
    fill(wb.getWorksheet('东村')!, 'express-coverage', { '累计完成数/完成数': '是' });
    fill(wb.getWorksheet('西村')!, 'express-coverage', { '累计完成数/完成数': '是' });
    await save(wb, file);
    const result = runCli(['collect', file, '--into', progress]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('警告 [collect-units-differ] “群众满意度”由几个单位分别报送，数不同（东村：92，西村：88）');
    expect(values(progress).slice(2)).toEqual([
      { metric: 'toilet-renovation', value: 550, date: '2026-06-30', source: '镇农业服务中心、东村、西村' },
      { metric: 'express-coverage', value: true, date: '2026-06-30', source: '东村、西村' },
    ]);
  });

  it('sums separate workbooks of several units, each naming its 填报单位, matched by an unexpanded *.xlsx', async () => {
    const { dir, progress } = workspace();
    for (const [unit, done] of [['东村', 120], ['西村', 95]] as const) {
      const file = join(dir, `调度表-${unit}.xlsx`);
      generate(file);
      const wb = await load(file);
      const ws = wb.getWorksheet('调度表')!;
      ws.getCell('A2').value = `填报单位：${unit}　　填报人：张三`;
      fill(ws, 'toilet-renovation', { '累计完成数/完成数': done });
      await save(wb, file);
    }
    // the pattern as Windows cmd passes it on, unexpanded; Excel's lock file ~$… is not a report
    writeFileSync(join(dir, '~$调度表-东村.xlsx'), 'lock');
    const result = runCli(['collect', join(dir, '*.xlsx'), '--into', progress]);
    expect(result.code, result.stderr).toBe(0);
    // 215 is below May's 400: a cumulative value going down is flagged but written
    expect(result.stderr).toContain('警告 [collect-cumulative-decreased] “农村户厕改造”是累计指标，完成数 215 比上次（2026-05-31）的 400 还少');
    expect(values(progress).at(-1)).toEqual({ metric: 'toilet-renovation', value: 215, date: '2026-06-30', source: '东村、西村' });
  });

  it('matches rows by name when the hidden id is gone, after sorting and inserted rows', async () => {
    const { dir, progress } = workspace();
    const file = join(dir, '村报表.xlsx');
    generate(file);
    const wb = await load(file);
    const ws = wb.getWorksheet('调度表')!;
    fill(ws, 'fund-share', { '累计完成数/完成数': 70 });
    ws.spliceRows(5, 0, ['', '（以下为本村补充说明）']);
    ws.getColumn(12).eachCell((cell, row) => { if (row > 3) cell.value = null; });
    await save(wb, file);
    const result = runCli(['collect', file, '--into', progress]);
    expect(result.code, result.stderr).toBe(0);
    expect(values(progress).at(-1)).toEqual({ metric: 'fund-share', value: 70, date: '2026-06-30', source: '村报表' });
  });
});

describe('plandoc collect: every bad cell is named, and nothing is written', () => {
  async function collectWith(cells: Record<string, Record<string, unknown>>, name = '村报表.xlsx'): Promise<{ code: number; stderr: string; untouched: boolean }> {
    const { dir, progress } = workspace();
    const file = join(dir, name);
    generate(file);
    const wb = await load(file);
    const ws = wb.getWorksheet('调度表')!;
    for (const [id, values] of Object.entries(cells)) fill(ws, id, values as Record<string, never>);
    await save(wb, file);
    const result = runCli(['collect', file, '--into', progress]);
    return { code: result.code, stderr: result.stderr, untouched: readFileSync(progress, 'utf8') === FIXTURE };
  }

  it('a value that is not a number', async () => {
    const r = await collectWith({ 'toilet-renovation': { '累计完成数/完成数': '一千二百' } });
    expect(r).toMatchObject({ code: 1, untouched: true });
    expect(r.stderr).toContain('村报表.xlsx!I5: 错误 [collect-cell] “一千二百”不是数字');
    expect(r.stderr).toContain('xinhe-2026-06.yaml 没有改动');
  });

  it('a unit changed, a date outside the period, a wrong 是/否 and a status not in the list', async () => {
    const r = await collectWith({
      'transfer-training': { 单位: '人', '累计完成数/完成数': 200 },
      satisfaction: { '累计完成数/完成数': 90, 截至日期: '2026-07-05' },
      'express-coverage': { '累计完成数/完成数': '基本实现' },
      training: { 状态: '推进中' },
    });
    expect(r).toMatchObject({ code: 1, untouched: true });
    expect(r.stderr).toContain('村报表.xlsx!C4: 错误 [collect-unit-mismatch] 单位填的是“人”，计划中“转移就业培训”的单位是“人次”');
    expect(r.stderr).toContain('村报表.xlsx!G6: 错误 [collect-date-outside-period] 截至日期 2026-07-05 不在进度文件的统计期间（2026-01-01 至 2026-06-30）内');
    expect(r.stderr).toContain('村报表.xlsx!I7: 错误 [collect-cell] “基本实现”不是“是”或“否”');
    expect(r.stderr).toMatch(/村报表\.xlsx!G1\d: 错误 \[collect-task-status\] “推进中”不是任务状态/);
  });

  it('an unknown metric name gets a did-you-mean; a duplicated metric names both cells', async () => {
    const { dir, progress } = workspace();
    const file = join(dir, '村报表.xlsx');
    generate(file);
    const wb = await load(file);
    const ws = wb.getWorksheet('调度表')!;
    fill(ws, 'transfer-training', { 指标: '转移就业培训人数', '编号（请勿修改）': null, '累计完成数/完成数': 200 });
    fill(ws, 'fund-share', { '累计完成数/完成数': 61 });
    ws.getRow(9).values = ws.getRow(8).values as ExcelJS_CellValues;
    ws.getRow(9).getCell(9).value = 62;
    await save(wb, file);
    const result = runCli(['collect', file, '--into', progress]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('村报表.xlsx!B4: 错误 [collect-unknown-metric] 计划中没有名为“转移就业培训人数”的指标，是不是“转移就业培训”？');
    expect(result.stderr).toMatch(/村报表\.xlsx!I9: 错误 \[collect-duplicate\] “衔接资金用于产业发展比例”填了两次（另一处是 \S*村报表\.xlsx!I8）/);
    expect(readFileSync(progress, 'utf8')).toBe(FIXTURE);
  });

  it('warns about a value ten times off its target or a percentage typed as a fraction, and still writes it', async () => {
    const r = await collectWith({ 'transfer-training': { '累计完成数/完成数': 1300 }, satisfaction: { '累计完成数/完成数': 925 }, 'fund-share': { '累计完成数/完成数': 0.668 } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('村报表.xlsx!I4: 警告 [collect-scale] “转移就业培训”的完成数 1300 与上次（2026-05-31）的 120 相差十倍以上，可能多打或少打了一位');
    expect(r.stderr).toContain('村报表.xlsx!I6: 警告 [collect-scale] “群众满意度”的完成数 925 是目标（90%）的十倍以上');
    expect(r.stderr).toContain('村报表.xlsx!I8: 警告 [collect-scale] “衔接资金用于产业发展比例”填的是 0.668，单位是“%”，像是把百分数写成了小数');
  });
});

type ExcelJS_CellValues = import('exceljs').CellValue[];
