// word/fontTable.xml carries the substitution hints Word and WPS use on a
// computer without the GB2312 fonts (issue 12 item 4; FN-01..FN-08 fonts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { markdownToDocx } from '../../src/docx/index.js';
import { all, attr, child, parseXml } from './xml.js';
import { xmlParts } from '../../src/docx/check/package.js';

const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');

async function fontTable(markdown: string, profile = {}) {
  const parts = xmlParts(await markdownToDocx(markdown, { profile }));
  const used = new Set<string>();
  for (const [name, xml] of Object.entries(parts)) {
    if (!name.startsWith('word/') || name === 'word/fontTable.xml') continue;
    for (const rFonts of all(parseXml(xml), 'rFonts')) {
      for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) if (attr(rFonts, slot)) used.add(attr(rFonts, slot)!);
    }
  }
  const fonts = new Map(all(parseXml(parts['word/fontTable.xml']!), 'font').map((f) => [attr(f, 'name')!, f]));
  return { used, fonts };
}

const value = (font: Element | undefined, name: string) => attr(child(font, name), 'val');

describe('fontTable.xml', () => {
  it('declares every font the document names, and only those', async () => {
    const { used, fonts } = await fontTable(FULL);
    expect([...used].sort()).toEqual(['Times New Roman', '仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体']);
    expect([...fonts.keys()].sort()).toEqual([...used].sort());
  });

  it('points each GB2312 font at the font Windows ships (altName), with charset 134 (hex 86), panose and family', async () => {
    const { fonts } = await fontTable(FULL);
    const expected: Record<string, string> = { '仿宋_GB2312': '仿宋', '楷体_GB2312': '楷体', '方正小标宋简体': '宋体', '黑体': 'SimHei', '宋体': 'SimSun' };
    for (const [name, alt] of Object.entries(expected)) {
      const font = fonts.get(name);
      expect(value(font, 'altName'), name).toBe(alt);
      expect(parseInt(value(font, 'charset')!, 16), name).toBe(134);
      expect(value(font, 'panose1'), name).toMatch(/^[0-9A-F]{20}$/);
      expect(value(font, 'family'), name).toMatch(/^(modern|auto)$/);
    }
    expect(value(fonts.get('仿宋_GB2312'), 'panose1')).toBe('02010609030101010101');
    expect(value(fonts.get('Times New Roman'), 'family')).toBe('roman');
    expect(value(fonts.get('Times New Roman'), 'charset')).toBe('00');
  });

  it('the title font substitute is a profile choice; fonts nobody described still get charset and family', async () => {
    const { fonts } = await fontTable('# 标题\n\n正文。', { fonts: { titleSubstitute: '华文中宋', body: '方正仿宋简体' } });
    expect(value(fonts.get('方正小标宋简体'), 'altName')).toBe('华文中宋');
    const unknown = fonts.get('方正仿宋简体');
    expect(parseInt(value(unknown, 'charset')!, 16)).toBe(134);
    expect(value(unknown, 'family')).toBe('auto');
    expect(child(unknown, 'altName')).toBeUndefined();
  });
});
