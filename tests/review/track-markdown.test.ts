// Tracked changes between two arbitrary documents (Markdown input: headings,
// paragraphs, tables), including the awkward places: a document or a table
// cell whose last paragraph is new or gone, rows whose cell count changed,
// whole tables added or removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/index.js';
import { trackedChangesDocx } from '../../src/review/track/index.js';
import { documentXml, paragraphProperties, paragraphTexts, parse, resolve, revisionCount, textsOf } from './track-support.js';

const SENTENCES = ['加强组织领导。', '强化要素保障。', '严格督导考核，确保落实。', '激发内生动力。', '推进乡村振兴。', '完成300人次培训。'];

const block = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 1, arbitrary: fc.constantFrom('## 一、总体要求', '## 二、重点任务', '### （一）产业发展') },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.constantFrom('甲', '乙', '120', '130', '合计'), { minLength: 2, maxLength: 3 }))
      .map(([rows, cells]) => [`| ${cells.map((_, i) => `列${i + 1}`).join(' | ')} |`, `|${cells.map(() => '---').join('|')}|`, ...Array.from({ length: rows }, (_, r) => `| ${cells.map((cell) => `${cell}${r}`).join(' | ')} |`)].join('\n')),
  },
);

const documentText = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => `---\ntitle: 修订测试\n---\n\n${blocks.join('\n\n')}\n`);

async function tracked(older: string, newer: string) {
  const [a, b] = [await markdownToDocx(older), await markdownToDocx(newer)];
  return { older: a, newer: b, xml: documentXml(trackedChangesDocx(a, b, { author: 'plandoc' }).docx) };
}

describe('tracked changes between any two documents', () => {
  it('the last paragraph gone or new: accept and reject still give each version (its mark is kept, the one before goes)', async () => {
    for (const [older, newer] of [
      ['段落一。\n\n段落二。\n\n段落三。', '段落一。'],
      ['段落一。', '段落一。\n\n新增的段落。\n\n又一段。'],
      ['段落一。\n\n旧的最后一段。', '段落一。\n\n新的结尾，与旧的毫不相同。'],
      // found by a random seed: a deleted table between the mark that goes and the last paragraph
      ['加强组织领导。\n\n| 列1 | 列2 |\n|---|---|\n| 甲0 | 乙0 |\n\n激发内生动力。', '激发内生动力。\n\n加强组织领导。'],
    ]) {
      const result = await tracked(`---\ntitle: 题\n---\n\n${older}\n`, `---\ntitle: 题\n---\n\n${newer}\n`);
      expect(paragraphTexts(resolve(result.xml, 'accept'))).toEqual(textsOf(result.newer));
      expect(paragraphTexts(resolve(result.xml, 'reject'))).toEqual(textsOf(result.older));
    }
  });

  it('a paragraph whose formatting alone changed (a heading turned into body text) records its old formatting', async () => {
    const result = await tracked('---\ntitle: 题\n---\n\n### 产业发展\n\n正文。\n', '---\ntitle: 题\n---\n\n产业发展\n\n正文。\n');
    expect(result.xml).toMatch(/<w:pPr><w:pStyle w:val="BodyText"\/>.*?<w:pPrChange w:id="\d+" w:author="plandoc"><w:pPr><w:pStyle w:val="Heading2"\/>/s);
    const normalised = (list: string[]) => list.map((pPr) => pPr.replace(/<w:rPr\/>/g, ''));
    expect(normalised(paragraphProperties(resolve(result.xml, 'accept')))).toEqual(paragraphProperties(parse(documentXml(result.newer))));
    expect(normalised(paragraphProperties(resolve(result.xml, 'reject')))).toEqual(paragraphProperties(parse(documentXml(result.older))));
    expect(paragraphTexts(resolve(result.xml, 'reject'))).toEqual(textsOf(result.older));
  });

  it('a row added to a table and a cell changed are a row insertion and runs inside the cell', async () => {
    const table = (rows: string[]) => `---\ntitle: 题\n---\n\n| 指标 | 目标 |\n|---|---|\n${rows.join('\n')}\n`;
    const result = await tracked(table(['| 培训 | 300 |']), table(['| 培训 | 400 |', '| 岗位 | 87 |']));
    expect(result.xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins w:id="\d+" w:author="plandoc"\/>/s);
    expect(result.xml).toMatch(/<w:delText xml:space="preserve">300<\/w:delText>/);
    expect(revisionCount(result.xml).ins).toBeGreaterThan(1);
    expect(paragraphTexts(resolve(result.xml, 'accept'))).toEqual(textsOf(result.newer));
    expect(paragraphTexts(resolve(result.xml, 'reject'))).toEqual(textsOf(result.older));
  });

  it('random documents: accept all → the new one, reject all → the old one', async () => {
    await fc.assert(fc.asyncProperty(documentText, documentText, async (older, newer) => {
      const result = await tracked(older, newer);
      expect(paragraphTexts(resolve(result.xml, 'accept'))).toEqual(textsOf(result.newer));
      expect(paragraphTexts(resolve(result.xml, 'reject'))).toEqual(textsOf(result.older));
    }), { numRuns: 40 });
  }, 120_000);
});
