// The parts of a Markdown text that are syntax, not prose: link and image
// destinations, reference definitions, footnote labels, inline code, HTML
// comments and tags, autolinks and bare URLs. Lint findings there are dropped,
// so `lint --fix` never turns `[文字](url)` into `[文字]（url）` or
// `[^1]: 注` into `[^1]：注` (links and footnotes become literal text).

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
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
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
