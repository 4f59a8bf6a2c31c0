import { recoverParagraphs, type Recovery } from './paragraphs.js';

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
  | { kind: 'table'; rows: string[][]; line: number };

const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** Plain text or Markdown lines → blocks. Markdown markup that carries no plan meaning is dropped. */
export function textToBlocks(text: string, options: { markdown: boolean; recovery?: Recovery }): InputBlock[] {
  const blocks: InputBlock[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1 }));
  const lines = options.markdown ? raw : recoverParagraphs(raw, options.recovery);
  let table: { kind: 'table'; rows: string[][]; line: number } | undefined;
  lines.forEach(({ text: source, line }) => {
    const trimmed = source.replace(/[\u00a0\u3000]/g, ' ').trim();
    if (trimmed.startsWith('|')) {
      if (TABLE_SEPARATOR.test(trimmed)) return;
      if (!table) blocks.push((table = { kind: 'table', rows: [], line }));
      table.rows.push(tableCells(trimmed));
      return;
    }
    table = undefined;
    if (!trimmed) return;
    if (options.markdown && /^(\*{3,}|-{3,}|_{3,})$/.test(trimmed)) return;
    blocks.push(options.markdown ? markdownPara(trimmed, line) : plainPara(trimmed, line));
  });
  return blocks;
}

function plainPara(text: string, line: number): InputBlock {
  const list = /^[-*]\s+(.*)$/.exec(text);
  return list ? { kind: 'para', text: list[1]!, line, list: true } : { kind: 'para', text, line };
}

function markdownPara(text: string, line: number): InputBlock {
  const heading = /^(#{1,6})\s+(.*)$/.exec(text);
  const unescape = (s: string) => s.replace(/\*\*/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  if (heading) return { kind: 'para', text: unescape(heading[2]!), line, headingLevel: Math.min(heading[1]!.length - 1, 4) };
  const list = /^[-*+]\s+(.*)$/.exec(text);
  if (list) return { kind: 'para', text: unescape(list[1]!), line, list: true };
  return { kind: 'para', text: unescape(text), line };
}
