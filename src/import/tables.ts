// A source table (Word w:tbl, a Markdown pipe table, tab-separated text) → a
// plan table block: the header (one level, or two when cells are merged
// across columns), every body cell kept, merged cells resolved. Tables a page
// cannot hold are split by rows or, when too wide, kept as list items.
import type { Block, TableColumn } from '../model/plan.js';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../tables/rules.js';
import type { MergeMark, TableInput } from './blocks.js';
import type { ImportNote } from './furniture.js';

export interface ImportedTable {
  /** the table blocks (several when a long table was split), or one list when it is too wide */
  blocks: Block[];
  /** the leaf column titles and body rows, for reading task assignments */
  titles: string[];
  rows: string[][];
  caption?: string;
  line: number;
}

type Normalise = (text: string) => string;

/** A header cell wrapped over two lines ("完成\n时限") is one title. */
export function joinWrapped(text: string): string {
  return text.replace(/\s*\n\s*/g, (gap, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + gap.length] ?? '';
    return /[\x00-\x7f]/.test(before) && /[\x00-\x7f]/.test(after) ? ' ' : '';
  }).trim();
}

export function importTable(input: TableInput, caption: string | undefined, normalise: Normalise, notes: ImportNote[]): ImportedTable {
  const width = Math.max(0, ...input.rows.map((row) => row.length));
  const marks = input.merged ?? repeatedHeaderMarks(input.rows);
  const depth = headerDepth(input, marks);
  const header = headerColumns(input.rows, marks, depth, width, normalise);
  const titles = leafTitles(header);
  const body = bodyRows(input, marks, depth, width, normalise);
  const where = `原文第 ${input.line} 行${caption ? `的“${caption}”` : '的表格'}`;
  reportRagged(input, depth, width, where, notes);
  const broken = input.rows.slice(depth).flat().filter((cell) => /\S\s*\n\s*\S/.test(cell)).length;
  if (broken) notes.push({ line: input.line, kind: 'guess', message: `${where}有 ${broken} 格里有换行，换行按原样保留在 YAML 里（排版时这些格印成一行）` });
  if (width > MAX_TABLE_COLUMNS) {
    notes.push({ line: input.line, kind: 'warning', message: `${where}有 ${width} 列，超过了表格的上限 ${MAX_TABLE_COLUMNS} 列（A4 纸横排也放不下），已按行转成列表项，每格文字都保留。可以把它拆成几个表再放回计划` });
    const items = [titles, ...body].map((row) => row.filter((cell) => cell !== '').join('，').replace(/\n/g, ' ')).filter(Boolean);
    return { blocks: items.length ? [{ list: items }] : [], titles, rows: body, ...(caption ? { caption } : {}), line: input.line };
  }
  if (!body.length) notes.push({ line: input.line, kind: 'warning', message: `${where}只有表头，没有内容行` });
  const chunks = chunked(body, MAX_TABLE_ROWS);
  if (chunks.length > 1) notes.push({ line: input.line, kind: 'warning', message: `${where}有 ${body.length} 行，超过了单个表格 ${MAX_TABLE_ROWS} 行的上限，已拆成 ${chunks.length} 个表格（表头相同）` });
  const blocks: Block[] = chunks.map((rows, i) => ({
    table: {
      ...(caption ? { caption: i === 0 ? caption : `${caption}（续${i}）` } : {}),
      columns: header,
      rows: rows.map((row) => row.map(cellValue)),
    },
  }));
  return { blocks, titles, rows: body, ...(caption ? { caption } : {}), line: input.line };
}

