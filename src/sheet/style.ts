// Cell styles of plandoc's workbooks (调度表 and 指标完成情况): one place for
// fonts, fills and borders, so both workbooks look alike.
import type { Alignment, Borders, Fill, Font, Row } from 'exceljs';
import { displayWidth } from '../load/format.js';

export const FONT_NAME = '宋体';

export const TITLE_FONT: Partial<Font> = { name: '方正小标宋简体', size: 16, bold: true };
export const HEADER_FONT: Partial<Font> = { name: '黑体', size: 11, bold: true };
export const BODY_FONT: Partial<Font> = { name: FONT_NAME, size: 11 };

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Labels the writer must not change (locked). */
export const LABEL_FILL = solid('FFF2F2F2');
/** Cells the writer fills in. */
export const INPUT_FILL = solid('FFFFFFFF');
/** Header row. */
export const HEADER_FILL = solid('FFD9E1F2');
/** Not applicable to this row (e.g. 本期完成数 of a metric that does not accumulate). */
export const UNUSED_FILL = solid('FFBFBFBF');

export const WRAP: Partial<Alignment> = { wrapText: true, vertical: 'middle' };
export const CENTER: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };

const LINE_HEIGHT = 15;

function textWidth(text: string): number {
  return [...text].reduce((sum, ch) => sum + displayWidth(ch), 0);
}

/**
 * Spreadsheet programs do not grow a row for wrapped text another program
 * wrote, so the row gets the height its longest wrapped text needs.
 * `cells` are the texts with the widths of their columns (in characters).
 */
export function fitRowHeight(row: Row, cells: Array<[string, number]>): void {
  let lines = 1;
  for (const [text, width] of cells) lines = Math.max(lines, Math.ceil(textWidth(text) / Math.max(1, width - 1)));
  row.height = Math.max(20, lines * LINE_HEIGHT + 5);
}
