// Real paragraph styles (issue 12 item 3): Title, heading 1–4 and Body Text
// carry the GB/T 9704 look (FN-02..FN-06, PL-04/PL-05, GR-01/GR-04) and every
// paragraph names one, so Word's and WPS's navigation pane shows 一、/（一）/1.
// as levels and a writer who adds a paragraph keeps the look.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { all, attr, bodyParagraphs, child, paragraphText, paraProp, parseXml, renderMd, type DocxParts } from './xml.js';

const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');
const TITLE = '长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划';

let docx: DocxParts;
beforeAll(async () => {
  docx = await renderMd(FULL);
});

function style(id: string): Element {
  const found = all(docx.styles, 'style').find((s) => attr(s, 'styleId') === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}

const styleOf = (p: Element) => attr(child(child(p, 'pPr'), 'pStyle'), 'val');
const prop = (s: Element, container: 'pPr' | 'rPr', name: string, attribute = 'val') => attr(child(child(s, container), name), attribute);

describe('paragraph styles', () => {
  it('every paragraph of the document, its tables and its footers names a paragraph style that exists', async () => {
    const ids = new Set(all(docx.styles, 'style').filter((s) => attr(s, 'type') === 'paragraph').map((s) => attr(s, 'styleId')));
    const footers = await Promise.all(Object.keys(docx.zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(async (n) => parseXml(await docx.text(n))));
    const paragraphs = [docx.document, ...footers].flatMap((d) => all(d, 'p'));
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const p of paragraphs) expect(ids.has(styleOf(p)), paragraphText(p)).toBe(true);
  });

  it('Word built-in names, so Word and WPS treat them as their own Title / heading N / Body Text', () => {
    const names = Object.fromEntries(['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'BodyText'].map((id) => [id, attr(child(style(id), 'name'), 'val')]));
    expect(names).toEqual({ Title: 'Title', Heading1: 'heading 1', Heading2: 'heading 2', Heading3: 'heading 3', Heading4: 'heading 4', BodyText: 'Body Text' });
  });

  it('headings 一、（一）1.（1） are heading 1–4 at outline levels 0–3; the title and body text have no outline level', () => {
    const paragraphs = bodyParagraphs(docx.document);
    const byText = (text: string) => paragraphs.find((p) => paragraphText(p) === text)!;
    const cases: Array<[string, string, string]> = [['一、总体要求', 'Heading1', '0'], ['（一）指导思想', 'Heading2', '1'], ['1. 工作目标', 'Heading3', '2'], ['（1）监测帮扶', 'Heading4', '3']];
    for (const [text, id, level] of cases) {
      expect(styleOf(byText(text)), text).toBe(id);
      expect(paraProp(docx, byText(text), 'outlineLvl', 'val'), text).toBe(level);
    }
    const title = byText(TITLE);
    expect(styleOf(title)).toBe('Title');
    expect(paraProp(docx, title, 'outlineLvl', 'val')).toBeUndefined();
    // outline levels come from the styles only: nothing in the body overrides them
    expect(all(docx.document, 'outlineLvl')).toHaveLength(0);
    const body = paragraphs.find((p) => paragraphText(p).startsWith('为巩固'))!;
    expect(styleOf(body)).toBe('BodyText');
    expect(paraProp(docx, body, 'outlineLvl', 'val')).toBeUndefined();
  });

  it('the styles themselves carry the GB/T look: fonts, sizes, no bold, no extra spacing, 2-character indent', () => {
    const fonts: Record<string, string> = { Title: '方正小标宋简体', Heading1: '黑体', Heading2: '楷体_GB2312', Heading3: '仿宋_GB2312', Heading4: '仿宋_GB2312', BodyText: '仿宋_GB2312' };
    for (const [id, font] of Object.entries(fonts)) {
      const s = style(id);
      expect(prop(s, 'rPr', 'rFonts', 'eastAsia'), id).toBe(font);
      expect(prop(s, 'rPr', 'rFonts', 'hint'), id).toBe('eastAsia');
      expect(prop(s, 'rPr', 'sz'), id).toBe(id === 'Title' ? '44' : '32');
      expect(prop(s, 'rPr', 'b'), id).toBe('0');
      expect(prop(s, 'pPr', 'spacing', 'line'), id).toBe('579');
      expect(prop(s, 'pPr', 'spacing', 'lineRule'), id).toBe('exact');
      expect([prop(s, 'pPr', 'spacing', 'before'), prop(s, 'pPr', 'spacing', 'after')], id).toEqual(['0', '0']);
      expect(prop(s, 'pPr', 'ind', 'firstLineChars'), id).toBe(id === 'Title' ? '0' : '200');
    }
    expect(prop(style('Title'), 'pPr', 'jc')).toBe('center');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      expect(child(child(style(id), 'pPr'), 'keepNext'), id).toBeDefined();
      expect(attr(child(style(id), 'next'), 'val'), id).toBe('BodyText');
    }
  });

  it('bold headings are a house setting of the profile, carried by the style', async () => {
    const house = await renderMd('# 标题\n\n### （一）指导思想', { bold: { heading2: true } });
    const heading2 = all(house.styles, 'style').find((s) => attr(s, 'styleId') === 'Heading2')!;
    expect(child(child(heading2, 'rPr'), 'b')).toBeDefined();
    expect(attr(child(child(heading2, 'rPr'), 'b'), 'val')).toBeUndefined();
  });

  it('paragraphs set flush left cancel the Body Text indent in both forms (Word lets firstLineChars win over firstLine)', () => {
    for (const p of bodyParagraphs(docx.document).filter((x) => styleOf(x) === 'BodyText' && child(child(x, 'pPr'), 'ind'))) {
      const ind = child(child(p, 'pPr'), 'ind')!;
      if (attr(ind, 'firstLine') === '0' || attr(ind, 'hanging')) expect(attr(ind, 'firstLineChars'), paragraphText(p)).toBe('0');
    }
  });
});
