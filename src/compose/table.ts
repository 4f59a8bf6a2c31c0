// A plan's table block → mdast: an optional caption (a paragraph that is only
// strong text, right above the table) and a GFM table. A two-level header is
// spelled as two rows (the GFM header row and the first body row) in which a
// merged cell repeats its text; the DOCX writer merges such cells again
// (docs/markdown-convention.md), so both writers read the same tree.
import type { AlignType, Html, Paragraph, Table, TableCell, TableRow } from 'mdast';
import type { TableBlock, TableColumn, TableColumnSpec } from '../model/plan.js';
import type { DataPath } from './text.js';

export interface PreparedTable {
  caption?: string;
  /** one row, or two for a two-level header */
  header: string[][];
  rows: string[][];
  align: AlignType[];
  /** TB-03: asked for a landscape page (true) or an upright one (false) */
  landscape?: boolean;
}

interface Leaf {
  title: string;
  group?: string;
  align?: TableColumnSpec['align'];
}

/** Every column under the header, left to right, with the group it belongs to. */
export function tableLeaves(columns: readonly TableColumn[]): Leaf[] {
  return columns.flatMap((column): Leaf[] => {
    if (typeof column === 'string') return [{ title: column }];
    if (!column.children?.length) return [{ title: column.title, align: column.align }];
    return column.children.map((child) =>
      typeof child === 'string' ? { title: child, group: column.title } : { title: child.title, group: column.title, align: child.align },
    );
  });
}

export function prepareTable(
  table: TableBlock,
  path: DataPath,
  prepareCell: (text: string, path: DataPath) => string,
  preparePlain: (text: string, path: DataPath) => string,
): PreparedTable {
  const leaves = tableLeaves(table.columns).map((leaf) => ({ ...leaf, title: preparePlain(leaf.title, [...path, 'columns']) }));
  const twoLevels = leaves.some((leaf) => leaf.group !== undefined);
  const header = twoLevels
    ? [leaves.map((leaf) => leaf.group ?? leaf.title), leaves.map((leaf) => leaf.title)]
    : [leaves.map((leaf) => leaf.title)];
  const rows = table.rows.map((row, r) =>
    leaves.map((_, c) => (row[c] === undefined ? '' : prepareCell(String(row[c]), [...path, 'rows', r, c]))),
  );
  const align = leaves.map((leaf, c) => leaf.align ?? defaultAlign(leaf.title, rows.map((row) => row[c]!)));
  const caption = table.caption === undefined ? undefined : preparePlain(table.caption, [...path, 'caption']);
  return { caption, header, rows, align, ...(table.landscape === undefined ? {} : { landscape: table.landscape }) };
}

/** 序号 centred, numbers right-aligned, text as the reader's default (left, written as no alignment). */
function defaultAlign(title: string, cells: readonly string[]): AlignType {
  if (title === '序号') return 'center';
  return isNumericColumn(cells) ? 'right' : null;
}

const NUMERIC_CELL = /^[-+]?[\d,，.]+%?$/u;

/** A column whose filled cells are all numbers ("1,250", "62.5%") is right-aligned. */
function isNumericColumn(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.every((cell) => NUMERIC_CELL.test(cell.trim()));
}

/**
 * The caption and the table; an asked orientation goes before them as an
 * HTML comment (`<!-- landscape -->`, docs/markdown-convention.md), which
 * Markdown viewers hide and the DOCX writer reads.
 */
export function tableNodes(table: PreparedTable): Array<Html | Paragraph | Table> {
  const [first, ...moreHeader] = table.header;
  const rows = [first!, ...moreHeader, ...table.rows].map(tableRow);
  const node: Table = { type: 'table', align: table.align, children: rows };
  const orientation: Html[] = table.landscape === undefined ? [] : [{ type: 'html', value: `<!-- ${table.landscape ? 'landscape' : 'portrait'} -->` }];
  if (table.caption === undefined || table.caption === '') return [...orientation, node];
  return [...orientation, { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: table.caption }] }] }, node];
}

function tableRow(cells: readonly string[]): TableRow {
  return { type: 'tableRow', children: cells.map(tableCell) };
}

function tableCell(value: string): TableCell {
  const text = value.replace(/\s*\n\s*/g, ' ').replaceAll('\0', '\uFFFD');
  return { type: 'tableCell', children: text === '' ? [] : [{ type: 'text', value: text }] };
}
