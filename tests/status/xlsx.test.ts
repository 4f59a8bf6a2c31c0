// `plandoc status --format xlsx`: the dashboard as a workbook leaders read.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const PROGRESS = 'plans/changshou-2026-h1.yaml';

describe('plandoc status --format xlsx', () => {
  it('writes rates as percentages, colours 状态 and highlights lagging rows; the same bytes twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-status-xlsx-'));
    const out = join(dir, '指标完成情况.xlsx');
    const result = runCli(['status', PROGRESS, '--format', 'xlsx', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(runCli(['status', PROGRESS, '--format', 'json']).stdout) as { metrics: Array<{ id: string; name: string; rate: number | null; status: string }> };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('指标完成情况')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '指标', '单位', '目标', '完成数', '截至日期', '完成率', '序时进度', '状态', '数据来源', '说明']);
    expect(json.metrics.length).toBe(23);
    json.metrics.forEach((m, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(2).text).toBe(m.name);
      expect(row.getCell(9).text).toBe(m.status);
      if (m.rate === null) expect(row.getCell(7).value).toBe('—');
      else expect([row.getCell(7).value, row.getCell(7).numFmt]).toEqual([m.rate, '0.0%']);
      const fill = (row.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb;
      expect(fill).toBe({ 超额完成: 'FF63BE7B', 已完成: 'FFA9D08E', 序时推进: 'FF9BC2E6', 控制在目标内: 'FFBDD7EE', 滞后: 'FFFF7C80', 未报送: 'FFFFD966' }[m.status]);
      const rowFill = (row.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect(rowFill === 'FFFDE9E7').toBe(m.status === '滞后');
    });
    // transfer-training: 180 of 300 人次 by 30 June: 60%, behind the time sequence
    const training = json.metrics.findIndex((m) => m.id === 'transfer-training');
    expect(ws.getRow(4 + training).getCell(5).value).toBe(180);
    expect(ws.getRow(4 + training).getCell(7).value).toBeCloseTo(0.6, 10);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });
    const again = join(dir, 'again.xlsx');
    expect(runCli(['status', PROGRESS, '--format', 'xlsx', '-o', again]).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('a plan given by mistake is an error and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-status-xlsx-'));
    const result = runCli(['status', 'plans/changshou-2026.yaml', '--format', 'xlsx', '-o', join(dir, 'x.xlsx')]);
    expect(result.code).toBe(1);
    expect(() => readFileSync(join(dir, 'x.xlsx'))).toThrow();
  });
});
