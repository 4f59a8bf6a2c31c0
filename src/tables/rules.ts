// What the schema cannot say about tables: rows as long as the header, a size
// a page can hold, and (opt-in) tasks of the 责任分工表 without assignments.
import type { JsonPath } from '../load/yaml.js';

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A landscape A4 type area (225 mm) still gives each column about 11 mm (two characters). */
export const MAX_TABLE_COLUMNS = 20;
export const MAX_TABLE_ROWS = 2000;

/** Where table problems go: the plan's rule context, or the progress checker. */
export interface TableProblemSink {
  error(path: JsonPath, code: string, message: string, hint?: string, options?: { key?: boolean }): void;
  warning(path: JsonPath, code: string, message: string, hint?: string, options?: { key?: boolean }): void;
}

export interface TableAt {
  table: Data;
  path: JsonPath;
}

/** Every table block of a Text value, with the path of its `table` key. */
export function tablesInText(value: unknown, path: JsonPath): TableAt[] {
  return list(value).flatMap((block, i) => (isData(block) && isData(block.table) ? [{ table: block.table, path: [...path, i, 'table'] }] : []));
}

/** How many cells a row of this table must have, or undefined when the columns are malformed. */
export function leafColumnCount(columns: unknown): number | undefined {
  if (!Array.isArray(columns)) return undefined;
  let count = 0;
  for (const column of columns) {
    if (typeof column === 'string') count += 1;
    else if (isData(column)) count += Math.max(list(column.children).length, 1);
    else return undefined;
  }
  return count;
}

export function checkTable({ table, path }: TableAt, ctx: TableProblemSink): void {
  const columns = leafColumnCount(table.columns);
  if (columns === undefined) return; // the schema reports it
  if (columns > MAX_TABLE_COLUMNS) {
    ctx.error([...path, 'columns'], 'table-too-wide', `表格有 ${columns} 列，A4 纸横排也放不下（最多 ${MAX_TABLE_COLUMNS} 列）`,
      '把表格拆成几个表，或者把几列合并成一列。', { key: true });
  }
  const rows = list(table.rows);
  if (rows.length === 0) {
    ctx.warning([...path, 'rows'], 'table-empty', '表格没有任何一行，只会印出表头', '在 rows 下每行写一个列表，例如“- [1, 转移就业培训, 300人次]”。', { key: true });
  }
  if (rows.length > MAX_TABLE_ROWS) {
    ctx.error([...path, 'rows'], 'table-too-long', `表格有 ${rows.length} 行，超过了 ${MAX_TABLE_ROWS} 行的上限`, '把表格拆开，或者把明细放到单独的表格文件里。', { key: true });
  }
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length === columns) return;
    const wrong = row.length < columns ? `少了 ${columns - row.length} 格` : `多了 ${row.length - columns} 格`;
    ctx.error([...path, 'rows', r], 'table-ragged-row', `表格第 ${r + 1} 行有 ${row.length} 格，表头有 ${columns} 列，${wrong}`,
      '每行按列的顺序写满各格；没有内容的格写成 ""。');
  });
}
