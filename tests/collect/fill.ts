// Filling a generated 调度表 the way units do, for the collect tests: by metric
// id (the hidden column), on a given sheet.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli.js';

export const PLAN = 'tests/fixtures/sheet/xinhe-2026.yaml';
export const PROGRESS = 'tests/fixtures/sheet/xinhe-2026-06.yaml';

/** A fresh folder with the plan and the progress file, as a writer's repository has them. */
export function workspace(): { dir: string; progress: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-collect-'));
  copyFileSync(PLAN, join(dir, 'xinhe-2026.yaml'));
  copyFileSync(PROGRESS, join(dir, 'xinhe-2026-06.yaml'));
  return { dir, progress: join(dir, 'xinhe-2026-06.yaml') };
}

export function generate(out: string, ...flags: string[]): void {
  const result = runCli(['sheet', PLAN, '--period', '2026-06', ...flags, '-o', out]);
  if (result.code !== 0) throw new Error(result.stderr);
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

export async function save(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** The row whose hidden 编号 cell holds `id` (the id column is the last header of row 3). */
export function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  const idColumn = columnOf(ws, '编号（请勿修改）');
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(idColumn).text === id) return ws.getRow(r);
  throw new Error(`no row for ${id} on ${ws.name}`);
}

export function columnOf(ws: ExcelJS.Worksheet, header: string, headerRow = 3): number {
  const row = ws.getRow(headerRow);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).text === header) return c;
  throw new Error(`no column ${header}`);
}

/** Sets cells of a metric or task row by header text. */
export function fill(ws: ExcelJS.Worksheet, id: string, cells: Record<string, ExcelJS.CellValue>): void {
  const row = rowOf(ws, id);
  const headerRow = [...Array(row.number).keys()].reverse().find((r) => r > 0 && ws.getRow(r).getCell(1).text === '序号')!;
  for (const [header, value] of Object.entries(cells)) row.getCell(columnOf(ws, header, headerRow)).value = value;
}
