// The blocks a composed document is made of, as mdast. Text typed by a writer
// stays a text node: the Markdown writer escapes it where the syntax needs it,
// the DOCX writer prints it as is.
import type { Heading, List, Paragraph, PhrasingContent, RootContent, ThematicBreak } from 'mdast';
import { withPlanPath } from '../review/anchors.js';
import type { DataPath } from './text.js';

export type Block = RootContent;

/**
 * Text as a Markdown reader would give it back, so both writers see the same
 * tree: empty text is no node (Markdown has no spelling for it), and U+0000
 * becomes U+FFFD (CommonMark replaces it for security).
 */
function phrasing(value: string): PhrasingContent[] {
  return value === '' ? [] : [{ type: 'text', value: value.replaceAll('\0', '\uFFFD') }];
}

export function paragraphBlock(value: string): Paragraph {
  return { type: 'paragraph', children: phrasing(value) };
}

export function headingBlock(depth: number, value: string): Heading {
  return { type: 'heading', depth: Math.min(Math.max(depth, 1), 6) as Heading['depth'], children: phrasing(value) };
}

/**
 * A run-in heading (PL-07): `**1.标题**：正文`. The mark sits right after the
 * strong text, not inside it: CommonMark does not close `**` between a
 * punctuation mark and a Chinese character, so `**标题：**正文` would print
 * its asterisks in every viewer.
 */
export function runInBlock(heading: string, rest: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: phrasing(heading) }, ...phrasing(rest)] };
}

/**
 * A centred line (题注, speaker line): a paragraph that is only emphasis,
 * `*——在……会议上*` (docs/markdown-convention.md).
 */
export function centredBlock(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: phrasing(value) }] };
}

/** `pathOf(j)`: the data path of item j, kept on its paragraph (src/review/anchors.ts). */
export function listBlock(items: readonly string[], pathOf?: (index: number) => DataPath): List {
  const itemParagraph = (item: string, j: number) => (pathOf ? withPlanPath(paragraphBlock(item), pathOf(j)) : paragraphBlock(item));
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item, j) => ({ type: 'listItem', spread: false, children: item === '' ? [] : [itemParagraph(item, j)] })),
  };
}

export function thematicBreakBlock(): ThematicBreak {
  return { type: 'thematicBreak' };
}

/** A paragraph without text is written as nothing in Markdown, so it is no block of the document. */
export function isEmptyBlock(block: Block): boolean {
  return block.type === 'paragraph' && block.children.length === 0;
}
