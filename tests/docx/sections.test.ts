// The document's sections in the XML: a landscape section for a table too wide
// for the portrait page (TB-03), the 版记 on an even page of its own without a
// page number (FU-05). The render tests (tests/render/landscape.test.ts)
// measure where LibreOffice puts them.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRender } from '../../src/render/index.js';
import { ROOT } from '../helpers/cli.js';
import { markdownToDocx } from '../../src/docx/index.js';
import { all, attr, child, openDocx, paragraphText, parseXml, renderMd, type DocxParts } from './xml.js';

const LANDSCAPE = readFileSync(new URL('../fixtures/md/landscape.md', import.meta.url), 'utf8');

const PORTRAIT_TYPE_AREA = 11906 - 1587 - 1474;
const LANDSCAPE_TYPE_AREA = 16838 - 2098 - 1984;

interface Section {
  sectPr: Element;
  /** the tables and paragraphs of the section, in order */
  blocks: Element[];
}

/** Body blocks grouped by the section they belong to (a paragraph's w:sectPr ends its section). */
function sections(parts: DocxParts): Section[] {
  const body = all(parts.document, 'body')[0]!;
  const result: Section[] = [];
  let blocks: Element[] = [];
  for (const node of Array.from(body.childNodes) as Element[]) {
    if (node.localName === 'sectPr') result.push({ sectPr: node, blocks });
    if (node.localName !== 'p' && node.localName !== 'tbl') continue;
    blocks.push(node);
    const sectPr = child(child(node, 'pPr'), 'sectPr');
    if (sectPr) {
      result.push({ sectPr, blocks });
      blocks = [];
    }
  }
  return result;
}

const orientation = (section: Section) => attr(child(section.sectPr, 'pgSz'), 'orient');
const tables = (section: Section) => section.blocks.filter((block) => block.localName === 'tbl');
const gridSum = (table: Element) => all(child(table, 'tblGrid')!, 'gridCol').reduce((sum, col) => sum + Number(attr(col, 'w')), 0);

