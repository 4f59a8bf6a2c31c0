// Markdown blocks built as mdast and serialised by remark-stringify, so text
// typed by a writer is escaped exactly where the Markdown syntax needs it.
import type { Heading, List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { stringifyMarkdown } from '../markdown/stringify.js';

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

export function paragraphBlock(value: string): string {
  return stringify({ type: 'paragraph', children: [text(value)] });
}

export function headingBlock(depth: number, value: string): string {
  const heading: Heading = { type: 'heading', depth: Math.min(Math.max(depth, 1), 6) as Heading['depth'], children: [text(value)] };
  return stringify(heading);
}

/**
 * A run-in heading (PL-07): `**1.标题**：正文`. The mark sits right after the
 * strong text, not inside it: CommonMark does not close `**` between a
 * punctuation mark and a Chinese character, so `**标题：**正文` would print
 * its asterisks in every viewer.
 */
export function runInBlock(heading: string, rest: string): string {
  const children: PhrasingContent[] = [{ type: 'strong', children: [text(heading)] }];
  if (rest) children.push(text(rest));
  const paragraph: Paragraph = { type: 'paragraph', children };
  return stringify(paragraph);
}

export function listBlock(items: readonly string[]): string {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(item)] }] })),
  };
  return stringify(list);
}

export function thematicBreakBlock(): string {
  return stringify({ type: 'thematicBreak' });
}

function stringify(node: RootContent): string {
  return stringifyMarkdown(node);
}