function chunked<T>(items: T[], size: number): T[][] {
  if (items.length <= size) return [items];
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** "12" and "62.5" are numbers in the YAML; "01", "1,250" and "6%" stay text, as typed. */
function cellValue(text: string): string | number {
  const n = Number(text);
  return text !== '' && /^\d/.test(text) && text.length <= 12 && String(n) === text ? n : text;
}

/**
 * Markdown and tab-separated text have no merged cells: plandoc's own
 * Markdown (docs/markdown-convention.md) spells a two-level header as two
 * rows in which a merged cell repeats its text. Recover those merges.
 */
function repeatedHeaderMarks(rows: string[][]): MergeMark[][] | undefined {
  const [top, below] = rows;
  if (!top || !below || rows.length < 3) return undefined;
  const grouped = top.map((cell, c) => cell !== '' && (top[c - 1] === cell || top[c + 1] === cell));
  if (!grouped.some(Boolean)) return undefined;
  const fits = top.every((cell, c) => (grouped[c] ? below[c] !== cell : below[c] === cell));
  if (!fits) return undefined;
  return [
    top.map((cell, c) => (c > 0 && grouped[c] && top[c - 1] === cell ? 'left' : undefined)),
    top.map((_, c) => (grouped[c] ? undefined : 'up')),
  ];
}

/** Two header rows when the first has cells merged across columns and the second continues the others downwards. */
function headerDepth(input: TableInput, marks: MergeMark[][] | undefined): 1 | 2 {
  if (input.rows.length < 2) return 1;
  if (input.headerRows && input.headerRows >= 2) return 2;
  return marks?.[0]?.includes('left') && marks[1]?.includes('up') ? 2 : 1;
}

function headerTitle(text: string | undefined, column: number, normalise: Normalise): string {
  const title = joinWrapped(text ?? '');
  return title ? normalise(title) : `第${column + 1}列`;
}

function headerColumns(rows: string[][], marks: MergeMark[][] | undefined, depth: 1 | 2, width: number, normalise: Normalise): TableColumn[] {
  const top = rows[0] ?? [];
  const below = rows[1] ?? [];
  const columns: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (marks?.[0]?.[c] === 'left' && c > 0) continue;
    let end = c + 1;
    while (end < width && marks?.[0]?.[end] === 'left') end++;
    const title = headerTitle(top[c], c, normalise);
    if (end - c === 1) {
      // a second header row under an unmerged cell that is not merged into it: one title over two lines
      const sub = depth === 2 && marks?.[1]?.[c] !== 'up' ? joinWrapped(below[c] ?? '') : '';
      columns.push(sub && sub !== joinWrapped(top[c] ?? '') ? normalise(`${joinWrapped(top[c] ?? '')}${sub}`) : title);
    } else if (depth === 2) {
      columns.push({ title, children: Array.from({ length: end - c }, (_, k) => headerTitle(below[c + k], c + k, normalise)) });
    } else {
      for (let k = c; k < end; k++) columns.push(title);
    }
  }
  return columns;
}

function leafTitles(columns: TableColumn[]): string[] {
  return columns.flatMap((column) => (typeof column === 'string' ? [column] : (column.children ?? []).map((child) => (typeof child === 'string' ? child : child.title))));
}

/** A cell's lines, each trimmed, blank ones dropped: a line break typed in a cell is kept. */
function cellLines(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

/** Body rows, padded to the header's width; a cell merged down repeats the text above it, one merged across is empty. */
function bodyRows(input: TableInput, marks: MergeMark[][] | undefined, depth: number, width: number, normalise: Normalise): string[][] {
  const rows: string[][] = [];
  let previous: string[] = [];
  input.rows.slice(depth).forEach((source, i) => {
    const row = Array.from({ length: width }, (_, c) => {
      const mark = marks?.[depth + i]?.[c];
      if (mark === 'up') return previous[c] ?? '';
      const text = cellLines(source[c] ?? '');
      return mark === 'left' || !text ? '' : normalise(text);
    });
    previous = row;
    if (row.some((cell) => cell !== '')) rows.push(row);
  });
  return rows;
}

function reportRagged(input: TableInput, depth: number, width: number, where: string, notes: ImportNote[]): void {
  const short = input.rows.map((row, r) => ({ row, r })).filter(({ row }) => row.length < width);
  if (!short.length) return;
  const which = short.slice(0, 5).map(({ r }) => (r < depth ? '表头' : `第 ${r - depth + 1} 行`)).join('、');
  notes.push({ line: input.line, kind: 'warning', message: `${where}各行格数不一（最多 ${width} 格）：${which}${short.length > 5 ? ` 等 ${short.length} 行` : ''}格数不足，已在行尾补空格，请核对各格是否错位` });
}

/** The table's caption when the last paragraph before it names it: short, no sentence. */
export function isCaption(text: string): boolean {
  return text.length <= 40 && !/[。；，,;：:]/.test(text);
}
