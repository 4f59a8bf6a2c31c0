// TB-03 and FU-05 measured on the LibreOffice render: landscape pages turned
// upright (the image turned a quarter counter-clockwise, the text boxes
// mapped the same way) have their page number where the portrait pages of the
// same parity have theirs, and their table head on the sheet's left edge; the
// 版记 is alone on the last, even page, and neither it nor a blank page before
// it carries a page number.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureRecord } from '../../src/docx/check/furniture.js';
import { footerInk, measureLandscapePages } from '../../src/docx/check/landscape.js';
import { rasterPage, turnUpright, uprightLine, type Box } from '../../src/docx/check/render.js';
import { canRender, MM, pageNumberLine, renderPdf, TYPE_AREA, type PdfLine, type PdfPage } from './pdf-layout.js';

const LANDSCAPE = readFileSync(new URL('../fixtures/md/landscape.md', import.meta.url), 'utf8');

const isLandscape = (page: PdfPage) => page.width > page.height;

function expectSameBox(actual: Box | { xMin: number; yMin: number; xMax: number; yMax: number }, expected: typeof actual, toleranceMm: number): void {
  const sides = (box: typeof actual) => ('left' in box ? [box.left, box.top, box.right, box.bottom] : [box.xMin, box.yMin, box.xMax, box.yMax]);
  const offsets = sides(actual).map((value, i) => Math.abs(value - sides(expected)[i]!) / MM);
  for (const offset of offsets) expect(offset, `offsets in mm: ${offsets.map((o) => o.toFixed(2)).join(', ')}`).toBeLessThan(toleranceMm);
}

const lineWith = (page: PdfPage, text: string): PdfLine => {
  const line = page.lines.find((l) => l.text.replace(/\s+/g, '') === text);
  expect(line, text).toBeDefined();
  return line!;
};

describe.skipIf(!canRender)('TB-03 landscape tables and FU-05 版记 placement in the LibreOffice render', () => {
  let pdf: string;
  let pages: PdfPage[];

  beforeAll(async () => {
    ({ pdf, pages } = await renderPdf(LANDSCAPE, 'landscape'));
  }, 120_000);

  it('TB-03 the two wide tables are on landscape pages 2 and 3; body, blank page and 版记 page are portrait', () => {
    expect(pages.map(isLandscape)).toEqual([false, true, true, false, false, false]);
    expect(pages[1]!.lines.some((line) => line.text.includes('重点工作推进表'))).toBe(true);
    expect(pages[2]!.lines.some((line) => line.text.includes('季度工作节点表'))).toBe(true);
    for (const page of [pages[1]!, pages[2]!]) {
      expect(page.width / MM).toBeCloseTo(297, 0);
      expect(page.height / MM).toBeCloseTo(210, 0);
    }
  });

  it('TB-03 turned upright, a landscape page has its number where the portrait pages of its parity have theirs (ink within 1 mm)', () => {
    const portrait = { odd: footerInk(rasterPage(pdf, 0))!, even: footerInk(rasterPage(pdf, 3))! };
    expect(portrait.odd.left).toBeGreaterThan(portrait.even.right); // odd right, even left (PN-02, PN-03)
    for (const index of [1, 2]) {
      const turned = footerInk(turnUpright(rasterPage(pdf, index)));
      expect(turned, `page ${index + 1}`).toBeDefined();
      expectSameBox(turned!, (index + 1) % 2 === 1 ? portrait.odd : portrait.even, 1);
    }
    // the check:docx measure agrees
    expect(measureLandscapePages(pdf, pages).map((m) => [m.page, m.offsetMm! < 1])).toEqual([[2, true], [3, true]]);
  });

  it('TB-03 the text of the landscape page numbers, mapped upright, lies within 1 mm of the portrait ones and counts on', () => {
    const number = (index: number) => pageNumberLine(pages[index]!)!;
    expect([0, 1, 2, 3].map((index) => number(index)?.text.replace(/\s+/g, ''))).toEqual(['—1—', '—2—', '—3—', '—4—']);
    expectSameBox(uprightLine(number(1), pages[1]!), number(3), 1);
    expectSameBox(uprightLine(number(2), pages[2]!), number(0), 1);
  });

  it('TB-03 the table head is towards the sheet left edge: the binding side of odd page 3, the outer side of even page 2', () => {
    for (const [index, caption, head, cell] of [
      [1, '重点工作推进表', '责任领导', '王副镇长'],
      [2, '季度工作节点表', '责任科室', '农业服务中心'],
    ] as const) {
      const page = pages[index]!;
      const [title, header, body] = [caption, head, cell].map((text) => uprightLine(lineWith(page, text), page));
      // upright: title, then the header row, then the rows, from the sheet's left edge rightwards
      expect(title!.xMax).toBeLessThan(header!.xMin);
      expect(header!.xMax).toBeLessThan(body!.xMin);
      // the head starts at the left edge of the sheet's type area
      expect(Math.abs(title!.xMin - TYPE_AREA.left) / MM).toBeLessThan(5);
    }
  });

  it('FU-05 the body ends on even page 4: page 5 is left blank, the 版记 is on page 6 with its last rule on the type-area bottom', () => {
    const record = measureRecord(pdf, pages)!;
    expect(record.page).toBe(6);
    expect(record.pages).toBe(6);
    expect(Math.abs(record.lastRuleMm!)).toBeLessThan(0.5);
    expect(pages[4]!.lines).toEqual([]);
  });

  it('FU-05 neither the blank page nor the 版记 page carries a page number', () => {
    for (const index of [4, 5]) {
      expect(pageNumberLine(pages[index]!)).toBeUndefined();
      expect(footerInk(rasterPage(pdf, index))).toBeUndefined();
    }
  });

  it('FU-05 a body that ends on an odd page: the 版记 on the next page, an even one, no blank page, no number on it', async () => {
    const short = LANDSCAPE.replace(/## 一、[\s\S]*(?=## 二、)/, '');
    const { pdf: shortPdf, pages: shortPages } = await renderPdf(short, 'short');
    expect(shortPages).toHaveLength(2);
    expect(pageNumberLine(shortPages[0]!)?.text.replace(/\s+/g, '')).toBe('—1—');
    const record = measureRecord(shortPdf, shortPages)!;
    expect(record.page).toBe(2);
    expect(Math.abs(record.lastRuleMm!)).toBeLessThan(0.5);
    expect(pageNumberLine(shortPages[1]!)).toBeUndefined();
    expect(shortPages[1]!.lines.map((line) => line.text).join('')).toMatch(/^抄送/);
  }, 120_000);
});
