import { recoverParagraphs, type Recovery, type SourceLine } from './paragraphs.js';

// The input of the importer: a document as a flat list of paragraphs and tables,
// whatever format it came from, each with the source line it starts on.
export type InputBlock =
  | {
      kind: 'para';
      text: string;
      line: number;
      list?: boolean;
      /** marked as a heading by the source format: 0 = document title, 1–4 = 一、（一）1.（1） */
      headingLevel?: number;
      /** the number Word's list numbering draws before the text (already prefixed to `text`) */
      wordNumber?: string;
      /** .docx: the bold text the paragraph starts with (a run-in head when plain text follows) */
      boldLead?: string;
      /** .docx: the one East-Asian font of the whole paragraph (黑体, 楷体_GB2312…) */
      font?: string;
      /** .docx: headingLevel was guessed from the 黑体/楷体 of a short unnumbered paragraph */
      guessedHeading?: boolean;
      /** .docx: a footnote, placed after the paragraph that cites it */
      footnote?: boolean;
    }
  | TableInput;

/** How a grid slot is covered by a merged cell: from the left (gridSpan) or from above (vMerge). */
export type MergeMark = 'left' | 'up' | undefined;

/** A table as the source gives it: a grid of cell texts, one slot per grid column. */
export interface TableInput {
  kind: 'table';
  rows: string[][];
  line: number;
  /** .docx merged cells, parallel to `rows` */
  merged?: MergeMark[][];
  /** .docx rows marked to repeat as the header (w:tblHeader) */
  headerRows?: number;
  /** where the table came from, for the import notes */
  source?: 'docx' | 'markdown' | 'tsv';
}

const TABLE_SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

/** "| a | b\\|c |" → ["a", "b|c"]: an escaped bar is text; <br> is a line break inside the cell. */
function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((c) => markdownCell(c));
}

function markdownCell(cell: string): string {
  return unescapeMarkdown(cell.trim().replace(/<br\s*\/?>/gi, '\n'));
}

const unescapeMarkdown = (s: string) => s.replace(/\*\*/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');

/** Plain text or Markdown lines → blocks. Markdown markup that carries no plan meaning is dropped. */
export function textToBlocks(text: string, options: { markdown: boolean; recovery?: Recovery }): InputBlock[] {
  const blocks: InputBlock[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1 }));
  for (const chunk of tabularChunks(raw)) {
    if (chunk.tsv) blocks.push(tsvTable(chunk.lines));
    else blocks.push(...lineBlocks(options.markdown ? chunk.lines : recoverParagraphs(chunk.lines, options.recovery), options.markdown));
  }
  return blocks;
}

function lineBlocks(lines: SourceLine[], markdown: boolean): InputBlock[] {
  const blocks: InputBlock[] = [];
  let table: TableInput | undefined;
  lines.forEach(({ text: source, line }) => {
    const trimmed = source.replace(/[\u00a0\u3000]/g, ' ').trim();
    if (trimmed.startsWith('|')) {
      if (TABLE_SEPARATOR.test(trimmed)) return;
      if (!table) blocks.push((table = { kind: 'table', rows: [], line, source: 'markdown' }));
      table.rows.push(tableCells(trimmed));
      return;
    }
    table = undefined;
    if (!trimmed) return;
    if (markdown && /^(\*{3,}|-{3,}|_{3,})$/.test(trimmed)) return;
    blocks.push(markdown ? markdownPara(trimmed, line) : plainPara(trimmed, line));
  });
  return blocks;
}

// ---- tab-separated text: what copying a table from a browser, Word or Excel gives

/** A tab between two pieces of text (not the tab a paragraph is indented with). */
const hasInnerTab = (line: string) => line.trim().includes('\t');

/**
 * Splits the lines into runs of tab-separated rows and the text around them.
 * Two or more consecutive lines with tabs are a table; a line without a tab
 * between two of them is a cell that wrapped (a browser copies <br> as a line break).
 */
function tabularChunks(lines: SourceLine[]): Array<{ tsv: boolean; lines: SourceLine[] }> {
  const chunks: Array<{ tsv: boolean; lines: SourceLine[] }> = [];
  let i = 0;
  while (i < lines.length) {
    let end = i;
    while (end < lines.length && (hasInnerTab(lines[end]!.text) || (end > i && continuesRow(lines.slice(i, end), lines[end]!, lines[end + 1])))) end++;
    const tabbed = lines.slice(i, end).filter((l) => hasInnerTab(l.text)).length;
    if (tabbed >= 2) {
      chunks.push({ tsv: true, lines: lines.slice(i, end) });
      i = end;
      continue;
    }
    const last = chunks[chunks.length - 1];
    const taken = lines.slice(i, Math.max(end, i + 1));
    if (last && !last.tsv) last.lines.push(...taken);
    else chunks.push({ tsv: false, lines: taken });
    i += taken.length;
  }
  return chunks;
}

/** A line without a tab inside a table: the rest of a quoted cell (Excel), or a wrapped cell between two rows. */
function continuesRow(run: SourceLine[], line: SourceLine, next: SourceLine | undefined): boolean {
  if (!line.text.trim()) return false;
  const quotes = run.reduce((n, l) => n + (l.text.match(/"/g)?.length ?? 0), 0);
  return quotes % 2 === 1 || hasInnerTab(next?.text ?? '');
}

/** Rows of a tab-separated run; a row broken over lines (a wrapped or quoted cell) is joined back. */
function tsvTable(lines: SourceLine[]): TableInput {
  const split = lines.map((l) => l.text.replace(/\s+$/, '').split('\t'));
  const width = commonWidth(split.filter((cells) => cells.length > 1).map((cells) => cells.length));
  const rows: string[][] = [];
  for (const cells of split) {
    const last = rows[rows.length - 1];
    if (last && (openQuote(last[last.length - 1]!) || (last.length < width && last.length + cells.length - 1 <= width))) {
      last[last.length - 1] += `\n${cells[0]}`;
      last.push(...cells.slice(1));
    } else rows.push([...cells]);
  }
  return { kind: 'table', rows: rows.map((row) => row.map(tsvCell)), line: lines[0]!.line, source: 'tsv' };
}

const openQuote = (cell: string) => cell.trimStart().startsWith('"') && (cell.match(/"/g)?.length ?? 0) % 2 === 1;

/** The cell count most rows have (the widest on a tie). */
function commonWidth(counts: number[]): number {
  const tally = new Map<number, number>();
  for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** Excel quotes a cell holding a line break or a quote: "a""b" → a"b. */
function tsvCell(cell: string): string {
  const quoted = /^"([\s\S]*)"$/.exec(cell.trim());
  return (quoted ? quoted[1]!.replace(/""/g, '"') : cell).replace(/[\u00a0\u3000]/g, ' ').trim();
}

function plainPara(text: string, line: number): InputBlock {
  const list = /^[-*]\s+(.*)$/.exec(text);
  return list ? { kind: 'para', text: list[1]!, line, list: true } : { kind: 'para', text, line };
}

function markdownPara(text: string, line: number): InputBlock {
  const heading = /^(#{1,6})\s+(.*)$/.exec(text);
  const unescape = unescapeMarkdown;
  if (heading) return { kind: 'para', text: unescape(heading[2]!), line, headingLevel: Math.min(heading[1]!.length - 1, 4) };
  const list = /^[-*+]\s+(.*)$/.exec(text);
  if (list) return { kind: 'para', text: unescape(list[1]!), line, list: true };
  return { kind: 'para', text: unescape(text), line };
}