async function footers(parts: DocxParts, section: Section): Promise<Record<string, Document>> {
  const rels = parseXml(await parts.text('word/_rels/document.xml.rels'));
  const targets = new Map(Array.from(rels.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const result: Record<string, Document> = {};
  for (const ref of all(section.sectPr, 'footerReference')) {
    const id = ref.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    result[attr(ref, 'type')!] = parseXml(await parts.text(`word/${targets.get(id)}`)) as unknown as Document;
  }
  return result;
}

type Document = ReturnType<typeof parseXml>;

const VML = 'urn:schemas-microsoft-com:vml';
const vml = (node: Document | Element, localName: string) => Array.from(node.getElementsByTagNameNS(VML, localName)) as Element[];

const instructions = (part: Document) => all(part, 'instrText').map((t) => t.textContent!.trim());

describe('TB-03 a table too wide for the portrait page is set on a landscape section', () => {
  let parts: DocxParts;
  let list: Section[];
  beforeAll(async () => {
    parts = await renderMd(LANDSCAPE);
    list = sections(parts);
  });

  it('TB-03 portrait body, one landscape section per wide table, portrait again, then the 版记', () => {
    expect(list.map(orientation)).toEqual(['portrait', 'landscape', 'landscape', 'portrait', 'portrait']);
    expect(list.map((section) => attr(child(section.sectPr, 'type'), 'val'))).toEqual(['nextPage', 'nextPage', 'nextPage', 'nextPage', 'evenPage']);
    expect(tables(list[1]!).map((t) => paragraphText(all(t, 'tr')[1]!))).toEqual([expect.stringContaining('做强茶叶产业')]);
    expect(tables(list[2]!)).toHaveLength(1);
    // each table's title is on its landscape page, with the table
    expect(list[1]!.blocks.map(paragraphText)).toContain('重点工作推进表');
    expect(list[2]!.blocks.map(paragraphText)).toContain('季度工作节点表');
    for (const i of [0, 3, 4]) expect(tables(list[i]!)).toEqual([]);
  });

  it('TB-03 the landscape page swaps the A4 sides and keeps the sheet type area in place (the sheet turned a quarter)', () => {
    for (const section of list.filter((s) => orientation(s) === 'landscape')) {
      const size = child(section.sectPr, 'pgSz')!;
      expect([attr(size, 'w'), attr(size, 'h')]).toEqual(['16838', '11906']);
      const margin = child(section.sectPr, 'pgMar')!;
      // sheet: top 2098, right 1474, bottom 1984, left (binding) 1587 (PG-02..PG-04)
      expect(['top', 'right', 'bottom', 'left', 'gutter'].map((side) => attr(margin, side))).toEqual(['1587', '2098', '1474', '1984', '0']);
      // the footer (only the anchor of the side number) stays inside the bottom margin, so the type area keeps its 156 mm
      expect(Number(attr(margin, 'footer')) + 20).toBeLessThan(1474);
    }
  });

  it('TB-02/TB-03 the gridCols of a landscape table fill the landscape type area; the header row still repeats', () => {
    for (const section of list.filter((s) => orientation(s) === 'landscape')) {
      const [table] = tables(section);
      expect(gridSum(table!)).toBe(LANDSCAPE_TYPE_AREA);
      expect(child(child(all(table!, 'tr')[0], 'trPr'), 'tblHeader')).toBeDefined();
      expect(attr(child(child(table!, 'tblPr'), 'tblLayout'), 'type')).toBe('fixed');
    }
  });

  it('TB-03 landscape page numbers: the PAGE paragraph in a page-anchored text box with vertical text, along the sheet bottom edge', async () => {
    const parts2 = await footers(parts, list[1]!);
    expect(Object.keys(parts2).sort()).toEqual(['default', 'even']);
    for (const [type, footer] of Object.entries(parts2)) {
      const shape = vml(footer, 'shape')[0]!;
      const style = Object.fromEntries(shape.getAttribute('style')!.split(';').map((pair) => pair.split(':') as [string, string]));
      expect(style['mso-position-horizontal-relative']).toBe('page');
      expect(style['mso-position-vertical-relative']).toBe('page');
      // one footer line, its bottom 1400 twips (PN-05's footer distance) from the sheet's bottom edge = the page's left edge
      expect(style['margin-left']).toBe('70.00pt');
      // along the sheet's type area width, from the binding margin
      expect(style['margin-top']).toBe(`${(1587 / 20).toFixed(2)}pt`);
      expect(style.height).toBe(`${(PORTRAIT_TYPE_AREA / 20).toFixed(2)}pt`);
      expect(vml(shape, 'textbox')[0]!.getAttribute('style')).toBe('layout-flow:vertical');
      const number = all(all(shape, 'txbxContent')[0]!, 'p')[0]!;
      expect(paragraphText(number)).toMatch(/^— \d —$/);
      expect(instructions(footer)).toEqual(['PAGE']);
      // PN-02/PN-03 inside the box: odd pages at the end (right when the sheet is upright), even ones at the start
      const pPr = child(number, 'pPr');
      expect(attr(child(pPr, 'jc'), 'val')).toBe(type === 'default' ? 'right' : 'left');
      expect(attr(child(pPr, 'ind'), type === 'default' ? 'right' : 'left')).toBe('280');
    }
  });

  it('TB-03 portrait sections keep the ordinary footers', async () => {
    for (const section of [list[0]!, list[3]!]) {
      for (const footer of Object.values(await footers(parts, section))) {
        expect(all(footer, 'pict')).toEqual([]);
        expect(vml(footer, 'shape')).toEqual([]);
        expect(instructions(footer)).toEqual(['PAGE']);
      }
    }
  });

  it('TB-03 a table that fits the portrait type area stays in the portrait section (TB-01/TB-02 unchanged)', async () => {
    const narrow = sections(await renderMd('# 标题\n\n**表**\n\n| 序号 | 村 | 里程 |\n| :-: | --- | --: |\n| 1 | 青山村 | 3.5 |\n'));
    expect(narrow).toHaveLength(1);
    expect(gridSum(tables(narrow[0]!)[0]!)).toBe(PORTRAIT_TYPE_AREA);
  });

  it('TB-03 <!-- landscape --> turns a narrow table, and only the table right after it', async () => {
    const table = '| 序号 | 村 |\n| :-: | --- |\n| 1 | 青山村 |\n';
    const asked = sections(await renderMd(`# 标题\n\n<!-- landscape -->\n\n${table}\n正文。\n\n${table}`));
    expect(asked.map(orientation)).toEqual(['portrait', 'landscape', 'portrait']);
    const stray = sections(await renderMd(`# 标题\n\n<!-- landscape -->\n\n正文。\n\n${table}`));
    expect(stray.map(orientation)).toEqual(['portrait']);
  });

  it('TB-03 <!-- portrait --> keeps a wide table upright, squeezed into the portrait type area', async () => {
    const upright = sections(await renderMd(LANDSCAPE.replace('**重点工作推进表**', '<!-- portrait -->\n\n**重点工作推进表**')));
    expect(upright.map(orientation)).toEqual(['portrait', 'landscape', 'portrait', 'portrait']);
    expect(gridSum(tables(upright[0]!)[0]!)).toBe(PORTRAIT_TYPE_AREA);
  });
});

describe('TB-03 in a plan: `landscape:` on a table block, and the derived 责任分工表', () => {
  it('TB-03 landscape: true reaches the Markdown as <!-- landscape --> and the DOCX as a landscape section; the wide 责任分工表 attachment turns with its 附件 label', async () => {
    const prepared = await prepareRender(join(ROOT, 'tests/fixtures/tables-plan.yaml'), { outDir: mkdtempSync(join(tmpdir(), 'plandoc-sections-')), formats: ['md', 'docx'] });
    const markdown = prepared.files.find((f) => f.path.endsWith('.md'))!.data as string;
    expect(markdown).toContain('<!-- landscape -->\n\n**道路建设任务表**');
    const list = sections(await openDocx(prepared.files.find((f) => f.path.endsWith('.docx'))!.data as Uint8Array));
    const landscape = list.filter((section) => orientation(section) === 'landscape');
    expect(landscape.map((section) => section.blocks.map(paragraphText).filter(Boolean)[0])).toEqual(['道路建设任务表', '附件1']);
    expect(landscape[1]!.blocks.map(paragraphText)).toContain('重点任务责任分工表');
    for (const section of landscape) expect(gridSum(tables(section)[0]!)).toBe(LANDSCAPE_TYPE_AREA);
    // the 主要指标表 fits upright
    const last = list.filter((section) => orientation(section) === 'portrait').at(-1)!;
    expect(last.blocks.map(paragraphText)).toContain('主要指标表');
    expect(gridSum(tables(last)[0]!)).toBe(PORTRAIT_TYPE_AREA);
  });
});

describe('FU-05 the 版记 on the last even page, without a page number', () => {
  it('TB-03/FU-05 rendering the document with landscape sections and the 版记 twice gives identical bytes', async () => {
    const [first, second] = [await markdownToDocx(LANDSCAPE), await markdownToDocx(LANDSCAPE)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('FU-05 the 版记 is a section of its own that starts on an even page, with footers that hold no PAGE field', async () => {
    const parts = await renderMd(LANDSCAPE);
    const list = sections(parts);
    const record = list.at(-1)!;
    expect(attr(child(record.sectPr, 'type'), 'val')).toBe('evenPage');
    expect(record.blocks.map(paragraphText).join('')).toMatch(/^抄送：县委办公室，县政府办公室。青山镇党政办公室\t2027年1月10日印发$/);
    // both footers (a blank page Word or LibreOffice inserts before it is an odd page of the same section)
    const record2 = await footers(parts, record);
    expect(Object.keys(record2).sort()).toEqual(['default', 'even']);
    for (const footer of Object.values(record2)) {
      expect(instructions(footer)).toEqual([]);
      expect(all(footer, 't').map((t) => t.textContent).join('')).toBe('');
    }
    expect(all(record.sectPr, 'titlePg')).toEqual([]);
  });

  it('FU-05 a document without 版记 has no even-page section', async () => {
    const list = sections(await renderMd('# 标题\n\n正文。\n'));
    expect(list).toHaveLength(1);
    expect(attr(child(list[0]!.sectPr, 'type'), 'val')).not.toBe('evenPage');
  });
});
