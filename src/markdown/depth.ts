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
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const column = prefixExcess(markdown, start, end, limit);
    if (column !== undefined) return { line, column };
    start = end + 1;
    line++;
  }
  return undefined;
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
