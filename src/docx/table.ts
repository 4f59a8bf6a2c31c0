// GFM table → official table: 仿宋 at the table size, header row 黑体, explicit
// column widths (w:tblGrid, which WPS uses), single line spacing inside cells
// (the exact body pitch would inflate every row), black single borders.
import { AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { Table as MdTable, TableCell as MdTableCell } from 'mdast';
import type { StyleProfile } from './profile.js';
import { typeAreaWidth } from './profile.js';
import { runLook, type RunLook } from './runs.js';
import { inlineRuns, plainText, type WriteContext } from './inline.js';
import { textWidth } from './width.js';
import { STYLE } from './styles.js';

/** TB-01: about 1 mm above and below a cell's text, so it never touches a border. */
const CELL_PADDING_Y = 57;

/** `width`: the type area's width on the table's page (portrait, or landscape for TB-03). */
export function officialTable(node: MdTable, profile: StyleProfile, ctx: WriteContext, width = typeAreaWidth(profile)): Table {
  const widths = columnWidths(node, countColumns(node), width, profile.sizes.table * 10, profile.table.cellMargin);
  const border = { style: BorderStyle.SINGLE, size: 4, color: profile.colors.text };
  const headerRows = headerRowCount(node);
  const headerLook = { ...runLook('tableHeader', profile), bold: false };
  const bodyLook = { ...runLook('table', profile), bold: false };
  // TB-02: rows grow with their text; the minimum is below one line, so it never adds height
  const rowHeight = { value: profile.sizes.table * 10, rule: HeightRule.ATLEAST };
  const rows = node.children.map((row, rowIndex) => {
    if (headerRows === 2 && rowIndex < 2) {
      const cells = twoLevelHeaderCells(node, rowIndex as 0 | 1).map(({ col, span, merge }) =>
        cell(merge === 'continue' ? undefined : row.children[col], sum(widths.slice(col, col + span)), headerLook, true, 'center', profile, ctx, { span, merge }),
      );
      return new TableRow({ children: cells, tableHeader: true, cantSplit: true, height: rowHeight });
    }
    const header = rowIndex === 0;
    const cells = Array.from({ length: widths.length }, (_, col) => cell(row.children[col], widths[col]!, header ? headerLook : bodyLook, header, node.align?.[col], profile, ctx));
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true, height: rowHeight });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    alignment: AlignmentType.CENTER,
    layout: 'fixed',
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: profile.table.cellMargin, right: profile.table.cellMargin, top: CELL_PADDING_Y, bottom: CELL_PADDING_Y },
  });
}

function cell(
  mdCell: MdTableCell | undefined,
  width: number,
  look: RunLook,
  header: boolean,
  align: 'left' | 'right' | 'center' | null | undefined,
  profile: StyleProfile,
  ctx: WriteContext,
  merged: { span: number; merge?: 'restart' | 'continue' } = { span: 1 },
): TableCell {
  const children = mdCell ? inlineRuns(mdCell.children, look, ctx) : [];
  const alignment = header || align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const paragraph = new Paragraph({
    style: STYLE.table,
    alignment,
    spacing: { before: 0, after: 0, line: profile.table.cellLine, lineRule: 'auto' },
    indent: { firstLine: 0, firstLineChars: 0, left: 0, right: 0 },
    children,
  });
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(merged.span > 1 ? { columnSpan: merged.span } : {}),
    ...(merged.merge ? { verticalMerge: merged.merge } : {}),
  });
}

const cellText = (node: MdTable, row: number, col: number): string => plainText(node.children[row]?.children[col]?.children ?? []);

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * A two-level header is spelled in Markdown as two rows where a merged cell
 * repeats its text (docs/markdown-convention.md): the second row is header
 * when some column repeats the text above it and some neighbours above share
 * a group title over different sub-titles.
 */
