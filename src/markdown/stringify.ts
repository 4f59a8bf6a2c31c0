// mdast → Markdown text, the one place that decides how plandoc's Markdown is
// spelled ("-" bullets, "**" strong, "***" rules, unpadded tables). remark-stringify escapes
// text nodes, so whatever a writer typed stays text and never becomes structure.
import type { Nodes, Root, Text } from 'mdast';
import type { Handle, Info, State } from 'mdast-util-to-markdown';
import { unified } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { joinSoftBreaks } from './soft-breaks.js';

const processor = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '*',
    ruleRepetition: 3,
    listItemIndent: 'one',
    fences: true,
    incrementListMarker: true,
    handlers: { text: textLineByLine },
  })
  // Table cells are not padded to align the pipes: padding counts characters,
  // not display width, so it misaligns Chinese text anyway and reads as stray spaces.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml']);

/**
 * Escapes a multi-line text value one line at a time. The escaper matches its
 * unsafe patterns without overlap, so in "1.\n1. a" the first line's match
 * swallows the newline the second line's list marker needs, and "1. a" would
 * come back as a list item. Line by line, every line start is checked.
 */
function textLineByLine(node: Text, parent: Parameters<Handle>[1], state: State, info: Info): string {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  // An ATX heading is one line: its breaks are joined the way the DOCX writer joins them.
  if (state.stack.includes('headingAtx')) return state.safe(joinSoftBreaks(node.value), { ...info, beforeNode: siblings[index - 1], afterNode: siblings[index + 1] } as Info);
  // Split only between two lines with text; blank lines stay inside a piece,
  // where the escaper writes them as &#xA; so the paragraph does not end.
  const lines = node.value.split(/(?<=\S[ \t]*)(?:\r\n|\r|\n)(?=[ \t]*\S)/);
  return lines
    .map((line, i) =>
      state.safe(line, {
        ...info,
        before: i === 0 ? info.before : '\n',
        after: i === lines.length - 1 ? info.after : '\n',
        beforeNode: i === 0 ? siblings[index - 1] : undefined,
        afterNode: i === lines.length - 1 ? siblings[index + 1] : undefined,
      } as Info),
    )
    .join('\n');
}

/** Serialises a tree (or a single block) to Markdown, without a trailing newline. */
export function stringifyMarkdown(node: Nodes): string {
  const root: Root = node.type === 'root' ? node : { type: 'root', children: [node as Root['children'][number]] };
  return processor.stringify(root).replace(/\n+$/, '');
}
