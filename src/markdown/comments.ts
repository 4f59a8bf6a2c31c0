// `<!-- 注释 -->` in a hand-written Markdown document is the writer's note to
// themselves: it never reaches the document. Only the parser's html nodes are
// touched, so a `<!--` a writer typed into a plan's text (escaped by the
// Markdown stringifier as `\<!--`) stays text on every route.
import type { Nodes, Parent, Root } from 'mdast';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Removes HTML comments from the tree's html nodes, dropping nodes that held nothing else. */
export function dropHtmlComments(root: Root): void {
  const pending: Parent[] = [root];
  // iterative: the tree's depth is bounded, but a stack costs nothing here
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    parent.children = parent.children.filter((child: Nodes) => {
      if (child.type !== 'html' || !child.value.includes('<!--')) return true;
      child.value = child.value.replace(COMMENT, '');
      return child.value.trim() !== '';
    }) as typeof parent.children;
    for (const child of parent.children) if ('children' in child) pending.push(child);
  }
}
