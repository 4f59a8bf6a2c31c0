// The other half of "text arrives exactly as typed": what compose writes
// reaches the DOCX paragraphs unchanged (single-line text; line breaks inside a
// paragraph are the DOCX writer's business).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { markdownToDocx } from '../../src/docx/index.js';

const LOOKALIKES = ['1. ', '# ', '- ', '*', '**', '_', '|', '<b>', '</b>', '{{x}}', '`', '~~', '> ', '[a](b)', '&amp;', '\\', '😀', '𠀀', '〔2026〕', '——', '……', '“', '”'];

const singleLine = fc
  .array(fc.oneof(fc.constantFrom(...LOOKALIKES), fc.string({ unit: 'grapheme', maxLength: 5 }), fc.constantFrom('长寿镇', '工作')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('').replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF\s]+/g, ' ').trim())
  .filter((s) => s.length > 0 && !s.includes('[['));

async function docxParagraphTexts(docx: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''))
    .map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .filter((t) => t !== '');
}

describe('compose → DOCX keeps typed text', () => {
  it('prints headings, paragraphs, list items and run-in headings exactly as typed', async () => {
    await fc.assert(
      fc.asyncProperty(singleLine, singleLine, singleLine, singleLine, async (heading, text, item, runInTitle) => {
        const { markdown } = composePlanMarkdown({
          title: '测试镇工作计划',
          year: 2026,
          sections: [{ title: heading, text: [text, { list: [item] }], children: [{ title: runInTitle, runIn: '。', text }] }],
        });
        const paragraphs = await docxParagraphTexts(await markdownToDocx(markdown));
        expect(paragraphs.slice(1)).toEqual([`一、${heading}`, text, item, `（一）${runInTitle}。${text}`]);
      }),
      { numRuns: 40 },
    );
  });
});
