// TB-03 measured on a LibreOffice render: each landscape page turned upright
// (a quarter counter-clockwise, as its sheet is held) must have its page
// number where an upright page of the same parity has it.
import { DEFAULT_PROFILE, type StyleProfile } from '../profile.js';
import { inkBox, MM, rasterPage, turnUpright, typeArea, type Box, type PdfPage, type Raster } from './render.js';

export interface LandscapeMeasure {
  /** 1-based page number */
  page: number;
  /** the largest distance, mm, between the number's ink and where it is on upright pages (top, bottom and outer edge) */
  offsetMm?: number;
}

/** The page number's ink: everything under the type area of an upright sheet (PN-05). */
export function footerInk(raster: Raster, profile: StyleProfile = DEFAULT_PROFILE): Box | undefined {
  const area = typeArea(profile);
  return inkBox(raster, 'dark', { left: 0, top: area.bottom + 2 * MM, right: raster.width * raster.scale, bottom: raster.height * raster.scale });
}

export const isLandscapePage = (page: PdfPage): boolean => page.width > page.height;

export function measureLandscapePages(pdf: string, pages: PdfPage[], profile: StyleProfile = DEFAULT_PROFILE): LandscapeMeasure[] {
  const upright = uprightNumbers(pdf, pages, profile);
  return pages.flatMap((page, index) => {
    if (!isLandscapePage(page)) return [];
    const odd = index % 2 === 0;
    const ink = footerInk(turnUpright(rasterPage(pdf, index)), profile);
    const expected = odd ? upright.odd : upright.even;
    return [{ page: index + 1, ...(ink && expected ? { offsetMm: numberOffset(ink, expected, odd) / MM } : {}) }];
  });
}

/**
 * Where the upright pages have their number: from the first numbered page of
 * each parity, or mirrored about the type area from the other parity (PN-02
 * and PN-03 put it one character in from either edge).
 */
function uprightNumbers(pdf: string, pages: PdfPage[], profile: StyleProfile): { odd?: Box; even?: Box } {
  const found: { odd?: Box; even?: Box } = {};
  for (const [index, page] of pages.entries()) {
    const side = index % 2 === 0 ? 'odd' : 'even';
    if (found[side] || isLandscapePage(page)) continue;
    found[side] = footerInk(rasterPage(pdf, index), profile);
  }
  const area = typeArea(profile);
  const mirror = (box: Box): Box => ({ top: box.top, bottom: box.bottom, left: area.left + area.right - box.right, right: area.left + area.right - box.left });
  return { odd: found.odd ?? (found.even && mirror(found.even)), even: found.even ?? (found.odd && mirror(found.odd)) };
}

/** Top, bottom and the outer edge (right on odd pages, left on even ones): the inner edge moves with the digits. */
function numberOffset(ink: Box, expected: Box, odd: boolean): number {
  const outer = odd ? Math.abs(ink.right - expected.right) : Math.abs(ink.left - expected.left);
  return Math.max(Math.abs(ink.top - expected.top), Math.abs(ink.bottom - expected.bottom), outer);
}
