// `<!-- 注释 -->` in a hand-written Markdown document is the writer's note to
// themselves: it never reaches the document. Only the parser's html nodes are
// touched, so a `<!--` a writer typed into a plan's text (escaped by the
// Markdown stringifier as `\<!--`) stays text on every route.
import type { Nodes, Parent, Root } from 'mdast';
import { isOrientationComment } from '../docx/orientation.js';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Removes HTML comments (but not plandoc's layout instructions) from the tree's html nodes, dropping nodes that held nothing else. */
export function dropHtmlComments(root: Root): void {
  const pending: Parent[] = [root];
  // iterative: the tree's depth is bounded, but a stack costs nothing here
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    parent.children = parent.children.filter((child: Nodes) => {
      // TB-03's <!-- landscape --> / <!-- portrait --> is an instruction to the DOCX writer: kept for it
      if (child.type !== 'html' || !child.value.includes('<!--') || isOrientationComment(child.value)) return true;
      child.value = child.value.replace(COMMENT, '');
      return child.value.trim() !== '';
    }) as typeof parent.children;
    for (const child of parent.children) if ('children' in child) pending.push(child);
  }
}
