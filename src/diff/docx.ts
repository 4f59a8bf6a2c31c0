// The 修订对照表 as an official DOCX: the Markdown table through the shared
// Markdown → DOCX writer. A GFM cell cannot hold a line break, so the table's
// `<br>` markers become real breaks inside the cell.
import type { Html, Nodes, Parent, Root } from 'mdast';
import { mdastToDocx } from '../docx/index.js';
import { parseMarkdown } from '../markdown/parse.js';

export async function diffTableDocx(markdown: string): Promise<Uint8Array> {
  const parsed = parseMarkdown(markdown, '修订对照表.md');
  replaceBreakTags(parsed.root);
  return (await mdastToDocx(parsed.root, parsed.furniture)).docx;
}

function replaceBreakTags(node: Root | Parent): void {
  node.children = node.children.map((child: Nodes) => {
    if (isBreakTag(child)) return { type: 'break' };
    if ('children' in child) replaceBreakTags(child);
    return child;
  }) as typeof node.children;
}

function isBreakTag(node: Nodes): node is Html {
  return node.type === 'html' && /^<br\s*\/?>$/i.test(node.value);
}
