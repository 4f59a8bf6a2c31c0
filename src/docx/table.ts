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

export function officialTable(node: MdTable, profile: StyleProfile, ctx: WriteContext): Table {
  const columnCount = Math.max(...node.children.map((row) => row.children.length));
  const widths = columnWidths(node, columnCount, typeAreaWidth(profile), profile.sizes.table * 10, profile.table.cellMargin);
  const border = { style: BorderStyle.SINGLE, size: 4, color: profile.colors.text };
  const rows = node.children.map((row, rowIndex) => {
    const header = rowIndex === 0;
    const look = { ...runLook(header ? 'tableHeader' : 'table', profile), bold: false };
    const cells = Array.from({ length: columnCount }, (_, col) => cell(row.children[col], widths[col]!, look, header, node.align?.[col], profile, ctx));
    // TB-02: rows grow with their text; the minimum is below one line, so it never adds height
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true, height: { value: profile.sizes.table * 10, rule: HeightRule.ATLEAST } });
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
    style: STYLE.table,
    alignment,
    spacing: { before: 0, after: 0, line: profile.table.cellLine, lineRule: 'auto' },
    indent: { firstLine: 0, firstLineChars: 0, left: 0, right: 0 },
    children,
  });
  return new TableCell({ children: [paragraph], width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER });
}

/** Cells shorter than this many characters never wrap ("100.0%", "超额完成"). */
const UNBREAKABLE_CHARS = 6;

/**
 * Each column first gets room for its short cells on one line, then the rest
 * of the type area is shared in proportion to each column's longest text
 * (capped, so one long column does not starve the others). Sums exactly to `total`.
 */
export function columnWidths(node: MdTable, columnCount: number, total: number, charTwips = 280, cellMargin = 80): number[] {
  const longest = Array.from({ length: columnCount }, (_, col) =>
    Math.max(0, ...node.children.map((row) => textWidth(plainText(row.children[col]?.children ?? [])))),
  );
  const floors = longest.map((chars) => Math.ceil(Math.min(chars, UNBREAKABLE_CHARS) * charTwips) + 2 * cellMargin);
  const floorSum = floors.reduce((a, b) => a + b, 0);
  const weights = longest.map((chars) => Math.min(Math.max(chars, 2), 16));
  const base = floorSum <= total ? floors : floors.map(() => 0);
  const spare = total - base.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, i) => base[i]! + Math.floor((spare * w) / weightSum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
