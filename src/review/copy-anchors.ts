// A tree read back from Markdown (a user's template override) takes the plan
// paths of the composed tree it was written from (anchors.ts). Apart from the
// anchor names because it needs the Markdown writer: whatever builds or checks
// a plan reaches anchors.ts, and only the template route needs this.
import type { Nodes, Root } from 'mdast';
import { stringifyMarkdown } from '../markdown/stringify.js';
import { planPathOf, withPlanPath } from './anchors.js';

/**
 * Copies the paths of the composed tree onto the same paragraphs of a tree
 * read back from its Markdown: a paragraph (a block, or a list item's
 * paragraph) gets the path of the next composed one with the same Markdown
 * text, in document order. Matched paragraph by paragraph, not block by
 * block: two adjacent lists come back from Markdown as one. Paragraphs a user
 * template wrote differently get none (apply falls back to structural
 * matching there).
 */
export function copyPlanPaths(target: Root, source: Root): void {
  const sourceUnits = anchorUnits(source.children);
  const positions = new Map<string, number[]>();
  sourceUnits.forEach((node, i) => {
    const key = stringifyMarkdown(node);
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  let cursor = 0;
  for (const node of anchorUnits(target.children)) {
    const index = positions.get(stringifyMarkdown(node))?.find((i) => i >= cursor);
    if (index === undefined) continue;
    const path = planPathOf(sourceUnits[index]!);
    if (path) withPlanPath(node, path);
    cursor = index + 1;
  }
}

/** The nodes that can carry an anchor, in document order: blocks, and the blocks inside list items. */
function anchorUnits(blocks: readonly Nodes[]): Nodes[] {
  return blocks.flatMap((block): Nodes[] => {
    if (block.type === 'yaml') return [];
    if (block.type === 'list') return block.children.flatMap((item) => anchorUnits(item.children));
    return [block];
  });
}
