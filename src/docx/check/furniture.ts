// FU-01..FU-05 and LE-01 measured on a LibreOffice render (see render.ts).
import { DEFAULT_PROFILE, typeAreaWidth, type StyleProfile } from '../profile.js';
import { inkExtent, MM, pageNumberLine, rasterPage, ruleRows, TWIP, typeArea, type PdfLine, type PdfPage } from './render.js';

export interface HeaderMeasures {
  /** FU-01: type-area top → top of the 发文机关标志's ink, mm (35) */
  organTopMm: number;
  /** FU-02: 标志 ink bottom → 文号 ink top, in body lines (two blank lines) */
  numberGapLines: number;
  /** FU-02: 文号 ink bottom → red rule, mm (4) */
  ruleBelowNumberMm: number;
  /** FU-03: red rule → title ink top, in body lines (two blank lines) */
  titleGapLines: number;
}

/** The 版头 of the first page, or undefined when it has no red rule. */
export function measureHeader(pdf: string, pages: PdfPage[], profile: StyleProfile = DEFAULT_PROFILE): HeaderMeasures | undefined {
  const area = typeArea(profile);
  const raster = rasterPage(pdf, 0);
  const rule = ruleRows(raster, 'red', 0.8 * typeAreaWidth(profile) * TWIP)[0];
  if (rule === undefined) return undefined;
  const organ = inkExtent(raster, 'red', area.top, rule - 1);
  const number = inkExtent(raster, 'dark', organ?.bottom ?? area.top, rule - 1);
  const titleLine = pages[0]!.lines.find((line) => line.yMin > rule);
  const title = titleLine ? inkExtent(raster, 'dark', rule + 1, titleLine.yMax) : undefined;
  if (!organ || !number || !title) return undefined;
  const pitch = profile.grid.linePitch * TWIP;
  return {
    organTopMm: (organ.top - area.top) / MM,
    numberGapLines: (number.top - organ.bottom) / pitch,
    ruleBelowNumberMm: (rule - number.bottom) / MM,
    titleGapLines: (title.top - rule) / pitch,
  };
}

export interface RecordMeasures {
  /** FU-04: where a wrapped 抄送 line starts, in 版记 characters from where "抄" starts (3: after "抄送：") */
  copyToHangChars?: number;
  /** FU-05: the last rule's distance from the bottom edge of the type area, mm (0) */
  lastRuleMm?: number;
  /** FU-05: the page the 版记 is on (1-based) and the page count */
  page: number;
  pages: number;
  /** FU-05: a page number printed on the 版记 page or on a blank page right before it */
  numbered: boolean;
}

/** The 版记 on the last page, or undefined when the document has none. */
export function measureRecord(pdf: string, pages: PdfPage[], profile: StyleProfile = DEFAULT_PROFILE): RecordMeasures | undefined {
  const isRecord = (page: PdfPage) => page.lines.some((line) => line.text.startsWith('抄送：') || /印发$/.test(line.text));
  const index = pages.length - 1 - [...pages].reverse().findIndex(isRecord);
  if (index >= pages.length) return undefined;
  const page = pages[index]!;
  const area = typeArea(profile);
  const rules = ruleRows(rasterPage(pdf, index), 'dark', 0.9 * typeAreaWidth(profile) * TWIP, area.top, area.bottom + 20);
  const copy = page.lines.find((line) => line.text.startsWith('抄送：'));
  // a wrapped 抄送 line lies above the thin rule that closes the 抄送
  const ruleBelowCopy = copy ? rules.find((y) => y > copy.yMax) : undefined;
  const wrapped = copy && page.lines.find((line) => line.yMin > copy.yMax - 1 && line.yMax < (ruleBelowCopy ?? 0));
  return {
    ...(wrapped ? { copyToHangChars: (wrapped.xMin - copy!.xMin) / (profile.sizes.record / 2) } : {}),
    ...(rules.length ? { lastRuleMm: (area.bottom - rules.at(-1)!) / MM } : {}),
    page: index + 1,
    pages: pages.length,
    numbered: [page, ...(index > 0 && pages[index - 1]!.lines.length === 0 ? [pages[index - 1]!] : [])].some((p) => pageNumberLine(p) !== undefined),
  };
}

const PUNCTUATION = /[，。、；：？！）》”’…—,.;:?!)\]]/gu;

/**
 * LE-01: lines that hold a single character (or a character and its
 * punctuation) alone at the left edge of the type area: the last line of a
 * paragraph, since every other line of a paragraph is full and every first
 * line is indented or longer.
 */
export function orphanLines(pages: PdfPage[], profile: StyleProfile = DEFAULT_PROFILE): PdfLine[] {
  const area = typeArea(profile);
  return pages.flatMap((page) =>
    page.lines.filter((line) => line !== pageNumberLine(page) && Math.abs(line.xMin - area.left) < 2 && [...line.text.replace(PUNCTUATION, '')].length === 1),
  );
}
