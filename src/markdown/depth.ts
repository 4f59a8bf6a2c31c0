// How deeply Markdown nests, bounded before and after parsing. 5,000 nested
// `>` overflowed the DOCX writer's recursion (and took the parser 5 s and
// 700 MB); a 1,000-deep list took the parser 106 s. No official document
// nests more than a few levels.
import type { Node, Parent } from 'mdast';

/** Block quotes, lists and inline containers nested deeper than this are refused. */
export const MAX_MARKDOWN_NESTING = 64;

export interface NestingExcess {
  line: number;
  column: number;
}

/**
 * Estimates the container depth of each line from its prefix (one level per
 * `>`, per list marker and per two columns of indentation), without parsing.
 */
export function excessiveLinePrefix(markdown: string, limit = MAX_MARKDOWN_NESTING): NestingExcess | undefined {
  let line = 1;
  let start = 0;
  const emphasis = new EmphasisDepth(limit);
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const column = prefixExcess(markdown, start, end, limit) ?? emphasis.excessIn(markdown.slice(start, end));
    if (column !== undefined) return { line, column };
    start = end + 1;
    line++;
  }
  return undefined;
}

/** CommonMark's flanking rule, seen from one side: `toward` is the character the run would emphasise. */
function flanks(toward: string | undefined, away: string | undefined): boolean {
  if (toward === undefined || /\s/u.test(toward)) return false;
  return !/[\p{P}\p{S}]/u.test(toward) || away === undefined || /[\s\p{P}\p{S}]/u.test(away);
}

/**
 * Emphasis openers (`*` or `_` runs before a word) still unclosed in the
 * current paragraph, per delimiter character. The parser matches each closer
 * against every opener still open, so 3,000 nested `*a` took it 15 s (and 10,000
 * minutes); no document nests emphasis more than two or three deep. Runs with
 * a word on both sides (中**加粗**文) can close but are not counted as openers;
 * code fences and code spans are skipped.
 */
class EmphasisDepth {
  private open = { '*': 0, _: 0 };
  private fence: string | undefined;
  /** the YAML front matter (`---` on the first line) is not Markdown: `*a` there is an alias */
  private frontMatter: boolean | undefined;

  constructor(private readonly limit: number) {}

  /** The 1-based column where this line's emphasis goes past the limit, if it does. */
  excessIn(line: string): number | undefined {
    if (this.frontMatter === undefined) {
      this.frontMatter = /^---\s*$/.test(line);
      if (this.frontMatter) return undefined;
    } else if (this.frontMatter) {
      if (/^(?:---|\.\.\.)\s*$/.test(line)) this.frontMatter = false;
      return undefined;
    }
    return this.bodyLine(line);
  }

  private bodyLine(line: string): number | undefined {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (this.fence !== undefined) {
      if (fence !== undefined && fence[0] === this.fence[0] && fence.length >= this.fence.length) this.fence = undefined;
      return undefined;
    }
    if (fence !== undefined) {
      this.fence = fence;
      return undefined;
    }
    if (line.trim() === '') {
      this.open = { '*': 0, _: 0 };
      return undefined;
    }
    const text = line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    for (const run of text.matchAll(/\*+|_+/g)) {
      const char = run[0][0] as '*' | '_';
      const before = text[run.index - 1];
      const after = text[run.index + run[0].length];
      const left = flanks(after, before);
      const right = flanks(before, after);
      // a run that can also close (a word on both sides) is not counted as an opener
      const opens = left && !right;
      const closes = right;
      if (opens && ++this.open[char] > this.limit) return run.index + 1;
      if (closes && this.open[char] > 0) this.open[char]--;
    }
    return undefined;
  }
}

function prefixExcess(text: string, start: number, end: number, limit: number): number | undefined {
  let depth = 0;
  let spaces = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === ' ') spaces++;
    else if (ch === '\t') spaces += 4;
    else if (ch === '>') depth++;
    else if ((ch === '-' || ch === '*' || ch === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) depth++;
    else break;
    if (depth + Math.floor(spaces / 2) > limit) return i - start + 1;
  }
  return undefined;
}

/** The first node (in document order) deeper than `limit` in the parsed tree, found without recursion. */
export function excessiveTreeDepth(root: Parent, limit = MAX_MARKDOWN_NESTING): Node | undefined {
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    const children = (node as Partial<Parent>).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}
