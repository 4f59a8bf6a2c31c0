// LibreOffice render tests (GR-01, GR-02, PN-02/03/05, PL-01): the layout is
// measured on the PDF, not read from the XML.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontconfigFile } from '../../src/docx/pdf.js';
import { bodyLines, canRender, MM, pageNumberLine, renderPdf, TYPE_AREA, type PdfPage } from './pdf-layout.js';

const HAN = '国家治理体系和治理能力现代化建设持续推进乡村振兴战略全面实施';
const PUNCTUATED = '为进一步巩固拓展脱贫攻坚成果，推进乡村全面振兴，坚持“守底线、抓发展、促振兴”，确保不发生规模性返贫。';

/** Title, then enough body text for three full pages. */
const GRID_MD = [
  '---',
  'title: 长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划',
  '---',
  '',
  '# 长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划',
  '',
  HAN.repeat(40),
  '',
  PUNCTUATED.repeat(30),
  '',
  HAN.repeat(30),
  '',
].join('\n');

describe.skipIf(!canRender)('LibreOffice render of the official layout', () => {
  let pages: PdfPage[];

  beforeAll(async () => {
    ({ pages } = await renderPdf(GRID_MD, 'grid'));
  });

  it('the shipped fontconfig maps the official names to CJK fonts of the right style', () => {
    const match = (name: string) => execFileSync('fc-match', ['-f', '%{family[0]}', name], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontconfigFile()! } });
    expect(match('仿宋_GB2312')).toMatch(/UMing|cwTeX/);
    expect(match('楷体_GB2312')).toMatch(/UKai/);
    expect(match('黑体')).toMatch(/Noto Sans CJK/);
    expect(match('方正小标宋简体')).toMatch(/Noto Serif CJK/);
  });

  it('renders several pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('GR-01 a full page of body text has 22 lines inside the type area', () => {
    const lines = bodyLines(pages[1]!);
    expect(lines).toHaveLength(22);
    expect(lines[0]!.yMin).toBeGreaterThanOrEqual(TYPE_AREA.top - 2);
    expect(lines.at(-1)!.yMax).toBeLessThanOrEqual(TYPE_AREA.bottom + 2);
  });

  it('GR-02 a full line of body text has 28 characters, filling the type-area width', () => {
    const han = pages.flatMap(bodyLines).filter((line) => line.xMin < TYPE_AREA.left + 4 && [...line.text].every((c) => HAN.includes(c)));
    // every line but a paragraph's last runs to the right edge
    const full = han.filter((line) => line.xMax > TYPE_AREA.right - 20);
    expect(full.length).toBeGreaterThan(20);
    for (const line of full) {
      expect([...line.text]).toHaveLength(28);
      expect(line.xMax).toBeLessThanOrEqual(TYPE_AREA.right + 1);
    }
  });

  it('GR-02 full-width punctuation keeps its full width: no line holds more than 28 characters', () => {
    const punctuated = pages.flatMap(bodyLines).filter((line) => /[，、。]/.test(line.text) && line.xMax > TYPE_AREA.right - 20);
    expect(punctuated.length).toBeGreaterThan(5);
    const counts = punctuated.map((line) => [...line.text].length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(28);
    // a line is one short only where a closing mark may not start the next line
    expect(counts.filter((n) => n === 28).length).toBeGreaterThan(counts.length / 2);
  });

  it('PL-04 the first line of a paragraph is indented two characters (26 characters)', () => {
    const first = pages[0]!.lines.find((line) => line.text.startsWith(HAN.slice(0, 5)))!;
    expect(first.xMin - TYPE_AREA.left).toBeCloseTo(32, 0);
    expect([...first.text]).toHaveLength(26);
  });

  it('PL-01 the title is centred in the type area, in two lines', () => {
    const titleLines = pages[0]!.lines.slice(0, 2);
    expect(titleLines.map((l) => l.text)).toEqual(['长寿镇2026年巩固拓展脱贫攻坚成果', '同乡村振兴有效衔接年初工作计划']);
    const centre = (TYPE_AREA.left + TYPE_AREA.right) / 2;
    for (const line of titleLines) expect(Math.abs((line.xMin + line.xMax) / 2 - centre)).toBeLessThan(3);
  });

  it('PN-02/PN-03 page number at the right on odd pages and at the left on even pages, one character in', () => {
    const odd = pageNumberLine(pages[0]!)!;
    const even = pageNumberLine(pages[1]!)!;
    expect(odd.text.replace(/\s/g, '')).toBe('—1—');
    expect(even.text.replace(/\s/g, '')).toBe('—2—');
    expect(TYPE_AREA.right - odd.xMax).toBeCloseTo(14, 0);
    expect(even.xMin - TYPE_AREA.left).toBeCloseTo(14, 0);
    expect(pageNumberLine(pages[2]!)!.xMax).toBeCloseTo(odd.xMax, 0);
  });

  it('PN-05 the page-number line sits about 7 mm below the type area', () => {
    for (const page of pages.slice(0, 2)) {
      const line = pageNumberLine(page)!;
      const centre = (line.yMin + line.yMax) / 2;
      expect(Math.abs((centre - TYPE_AREA.bottom) / MM - 7)).toBeLessThan(1.5);
    }
  });
});
