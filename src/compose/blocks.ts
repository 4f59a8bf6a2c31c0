// The blocks a composed document is made of, as mdast. Text typed by a writer
// stays a text node: the Markdown writer escapes it where the syntax needs it,
// the DOCX writer prints it as is.
import type { Heading, List, Paragraph, PhrasingContent, RootContent, ThematicBreak } from 'mdast';

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

export function listBlock(items: readonly string[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: item === '' ? [] : [paragraphBlock(item)] })),
  };
}

export function thematicBreakBlock(): ThematicBreak {
  return { type: 'thematicBreak' };
}

/** A paragraph without text is written as nothing in Markdown, so it is no block of the document. */
export function isEmptyBlock(block: Block): boolean {
  return block.type === 'paragraph' && block.children.length === 0;
}
