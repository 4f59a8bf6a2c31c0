// mdast → Markdown text, the one place that decides how plandoc's Markdown is
// spelled ("-" bullets, "**" strong, "***" rules, unpadded tables). remark-stringify escapes
// text nodes, so whatever a writer typed stays text and never becomes structure.
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';

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
  })
  // Table cells are not padded to align the pipes: padding counts characters,
  // not display width, so it misaligns Chinese text anyway and reads as stray spaces.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml']);

/** Serialises a tree (or a single block) to Markdown, without a trailing newline. */
export function stringifyMarkdown(node: Nodes): string {
  const root: Root = node.type === 'root' ? node : { type: 'root', children: [node as Root['children'][number]] };
  return processor.stringify(root).replace(/\n+$/, '');
}
