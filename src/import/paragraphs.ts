// Paragraph recovery for text that lost its paragraph breaks before structure
// detection: a web page pasted as one long line (paragraphs separated by runs
// of spaces, headings inline after 。), page-break debris, and PDF text
// hard-wrapped at the line width.

export interface SourceLine {
  text: string;
  line: number;
}

/** A line this long is not one paragraph of a plan typed by a person: it was flattened. */
const FLATTENED_LENGTH = 300;
const GAP = /[ \t\u00a0\u3000]{2,}/;
const INLINE_HEADING = /(?<=[。；！？])\s*(?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|（\d{1,2}）|\d{1,2}[.．、](?![\d.．])|[一二三四五六七八九十]是))/;
/** "- 3 -", "— 12 —", "第 3 页 共 10 页", "3/10": page furniture left by a PDF or a print. */
const PAGE_DEBRIS = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
const SENTENCE_END = /[。；：:！？!?”’）)》…]$/;
const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.．、]|——|附件)/;

/** What recovery did, for the import report. */
export interface Recovery {
  flattened: number;
  debris: number;
  joined: number;
}

export function recoverParagraphs(lines: SourceLine[], recovery: Recovery = { flattened: 0, debris: 0, joined: 0 }): SourceLine[] {
  let flattened = 0;
  const split: SourceLine[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\f/g, '').trim();
    if (text.length <= FLATTENED_LENGTH || (!GAP.test(text) && !INLINE_HEADING.test(text))) {
      split.push({ text, line: line.line });
      continue;
    }
    const parts = splitFlattened(text);
    if (parts.length > 1) flattened++;
    for (const part of parts) split.push({ text: part, line: line.line });
  }
  const kept = split.filter((l) => !PAGE_DEBRIS.test(l.text));
  const debris = split.length - kept.length;
  const { lines: unwrapped, joined } = joinHardWraps(kept);
  Object.assign(recovery, { flattened: recovery.flattened + flattened, debris: recovery.debris + debris, joined: recovery.joined + joined });
  return unwrapped;
}

function splitFlattened(text: string): string[] {
  return text
    .split(new RegExp(GAP.source, 'g'))
    .flatMap((part) => part.split(new RegExp(INLINE_HEADING.source, 'g')))
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * PDF text breaks every line at the page width. When many lines share the
 * longest length, a full line not ending a sentence continues on the next.
 */
function joinHardWraps(lines: SourceLine[]): { lines: SourceLine[]; joined: number } {
  const width = wrapWidth(lines);
  if (width === undefined) return { lines, joined: 0 };
  const out: Array<SourceLine & { wrapEnd: boolean }> = [];
  let joined = 0;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && line.text && last.text.length >= width - 2 && !SENTENCE_END.test(last.text) && !HEADING_START.test(line.text) && last.wrapEnd) {
      last.text += line.text;
      last.wrapEnd = line.text.length >= width - 2;
      joined++;
      continue;
    }
    out.push({ ...line, wrapEnd: line.text.length >= width - 2 });
  }
  return { lines: out.map(({ text, line }) => ({ text, line })), joined };
}

function wrapWidth(lines: SourceLine[]): number | undefined {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 0);
  if (lengths.length < 8) return undefined;
  const width = lengths.reduce((a, b) => Math.max(a, b), 0);
  const full = lengths.filter((n) => n >= width - 2).length;
  // typed paragraphs vary in length; a wrapped page has most lines at the width
  return width <= 60 && full >= lengths.length * 0.3 ? width : undefined;
}
