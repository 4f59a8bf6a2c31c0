// Render helpers: Markdown → DOCX → PDF (LibreOffice) → line boxes from
// `pdftotext -bbox-layout`, in PDF points (1/72 in), y growing downwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownToDocx } from '../../src/docx/index.js';
import { docxToPdf, findSoffice } from '../../src/docx/pdf.js';

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

/** Render tests run in CI always (a missing soffice fails there); locally they skip without it. */
export const canRender = Boolean(findSoffice()) || Boolean(process.env.CI);

export async function renderPdf(markdown: string, name: string): Promise<{ pdf: string; pages: PdfPage[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-render-'));
  const docxPath = join(dir, `${name}.docx`);
  writeFileSync(docxPath, await markdownToDocx(markdown));
  const pdf = await docxToPdf(docxPath, dir);
  return { pdf, pages: readPages(pdf) };
}

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

/** The type area of the default profile, in points. */
export const TYPE_AREA = {
  left: 1587 * TWIP,
  right: (11906 - 1474) * TWIP,
  top: 2098 * TWIP,
  bottom: (16838 - 1984) * TWIP,
};

export function pageNumberLine(page: PdfPage): PdfLine | undefined {
  return page.lines.find((line) => /^—\s*\d+\s*—$/.test(line.text));
}

export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((line) => line !== pageNumberLine(page));
}
