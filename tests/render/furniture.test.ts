// LibreOffice render of a full official document (版头, 主送机关, run-in headings,
// table, 附件说明, 署名/日期, 附注, attachment pages, 版记) and of a realistic plan.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/docx/width.js';
import { measureHeader, measureRecord, type HeaderMeasures, type RecordMeasures } from '../../src/docx/check/furniture.js';
import { bodyLines, canRender, pageNumberLine, renderPdf, TYPE_AREA, type PdfLine, type PdfPage } from './pdf-layout.js';

const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');
const SONGTAO = readFileSync(new URL('../fixtures/md/songtao-2022.md', import.meta.url), 'utf8');

function lineStarting(pages: PdfPage[], prefix: string, exact = false): { page: number; line: PdfLine } {
  for (const [page, p] of pages.entries()) {
    const line = p.lines.find((l) => (exact ? l.text === prefix : l.text.startsWith(prefix)));
    if (line) return { page, line };
  }
  throw new Error(`no line starts with ${prefix}`);
}

describe.skipIf(!canRender)('LibreOffice render of the document furniture', () => {
  let pages: PdfPage[];

  beforeAll(async () => {
    ({ pages } = await renderPdf(FULL, 'full'));
  });

  it('PL-10 署名 two characters from the right edge, the date on the next line starting right of the 署名', () => {
    const issuer = lineStarting(pages, '长寿镇人民政府', true).line;
    const date = lineStarting(pages, '2026年1月14日').line;
    expect(TYPE_AREA.right - issuer.xMax).toBeCloseTo(32, -1);
    expect(date.yMin - issuer.yMin).toBeCloseTo(579 / 20, 0);
    // The exact two-character offset depends on the digits' font: Times New Roman
    // digits are half a character; the substitutes installed on CI are wider.
    expect(date.xMin).toBeGreaterThan(issuer.xMin);
    expect(date.xMax).toBeLessThanOrEqual(TYPE_AREA.right);
  });

  it('PL-14 each attachment starts a new page with 附件N flush left on the first line, page numbers continuing', () => {
    const first = lineStarting(pages, '附件1');
    const second = lineStarting(pages, '附件2');
    expect(second.page).toBe(first.page + 1);
    for (const { page, line } of [first, second]) {
      expect(pages[page]!.lines[0]!.text).toMatch(/^附件\s*\d$/);
      expect(line.xMin).toBeCloseTo(TYPE_AREA.left, -1);
      expect(pageNumberLine(pages[page]!)!.text.replace(/\s/g, '')).toBe(`—${page + 1}—`);
    }
  });

  it('版记 sits at the bottom of the last page: 印发 line just above the bottom edge of the type area', () => {
    const last = pages.at(-1)!;
    const printed = last.lines.find((l) => l.text.startsWith('长寿镇党政办公室'))!;
    const copy = last.lines.find((l) => l.text.startsWith('抄送'))!;
    expect(printed.yMax).toBeLessThanOrEqual(TYPE_AREA.bottom + 1);
    expect(printed.yMax).toBeGreaterThan(TYPE_AREA.bottom - 12);
    expect(copy.yMax).toBeLessThan(printed.yMin);
    const date = last.lines.find((l) => l.text.endsWith('印发'))!;
    expect(TYPE_AREA.right - date.xMax).toBeCloseTo(16, -1);
  });

  it('版头 organ name and 文号 are centred above the title', () => {
    const organ = pages[0]!.lines[0]!;
    expect(organ.text).toBe('长寿镇人民政府文件');
    const centre = (TYPE_AREA.left + TYPE_AREA.right) / 2;
    expect(Math.abs((organ.xMin + organ.xMax) / 2 - centre)).toBeLessThan(3);
  });
});

describe.skipIf(!canRender)('LibreOffice render of a realistic plan (songtao 2022)', () => {
  let pages: PdfPage[];

  beforeAll(async () => {
    ({ pages } = await renderPdf(SONGTAO, 'songtao'));
  });

  it('GR-01 every page but the last holds at most 22 lines; full pages hold exactly 22', () => {
    const counts = pages.slice(0, -1).map((page) => bodyLines(page).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(22);
    expect(counts.filter((n) => n === 22).length).toBeGreaterThanOrEqual(2);
  });

  it('GR-02 no line is wider than the type area or longer than 28 characters (ASCII digits count half)', () => {
    for (const line of pages.flatMap(bodyLines)) {
      // Word and LibreOffice let one closing punctuation mark hang into the margin
      const hanging = /[，。、；：！？）》”]$/.test(line.text) ? 16 : 0;
      expect(line.xMax, line.text).toBeLessThanOrEqual(TYPE_AREA.right + 1 + hanging);
      const text = hanging ? line.text.slice(0, -1) : line.text;
      if (line.yMin > TYPE_AREA.top + 90) expect(textWidth(text), line.text).toBeLessThanOrEqual(28);
    }
  });
});

/** A 版头 with 文号 and a 抄送 list long enough to wrap. */
const HEADED = readFileSync(new URL('../fixtures/md/headed-notice.md', import.meta.url), 'utf8');

describe.skipIf(!canRender)('版头 and 版记 positions measured on the render (FU-01..FU-05)', () => {
  let header: HeaderMeasures;
  let record: RecordMeasures;

  beforeAll(async () => {
    const { pdf, pages } = await renderPdf(HEADED, 'headed');
    header = measureHeader(pdf, pages)!;
    record = measureRecord(pdf, pages)!;
  });

  it('FU-01 the top edge of the 发文机关标志 is 35 mm below the top of the type area', () => {
    expect(Math.abs(header.organTopMm - 35)).toBeLessThan(1);
  });

  it('FU-02 the 文号 two blank lines under the 标志, the red rule 4 mm under the 文号', () => {
    // ink to ink: two blank lines plus the leading of the 文号's own line (one blank line gives about 1.5)
    expect(header.numberGapLines).toBeGreaterThan(2);
    expect(header.numberGapLines).toBeLessThan(3);
    expect(Math.abs(header.ruleBelowNumberMm - 4)).toBeLessThan(0.75);
  });

  it('FU-03 the title two blank lines under the red rule', () => {
    expect(header.titleGapLines).toBeGreaterThan(2);
    expect(header.titleGapLines).toBeLessThan(3);
  });

  it('FU-04 a wrapped 抄送 line starts under the first character after the colon', () => {
    expect(record.copyToHangChars).toBeCloseTo(3, 1);
  });

  it('FU-05 the last rule of the 版记 lies on the bottom edge of the type area of the last page', () => {
    expect(record.page).toBe(record.pages);
    expect(Math.abs(record.lastRuleMm!)).toBeLessThan(0.5);
  });
});
