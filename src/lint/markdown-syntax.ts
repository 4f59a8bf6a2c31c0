// The parts of a Markdown text that are syntax, not prose: link and image
// destinations, reference definitions, footnote labels, inline code, HTML
// comments and tags, autolinks and bare URLs. Lint findings there are dropped,
// so `lint --fix` never turns `[文字](url)` into `[文字]（url）` or
// `[^1]: 注` into `[^1]：注` (links and footnotes become literal text).
// Code blocks, fenced or indented by four spaces, are taken from the parser:
// whether an indented line is code depends on what precedes it (a paragraph
// continues through it, a list item shifts the indent), which no line pattern
// can tell.
import type { Node } from 'mdast';
import { parseMarkdown } from '../markdown/parse.js';

const SYNTAX_PATTERNS: RegExp[] = [
  /^ {0,3}<!--[\s\S]*?(?:-->[^\n]*|(?![\s\S]))/gm, // an HTML block opened by a comment: through the rest of its closing line
  /^ {0,3}<\/?[A-Za-z][\s\S]*?(?=\n[ \t]*\n|(?![\s\S]))/gm, // an HTML block opened by a tag: to the blank line
  /<!--[\s\S]*?(?:-->|(?![\s\S]))/g, // HTML comment, possibly over several lines
  /(`+)[^`][\s\S]*?\1/g, // inline code span
  /!(?=\[)/g, // the "!" of an image
  /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g, // ](destination "title")
  /\]\(<[^<>\n]*>\)/g, // ](<destination>)
  /\]\[[^\]\n]*\]/g, // ][reference label]
  /\[\^[^\]\s]+\]:?/g, // footnote reference [^1] and definition label [^1]:
  /^ {0,3}\[(?!\^)[^\]\n]+\]:[^\n]*/gm, // link reference definition line (not a footnote)
  /<\/?[A-Za-z][^<>\n]*>/g, // HTML tag or autolink <https://…>
  /\b(?:https?|ftp):\/\/[^\s<>（）“”，。]+/g, // bare URL (GFM autolink literal)
];

/** Sorted, merged [start, end) ranges of syntax in `text`. */
export function markdownSyntaxRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const pattern of SYNTAX_PATTERNS) {
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.push(...codeBlockRanges(text));
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** [start, end) of every code block (fenced or indented) the parser finds in `text`. */
function codeBlockRanges(text: string): Array<[number, number]> {
  const parsed = parseMarkdown(text);
  if (parsed.diagnostics.some((d) => d.code === 'markdown-too-deep')) return indentedLineRanges(text);
  const ranges: Array<[number, number]> = [];
  const walk = (node: Node & { children?: Node[] }) => {
    const { start, end } = node.position ?? {};
    if (node.type === 'code' && start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
    for (const child of node.children ?? []) walk(child);
  };
  walk(parsed.root);
  return ranges;
}

/** Without a tree (nesting too deep to parse), every line indented like code is left alone. */
function indentedLineRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(/^(?: {4}|\t)[^\n]*/gm)].map((match) => [match.index, match.index + match[0].length]);
}

/** Whether [start, end) touches any of the sorted, merged `ranges` (binary search). */
export function overlapsSyntax(ranges: Array<[number, number]>, start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (to <= start) low = mid + 1;
    else if (from >= Math.max(end, start + 1)) high = mid - 1;
    else return true;
  }
  return false;
}
