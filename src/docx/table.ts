// GFM table → official table: 仿宋 at the table size, header row 黑体, explicit
// column widths (w:tblGrid, which WPS uses), single line spacing inside cells
// (the exact body pitch would inflate every row), black single borders.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { Table as MdTable, TableCell as MdTableCell } from 'mdast';
import type { StyleProfile } from './profile.js';
import { typeAreaWidth } from './profile.js';
import { runLook, type RunLook } from './runs.js';
import { inlineRuns, plainText, type WriteContext } from './inline.js';
import { textWidth } from './width.js';

export function officialTable(node: MdTable, profile: StyleProfile, ctx: WriteContext): Table {
  const columnCount = Math.max(...node.children.map((row) => row.children.length));
  const widths = columnWidths(node, columnCount, typeAreaWidth(profile));
  const border = { style: BorderStyle.SINGLE, size: 4, color: profile.colors.text };
  const rows = node.children.map((row, rowIndex) => {
    const header = rowIndex === 0;
    const look = { ...runLook(header ? 'tableHeader' : 'table', profile), bold: false };
    const cells = Array.from({ length: columnCount }, (_, col) => cell(row.children[col], widths[col]!, look, header, node.align?.[col], profile, ctx));
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    alignment: AlignmentType.CENTER,
    layout: 'fixed',
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: profile.table.cellMargin, right: profile.table.cellMargin, top: 0, bottom: 0 },
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
): TableCell {
  const children = mdCell ? inlineRuns(mdCell.children, look, ctx) : [];
  const alignment = header || align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const paragraph = new Paragraph({
    alignment,
    spacing: { before: 0, after: 0, line: profile.table.cellLine, lineRule: 'auto' },
    indent: { firstLine: 0, left: 0, right: 0 },
    children,
  });
  return new TableCell({ children: [paragraph], width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER });
}

/**
 * Widths proportional to each column's longest text (capped, so one long
 * column does not starve the others), summing exactly to the type-area width.
 */
export function columnWidths(node: MdTable, columnCount: number, total: number): number[] {
  const weights = Array.from({ length: columnCount }, (_, col) => {
    const longest = Math.max(0, ...node.children.map((row) => textWidth(plainText(row.children[col]?.children ?? []))));
    return Math.min(Math.max(longest, 2), 16);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
