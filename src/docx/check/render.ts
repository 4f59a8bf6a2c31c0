// Measuring a LibreOffice render: text line boxes from `pdftotext
// -bbox-layout` and ink from a `pdftoppm` raster, in PDF points (1/72 in),
// y growing downwards. Used by the render tests and `npm run check:docx`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROFILE, type StyleProfile } from '../profile.js';

export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export const TWIP = 1 / 20; // points
export const MM = 72 / 25.4; // points

export function readPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const page of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines = [...page[3]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(''),
    }));
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The type area of a profile, in points. */
export function typeArea(profile: StyleProfile = DEFAULT_PROFILE) {
  const { page } = profile;
  return { left: page.marginLeft * TWIP, right: (page.width - page.marginRight) * TWIP, top: page.marginTop * TWIP, bottom: (page.height - page.marginBottom) * TWIP };
}

export function pageNumberLine(page: PdfPage): PdfLine | undefined {
  return page.lines.find((line) => /^—\s*\d+\s*—$/.test(line.text));
}

export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((line) => line !== pageNumberLine(page));
}

// ---- ink --------------------------------------------------------------------

export interface Raster {
  width: number;
  height: number;
  /** points per pixel */
  scale: number;
  rgb: Uint8Array;
}

const DPI = 144;

/** One page as RGB pixels (PPM from pdftoppm). */
export function rasterPage(pdf: string, pageIndex: number): Raster {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-raster-'));
  try {
    const page = String(pageIndex + 1);
    execFileSync('pdftoppm', ['-r', String(DPI), '-f', page, '-l', page, '-singlefile', pdf, join(dir, 'page')]);
    return parsePpm(readFileSync(join(dir, 'page.ppm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePpm(data: Buffer): Raster {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), scale: 72 / DPI, rgb: new Uint8Array(data.subarray(header[0].length)) };
}

export type Ink = 'red' | 'dark';

function isInk(raster: Raster, x: number, y: number, ink: Ink): boolean {
  const i = (y * raster.width + x) * 3;
  const [r, g, b] = [raster.rgb[i]!, raster.rgb[i + 1]!, raster.rgb[i + 2]!];
  return ink === 'red' ? r > 180 && g < 100 && b < 100 : r < 110 && g < 110 && b < 110;
}

/** Per pixel row between two heights (points): how many pixels of that ink it holds. */
function inkRows(raster: Raster, ink: Ink, fromY: number, toY: number): Array<{ y: number; count: number }> {
  const rows: Array<{ y: number; count: number }> = [];
  const first = Math.max(0, Math.floor(fromY / raster.scale));
  const last = Math.min(raster.height - 1, Math.ceil(toY / raster.scale));
  for (let py = first; py <= last; py++) {
    let count = 0;
    for (let px = 0; px < raster.width; px++) if (isInk(raster, px, py, ink)) count++;
    if (count > 0) rows.push({ y: py * raster.scale, count });
  }
  return rows;
}

/** Top and bottom of the ink between two heights, or undefined when there is none. */
export function inkExtent(raster: Raster, ink: Ink, fromY: number, toY: number): { top: number; bottom: number } | undefined {
  const rows = inkRows(raster, ink, fromY, toY);
  return rows.length ? { top: rows[0]!.y, bottom: rows.at(-1)!.y } : undefined;
}

/** Heights of horizontal rules: rows where the ink spans at least `minWidth` points. */
export function ruleRows(raster: Raster, ink: Ink, minWidth: number, fromY = 0, toY = raster.height * raster.scale): number[] {
  return inkRows(raster, ink, fromY, toY).filter((row) => row.count * raster.scale >= minWidth).map((row) => row.y);
}

// ---- turning a landscape page (TB-03) ----------------------------------------

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A landscape page as its sheet is held upright: turned a quarter
 * counter-clockwise (the page is read turned a quarter clockwise, its head
 * towards the sheet's left edge).
 */
export function turnUpright(raster: Raster): Raster {
  const { width, height } = raster;
  const rgb = new Uint8Array(raster.rgb.length);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < height; x++) {
      const from = (x * width + (width - 1 - y)) * 3;
      const to = (y * height + x) * 3;
      rgb[to] = raster.rgb[from]!;
      rgb[to + 1] = raster.rgb[from + 1]!;
      rgb[to + 2] = raster.rgb[from + 2]!;
    }
  }
  return { width: height, height: width, scale: raster.scale, rgb };
}

/** A text line of a landscape page in the coordinates of its sheet held upright. */
export function uprightLine(line: PdfLine, page: PdfPage): PdfLine {
  return { text: line.text, xMin: line.yMin, xMax: line.yMax, yMin: page.width - line.xMax, yMax: page.width - line.xMin };
}

/** The box around every pixel of that ink inside a region (points), or undefined when there is none. */
export function inkBox(raster: Raster, ink: Ink, region: Box): Box | undefined {
  const px = (points: number, limit: number) => Math.max(0, Math.min(limit - 1, Math.round(points / raster.scale)));
  let box: Box | undefined;
  for (let y = px(region.top, raster.height); y <= px(region.bottom, raster.height); y++) {
    for (let x = px(region.left, raster.width); x <= px(region.right, raster.width); x++) {
      if (!isInk(raster, x, y, ink)) continue;
      const [left, top] = [x * raster.scale, y * raster.scale];
      box = box
        ? { left: Math.min(box.left, left), top: Math.min(box.top, top), right: Math.max(box.right, left + raster.scale), bottom: Math.max(box.bottom, top + raster.scale) }
        : { left, top, right: left + raster.scale, bottom: top + raster.scale };
    }
  }
  return box;
}
