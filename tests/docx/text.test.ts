// Text arrives exactly as typed: whatever a writer puts in a text field reaches
// word/document.xml unchanged and never changes the document's structure.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { mdastToDocx, markdownToDocx, renderDocx } from '../../src/docx/index.js';
import { stripInvalidXmlChars } from '../../src/docx/xml-chars.js';
import { bodyParagraphs, openDocx, paragraphText, parseXml } from './xml.js';

const FURNITURE = { title: '标题' };
const SPECIAL = ['1. ', '# ', '*', '|', '<b>', '&', '&amp;', '{{x}}', '"', "'", '😀', '𠀀', '𪚥', '\\', '[x](y)', '`', '~~', '　', '——', '……'];

/** Strings with the characters writers really type, plus anything unicode. */
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 10 }).map((parts) => parts.join('')),
);

/**
 * Texts of the body paragraphs read from the raw XML: xmldom applies XML 1.1
 * line-end handling (U+2028, U+0085 → \n), Word and the XML 1.0 spec do not.
 */
async function paragraphTexts(root: Root): Promise<string[]> {
  const { docx } = await mdastToDocx(root, FURNITURE);
  const parts = await openDocx(docx);
  const xml = await parts.text('word/document.xml');
  parseXml(xml);
  const body = xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('<w:sectPr'));
  return [...body.matchAll(/<w:p>.*?<\/w:p>|<w:p\/>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''));
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe('text exactly as typed', () => {
  it('property: a text node reaches the paragraph unchanged (minus XML-invalid characters) and the XML parses', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (raw) => {
        const text = raw.replace(/[\r\n\t]/g, ' ');
        const texts = await paragraphTexts({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
        expect(texts.at(-1)).toBe(stripInvalidXmlChars(text).text);
      }),
      { numRuns: 120 },
    );
  });

  it('property: escaped by remark-stringify (as compose does), Markdown-looking text stays one paragraph of the same text', async () => {
    const stringify = unified().use(remarkGfm).use(remarkStringify);
    await fc.assert(
      fc.asyncProperty(typed, async (raw) => {
        const text = stripInvalidXmlChars(raw.replace(/\s+/gu, ' ')).text.trim();
        fc.pre(text.length > 0);
        const root: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: '标题' }] }, { type: 'paragraph', children: [{ type: 'text', value: text }] }] };
        const markdown = stringify.stringify(root);
        const parts = await openDocx(await markdownToDocx(markdown));
        const texts = bodyParagraphs(parts.document).map(paragraphText);
        expect(texts).toEqual(['标题', '', text]);
      }),
      { numRuns: 120 },
    );
  });

  it('control characters are removed with a warning pointing at the line', async () => {
    const { docx, diagnostics } = await renderDocx('# 标题\n\n正文\u0007有\u000b控制字符。', { file: 'x.md' });
    const parts = await openDocx(docx);
    expect(bodyParagraphs(parts.document).map(paragraphText)).toContain('正文有控制字符。');
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'x.md', line: 3, severity: 'warning', code: 'invalid-xml-char' })]);
    expect(diagnostics[0]!.message).toContain('U+0007');
  });

  it('stripInvalidXmlChars keeps tabs, newlines, emoji and ext-B characters; drops C0 controls and lone surrogates', () => {
    expect(stripInvalidXmlChars('a\tb\nc😀𠀀')).toEqual({ text: 'a\tb\nc😀𠀀', removed: [] });
    expect(stripInvalidXmlChars('a\u0000b\u001fc\ud800d\uffff')).toEqual({ text: 'abcd', removed: ['\u0000', '\u001f', '\ud800', '\uffff'] });
  });

  it('a soft line break between Chinese characters disappears, between Latin words becomes a space', async () => {
    const parts = await openDocx(await markdownToDocx('# 标题\n\n第一行\n第二行 word\nnext'));
    expect(bodyParagraphs(parts.document).map(paragraphText)).toContain('第一行第二行 word next');
  });

  it('every XML part of a document full of special characters parses', async () => {
    const bytes = await markdownToDocx(`---\ntitle: "<b>&{{x}}"\nissuer: "A&B<镇>"\npublication: { indexNo: "<&>" }\n---\n\n正文 <i>&amp; {{y}} 😀𠀀\n`);
    const parts = await openDocx(bytes);
    for (const name of Object.keys(parts.zip.files)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) {
        const xml = await parts.text(name);
        expect(() => parseXml(xml), name).not.toThrow();
      }
    }
    expect(await parts.text('docProps/custom.xml')).toContain('<vt:lpwstr>&lt;&amp;&gt;</vt:lpwstr>');
    expect(bodyParagraphs(parts.document).map(paragraphText)).toEqual(expect.arrayContaining(['<b>&{{x}}', '正文 <i>& {{y}} 😀𠀀', 'A&B<镇>']));
  });
});
