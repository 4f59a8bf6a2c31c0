// Text arrives exactly as typed: whatever a writer puts in a title, a paragraph
// or a list item comes back identical after compose → parse, and never changes
// the document's structure (no extra headings, lists, tables or emphasis).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Nodes, Root, RootContent } from 'mdast';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { Plan } from '../../src/model/plan.js';

const MARKDOWN_LOOKALIKES = [
  '1. ', '1) ', '# ', '## ', '- ', '+ ', '* ', '*', '**', '_', '__', '|', '| a | b |\n|---|---|', '<b>', '</b>', '<!-- x -->',
  '{{x}}', '{{{y}}}', '`', '```', '~~', '>', '---', '===', '***', '[a](b)', '![i](p)', '[^1]', '&amp;', '&#x41;', '\\',
  '\\[[', '\n', '\n\n', '  \n', '\t', 'https://example.com', 'www.x.cn', '😀', '𠀀', '𪚥', '〔2026〕', '——', '……', ' ', '\u3000',
];

const typedText = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN_LOOKALIKES), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('长寿镇', '工作', '2026年')), { maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim().length > 0 && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\r]/.test(s) && !s.includes('[['));

function planWith(title: string, heading: string, text: string, items: string[], runInTitle: string): Plan {
  return {
    title,
    year: 2026,
    opening: text,
    sections: [
      {
        title: heading,
        text: [text, { list: items }],
        children: [{ title: runInTitle, runIn: '：', text }],
      },
    ],
  };
}

function inlineText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  // GFM turns typed addresses (https://…, www.…, a@b.cn) into links after
  // escaping is resolved, so no escape can stop it; the text stays the same.
  if (node.type === 'link') return node.children.map(inlineText).join('');
  if ('children' in node && (node.type === 'paragraph' || node.type === 'heading')) return node.children.map(inlineText).join('');
  throw new Error(`unexpected ${node.type} node: user text changed the structure`);
}

function body(root: Root): RootContent[] {
  return root.children.filter((node) => node.type !== 'yaml');
}

describe('compose keeps typed text as text', () => {
  it('round-trips titles, paragraphs, list items and run-in headings unchanged', () => {
    fc.assert(
      fc.property(typedText, typedText, typedText, fc.array(typedText, { minLength: 1, maxLength: 3 }), typedText, (title, heading, text, items, runInTitle) => {
        const { markdown, diagnostics } = composePlanMarkdown(planWith(title, heading, text, items, runInTitle));
        expect(diagnostics).toEqual([]);
        const parsed = parseMarkdown(markdown);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed.furniture.title).toBe(title.trim());
        const nodes = body(parsed.root);
        expect(nodes.map((n) => (n.type === 'heading' ? `h${n.depth}` : n.type))).toEqual([
          'h1', 'paragraph', 'h2', 'paragraph', 'list', 'paragraph',
        ]);
        const [h1, opening, h2, paragraph, list, runIn] = nodes as [Nodes, Nodes, Nodes, Nodes, Nodes, Nodes];
        expect(inlineText(h1)).toBe(title.trim());
        expect(inlineText(opening)).toBe(text.trim());
        expect(inlineText(h2)).toBe(`一、${heading.trim()}`);
        expect(inlineText(paragraph)).toBe(text.trim());
        if (list.type !== 'list') throw new Error('expected a list');
        expect(list.children.map((item) => {
          expect(item.children).toHaveLength(1);
          return inlineText(item.children[0]!);
        })).toEqual(items.map((i) => i.trim()));
        if (runIn.type !== 'paragraph') throw new Error('expected a paragraph');
        const [strong, ...rest] = runIn.children;
        expect(strong?.type).toBe('strong');
        if (strong?.type !== 'strong') return;
        expect(strong.children.map(inlineText).join('')).toBe(`（一）${runInTitle.trim()}`);
        expect(rest.map(inlineText).join('')).toBe(`：${text.trim()}`);
      }),
      { numRuns: 300 },
    );
  });

  it('removes characters a DOCX cannot hold and warns about them', () => {
    fc.assert(
      fc.property(typedText, fc.constantFrom('\u0000', '\u0007', '\u000B', '\u001F', '\uFFFF', '\uD800'), (text, control) => {
        const chars = Array.from(text);
        const dirty = `${chars.slice(0, 2).join('')}${control}${chars.slice(2).join('')}`;
        const { markdown, diagnostics } = composePlanMarkdown({ title: '标题', year: 2026, sections: [{ title: '一', text: dirty }] });
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'invalid-character' });
        expect(diagnostics[0]!.message).toContain('sections[0].text');
        const paragraph = body(parseMarkdown(markdown).root)[2]!;
        expect(inlineText(paragraph)).toBe(text.trim());
      }),
      { numRuns: 100 },
    );
  });
});
