// ISO/IEC 29500 child order: every element of every document plandoc writes
// (example plans and summaries, Markdown fixtures, a 修订对照表, every
// furniture option, house profiles) against the content models of wml.xsd.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/index.js';
import { corpus, type CorpusDocument } from '../../src/docx/check/corpus.js';
import { describeOrderIssue, schemaOrderIssues } from '../../src/docx/check/order.js';
import { xmlParts } from '../../src/docx/check/package.js';
import { reorderXml } from '../../src/docx/reorder.js';
import { checkChildren } from '../../src/docx/schema-order.js';
import type { StyleProfileOverrides } from '../../src/docx/profile.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');
const BODY = '# 关于做好春节期间安全生产工作的通知\n\n正文第一段。\n';

/** Each furniture option on its own, and the house settings of the profile. */
const VARIANTS: Array<[string, string, StyleProfileOverrides?]> = [
  ['sealed signature (PL-09)', `---\ntitle: 标题\nissuer: 长寿镇人民政府\ndate: 2026-01-14\nsealed: true\n---\n\n${BODY}`],
  ['one attachment, 附注', `---\ntitle: 标题\nattachments: [{ title: 附件名称 }]\nnote: 此件公开发布\n---\n\n${BODY}`],
  ['版头 without 文号', `---\ntitle: 标题\nheader: { organ: 长寿镇人民政府文件 }\n---\n\n${BODY}`],
  ['版记 抄送 only', `---\ntitle: 标题\ncopyTo: [县乡村振兴局]\n---\n\n${BODY}`],
  ['版记 印发 only', `---\ntitle: 标题\nprintedBy: 长寿镇党政办公室\nprintedDate: 2026-01-15\n---\n\n${BODY}`],
  ['no front matter, table last', '# 表\n\n| 甲 | 乙 |\n|---|---:|\n| 1 | 2 |\n'],
  ['house profile', FULL, { bold: { heading2: true, heading3: true }, fonts: { digits: null }, grid: { linePitch: 560 } }],
];

describe('ISO/IEC 29500 element order in every generated document', () => {
  let documents: CorpusDocument[];

  beforeAll(async () => {
    documents = await corpus(ROOT);
    for (const [name, markdown, profile] of VARIANTS) documents.push({ name, docx: await markdownToDocx(markdown, { profile }) });
  });

  it('covers plans, summaries, Markdown input, the 修订对照表 and every furniture option', () => {
    const names = documents.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['plans/changshou-2026.yaml', 'plans/changshou-2026-h1.yaml', 'plans/pailou-2025-h1.yaml', 'tests/fixtures/md/full.md']));
    expect(names.some((n) => n.includes('修订对照表'))).toBe(true);
  });

  it('no element has a child out of order or outside its content model', () => {
    const problems = documents.flatMap((d) => schemaOrderIssues(xmlParts(d.docx)).map((issue) => `${d.name}: ${describeOrderIssue(issue)}`));
    expect(problems).toEqual([]);
  });

  it('the check walks every WordprocessingML part: document, styles, settings, fonts, footers, notes, numbering', () => {
    const parts = Object.keys(xmlParts(documents[0]!.docx)).filter((n) => n.startsWith('word/') && n.endsWith('.xml'));
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/numbering.xml']));
  });
});

describe('the order check and the fix', () => {
  it('finds what the docx library writes out of order (autoSpaceDN after jc), and the package fixes it', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph({ alignment: AlignmentType.RIGHT, autoSpaceEastAsianText: false, children: [new TextRun('2026年1月14日')] })] }] });
    const raw = xmlParts(new Uint8Array(await Packer.toBuffer(document)));
    const issues = schemaOrderIssues({ 'word/document.xml': raw['word/document.xml']! });
    expect(issues.map((i) => [i.parent, i.child])).toContainEqual(['w:pPr', 'w:autoSpaceDN']);
    expect(schemaOrderIssues({ 'word/document.xml': reorderXml(raw['word/document.xml']!) })).toEqual([]);
  });

  it('reorders nested properties and keeps everything else byte for byte', () => {
    const xml = '<?xml version="1.0"?><w:p a="1"><w:pPr><w:jc w:val="right"/><w:rPr><w:sz w:val="32"/><w:rFonts w:ascii="x&gt;"/></w:rPr><w:autoSpaceDN w:val="0"/><w:spacing w:line="579"/></w:pPr><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p>';
    expect(reorderXml(xml)).toBe('<?xml version="1.0"?><w:p a="1"><w:pPr><w:autoSpaceDN w:val="0"/><w:spacing w:line="579"/><w:jc w:val="right"/><w:rPr><w:rFonts w:ascii="x&gt;"/><w:sz w:val="32"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p>');
    const ordered = '<w:tbl><w:tblPr><w:tblW w:w="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>';
    expect(reorderXml(ordered)).toBe(ordered);
  });

  it('names children the content model does not know, and accepts any order in a repeated choice (w:trPr)', () => {
    expect(checkChildren('w:pPr', ['w:spacing', 'w:bogus'])).toMatchObject([{ child: 'w:bogus', problem: 'unknown' }]);
    expect(checkChildren('w:trPr', ['w:tblHeader', 'w:cantSplit'])).toEqual([]);
    expect(checkChildren('w:sectPr', ['w:pgSz', 'w:footerReference'])).toMatchObject([{ child: 'w:footerReference', problem: 'order' }]);
  });
});