export function headerRowCount(node: MdTable): 1 | 2 {
  if (node.children.length < 3) return 1;
  const columns = node.children[0]!.children.length;
  let vertical = false;
  let group = false;
  for (let col = 0; col < columns; col++) {
    const top = cellText(node, 0, col);
    if (top === '') continue;
    if (cellText(node, 1, col) === top) vertical = true;
    else if (col + 1 < columns && cellText(node, 0, col + 1) === top && cellText(node, 1, col + 1) !== top) group = true;
  }
  return vertical && group ? 2 : 1;
}

export interface HeaderCell {
  col: number;
  span: number;
  merge?: 'restart' | 'continue';
}

/** The cells of one of the two header rows: groups spanning their columns, single columns merged down. */
export function twoLevelHeaderCells(node: MdTable, row: 0 | 1): HeaderCell[] {
  const columns = node.children[0]!.children.length;
  const cells: HeaderCell[] = [];
  for (let col = 0; col < columns; ) {
    const top = cellText(node, 0, col);
    if (cellText(node, 1, col) === top) {
      cells.push({ col, span: 1, merge: row === 0 ? 'restart' : 'continue' });
      col += 1;
      continue;
    }
    let end = col + 1;
    while (end < columns && cellText(node, 0, end) === top && cellText(node, 1, end) !== top) end += 1;
    if (row === 0) cells.push({ col, span: end - col });
    else for (let sub = col; sub < end; sub++) cells.push({ col: sub, span: 1 });
    col = end;
  }
  return cells;
}

const countColumns = (node: MdTable) => Math.max(...node.children.map((row) => row.children.length));

/**
 * TB-03: a table is set on a landscape page when the portrait type area
 * cannot give every column its natural width: room for its short cells (up
 * to six characters) and its header on one line. The columnWidths below would
 * otherwise squeeze such columns.
 */
export function needsLandscape(node: MdTable, profile: StyleProfile): boolean {
  const { floors } = columnNeeds(node, countColumns(node), profile.sizes.table * 10, profile.table.cellMargin);
  return sum(floors) > typeAreaWidth(profile);
}

interface ColumnNeeds {
  /** the longest text of each column, in characters */
  longest: number[];
  /** each column's short cells and header on one line, in twips */
  floors: number[];
  /** each column's header on one line */
  headerFloors: number[];
}

function columnNeeds(node: MdTable, columnCount: number, charTwips: number, cellMargin: number): ColumnNeeds {
  const widthOf = (row: number, col: number) => textWidth(plainText(node.children[row]?.children[col]?.children ?? []));
  const columns = Array.from({ length: columnCount }, (_, col) => col);
  const longest = columns.map((col) => Math.max(0, ...node.children.map((_, row) => widthOf(row, col))));
  const headerChars = columns.map((col) => Math.max(...Array.from({ length: headerRowCount(node) }, (_, row) => widthOf(row, col))));
  const room = (chars: number) => Math.ceil(Math.min(chars, UNBREAKABLE_CHARS) * charTwips) + 2 * cellMargin;
  const floors = longest.map((chars, col) => Math.max(room(chars), room(headerChars[col]!)));
  return { longest, floors, headerFloors: headerChars.map(room) };
}

/** Cells shorter than this many characters never wrap ("100.0%", "超额完成"). */
const UNBREAKABLE_CHARS = 6;

/**
 * Each column first gets room for its short cells on one line (or, when the
 * page cannot give every column that, for its header text), then the rest
 * of the type area is shared in proportion to each column's longest text
 * (capped, so one long column does not starve the others). Sums exactly to `total`.
 */
export function columnWidths(node: MdTable, columnCount: number, total: number, charTwips = 280, cellMargin = 80): number[] {
  const { longest, floors, headerFloors } = columnNeeds(node, columnCount, charTwips, cellMargin);
  const weights = longest.map((chars) => Math.min(Math.max(chars, 2), 16));
  const base = sum(floors) <= total ? floors : sum(headerFloors) <= total ? headerFloors : floors.map(() => 0);
  const spare = total - base.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, i) => base[i]! + Math.floor((spare * w) / weightSum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
