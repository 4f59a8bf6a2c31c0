// Finding the filled-in rows of a 调度表: every sheet is scanned for header rows
// (by their texts, so inserted, moved or hidden columns and rows a unit added
// do not matter); the rows under a header belong to its table.
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Diagnostic } from '../load/diagnostic.js';
import { columnFor, METRIC_COLUMNS, TASK_COLUMNS, type MetricColumn, type TaskColumn } from '../sheet/columns.js';
import { INSTRUCTIONS_SHEET } from '../sheet/workbook.js';
import { DEFAULT_SHEET } from '../sheet/rows.js';
import { workbookDiagnostic } from '../xlsx/read.js';
import { readText } from './cells.js';

/** A 调度表 has tens of rows; a sheet beyond these is not one (or is padded with junk). */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 100;

export interface SheetRow<K extends string> {
  kind: K extends MetricColumn ? 'metric' : 'task';
  /** who reported it: the 填报单位 written on the sheet, else the sheet or file name */
  reporter: string;
  /** file + sheet: two rows of one metric here are a duplicate, not two units */
  scope: string;
  cells: Partial<Record<K, Cell>>;
  /** `文件!单元格` (with the sheet when the workbook has several) */
  where: (cell: Cell) => string;
}

export type MetricSheetRow = SheetRow<MetricColumn> & { kind: 'metric' };
export type TaskSheetRow = SheetRow<TaskColumn> & { kind: 'task' };

export interface WorkbookRows {
  metrics: MetricSheetRow[];
  tasks: TaskSheetRow[];
  diagnostics: Diagnostic[];
}

export function readWorkbookRows(workbook: Workbook, file: string, fileLabel: string): WorkbookRows {
  const out: WorkbookRows = { metrics: [], tasks: [], diagnostics: [] };
  const sheets = workbook.worksheets.filter((ws) => ws.state !== 'veryHidden' && ws.name !== INSTRUCTIONS_SHEET);
  const many = sheets.length > 1;
  let tables = 0;
  for (const ws of sheets) {
    if (ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLUMNS) {
      out.diagnostics.push(workbookDiagnostic(`${file}!${ws.name}`, 'xlsx-sheet-too-large',
        `工作表“${ws.name}”有 ${ws.rowCount} 行、${ws.columnCount} 列，超过了 ${MAX_ROWS} 行、${MAX_COLUMNS} 列的上限`,
        '调度表只需几十行：删去多余的行和列（或整张无关的工作表）后再汇总。'));
      continue;
    }
    const where = (cell: Cell): string => (many ? `${file}!${ws.name}!${cell.address}` : `${file}!${cell.address}`);
    tables += readSheet(ws, { file, reporter: reporterOf(ws, fileLabel), where }, out);
  }
  if (tables === 0 && !out.diagnostics.length) {
    out.diagnostics.push(workbookDiagnostic(file, 'xlsx-no-table', '文件里找不到调度表（没有“指标”“累计完成数/完成数”或“任务”“状态”表头的行）',
      '请给出用 plandoc sheet 生成、填好的调度表；不要删除或改动表头行。'));
  }
  return out;
}

interface SheetContext {
  file: string;
  reporter: string;
  where: (cell: Cell) => string;
}

type Table = { kind: 'metric'; columns: Map<number, MetricColumn> } | { kind: 'task'; columns: Map<number, TaskColumn> };

/** Reads the rows under each header row; returns the number of tables found. */
function readSheet(ws: Worksheet, context: SheetContext, out: WorkbookRows): number {
  let table: Table | undefined;
  let found = 0;
  const scope = `${context.file}!${ws.name}`;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const header = headerOf(row.getCell.bind(row), ws.columnCount);
    if (header) {
      table = header;
      found++;
      continue;
    }
    if (!table) continue;
    if (table.kind === 'metric') {
      const cells = cellsOf(row.getCell.bind(row), table.columns);
      if (cells) out.metrics.push({ kind: 'metric', reporter: context.reporter, scope, cells, where: context.where });
    } else {
      const cells = cellsOf(row.getCell.bind(row), table.columns);
      if (cells) out.tasks.push({ kind: 'task', reporter: context.reporter, scope, cells, where: context.where });
    }
  }
  return found;
}

type GetCell = (column: number) => Cell;

function headerOf(getCell: GetCell, columnCount: number): Table | undefined {
  const metric = new Map<number, MetricColumn>();
  const task = new Map<number, TaskColumn>();
  for (let c = 1; c <= columnCount; c++) {
    // a spreadsheet program may store a header as rich text (one run per font)
    const text = textOf(getCell(c));
    if (text === undefined) continue;
    const m = columnFor(METRIC_COLUMNS, text);
    if (m) metric.set(c, m);
    const t = columnFor(TASK_COLUMNS, text);
    if (t) task.set(c, t);
  }
  const has = <K>(map: Map<number, K>, key: K): boolean => [...map.values()].includes(key);
  if (has(metric, 'name') && (has(metric, 'value') || has(metric, 'increment'))) return { kind: 'metric', columns: metric };
  if (has(task, 'name') && has(task, 'status')) return { kind: 'task', columns: task };
  return undefined;
}

/** Label columns: a merged label reads as its merged value on every row it spans. */
const LABELS = new Set<string>(['no', 'name', 'unit', 'target', 'task', 'units', 'deadline', 'id']);

/**
 * The row's cells by column key; undefined for a blank row. A value merged
 * over several rows belongs to its first row only, so it is not counted twice.
 */
function cellsOf<K extends string>(getCell: GetCell, columns: Map<number, K>): Partial<Record<K, Cell>> | undefined {
  const cells: Partial<Record<K, Cell>> = {};
  let any = false;
  for (const [c, key] of columns) {
    let cell = getCell(c);
    if (cell.isMerged && cell.master !== cell) {
      if (!LABELS.has(key)) continue;
      cell = cell.master;
    }
    cells[key] = cell;
    if (!isEmptyCell(cell)) any = true;
  }
  return any ? cells : undefined;
}

function textOf(cell: Cell): string | undefined {
  const read = readText(cell.value);
  return 'value' in read ? read.value : undefined;
}

function isEmptyCell(cell: Cell): boolean {
  const value = cell.value;
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** "填报单位：东村　　　填报人：…" above the header names the reporter. */
function reporterOf(ws: Worksheet, fileLabel: string): string {
  for (let r = 1; r <= Math.min(ws.rowCount, 6); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.min(ws.columnCount, 12); c++) {
      const value = textOf(row.getCell(c));
      if (value === undefined) continue;
      const match = /填报单位[:：]\s*([^\s　＿_]+)/.exec(value);
      if (match) return match[1]!;
    }
  }
  return ws.name !== DEFAULT_SHEET && !/^sheet\d*$/i.test(ws.name) ? ws.name : fileLabel;
}
