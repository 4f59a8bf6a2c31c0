// Checks over every document plandoc writes (example plans and summaries,
// Markdown fixtures, a 修订对照表, every furniture option, house profiles):
// ISO/IEC 29500 child order against the content models of wml.xsd, and the
// WPS self-check (FN-11, TB-02).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/index.js';
import { corpus, type CorpusDocument } from '../../src/docx/check/corpus.js';
import { describeOrderIssue, schemaOrderIssues } from '../../src/docx/check/order.js';
import { xmlParts } from '../../src/docx/check/package.js';
import { wpsProblems } from '../../src/docx/check/wps.js';
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

  it('WPS self-check: no theme fonts, eastAsia in every rFonts, fixed tblGrid widths, rows that grow', () => {
    const problems = documents.flatMap((d) => wpsProblems(xmlParts(d.docx)).map((p) => `${d.name}: ${p}`));
    expect(problems).toEqual([]);
    const withTables = documents.filter((d) => xmlParts(d.docx)['word/document.xml']!.includes('<w:tbl>'));
    expect(withTables.length).toBeGreaterThanOrEqual(3);
  });

  it('the check walks every WordprocessingML part: document, styles, settings, fonts, footers, notes, numbering', () => {
    const parts = Object.keys(xmlParts(documents[0]!.docx)).filter((n) => n.startsWith('word/') && n.endsWith('.xml'));
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/numbering.xml']));
  });
});

describe('the WPS self-check finds what WPS trips over', () => {
  const table = (inner: string) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${inner}</w:tbl></w:body></w:document>`;
  const fixedRow = '<w:tr><w:trPr><w:trHeight w:val="280" w:hRule="atLeast"/></w:trPr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>';
  const props = '<w:tblPr><w:tblLayout w:type="fixed"/></w:tblPr>';
  const grid = '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4845"/></w:tblGrid>';

  it('accepts a table with a full grid, a fixed layout and rows that grow', () => {
    expect(wpsProblems({ 'word/document.xml': table(props + grid + fixedRow) })).toEqual([]);
  });

  it('names a missing grid, a missing column, exact rows, theme fonts and rFonts without eastAsia', () => {
    expect(wpsProblems({ 'word/document.xml': table(props + fixedRow) })).toEqual(['word/document.xml: table without w:tblGrid']);
    expect(wpsProblems({ 'word/document.xml': table(props + '<w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>' + fixedRow) })).toEqual(['word/document.xml: w:tblGrid has 1 w:gridCol for 2 columns']);
    expect(wpsProblems({ 'word/document.xml': table(props + grid + fixedRow.replace('atLeast', 'exact')) })).toEqual(['word/document.xml: row height rule exact instead of atLeast']);
    expect(wpsProblems({ 'word/document.xml': table(grid + fixedRow) })).toEqual(['word/document.xml: table layout is not fixed']);
    expect(wpsProblems({ 'word/document.xml': table(props + grid + '<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>') })).toEqual(['word/document.xml: row height rule (none) instead of atLeast']);
    const fonts = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rFonts w:ascii="A" w:eastAsiaTheme="minorEastAsia"/></w:styles>';
    expect(wpsProblems({ 'word/styles.xml': fonts })).toEqual(['word/styles.xml: theme font', 'word/styles.xml: w:rFonts without w:eastAsia']);
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
