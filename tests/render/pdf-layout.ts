// Render helpers: Markdown → DOCX → PDF (LibreOffice) → line boxes from
// `pdftotext -bbox-layout`, in PDF points (1/72 in), y growing downwards.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownToDocx } from '../../src/docx/index.js';
import { docxToPdf, findSoffice } from '../../src/docx/pdf.js';
import { readPages, typeArea, type PdfPage } from '../../src/docx/check/render.js';

export { bodyLines, MM, pageNumberLine, readPages, TWIP, type PdfLine, type PdfPage } from '../../src/docx/check/render.js';

/** Render tests run in CI always (a missing soffice fails there); locally they skip without it. */
export const canRender = Boolean(findSoffice()) || Boolean(process.env.CI);

export async function renderPdf(markdown: string, name: string): Promise<{ pdf: string; pages: PdfPage[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-render-'));
  const docxPath = join(dir, `${name}.docx`);
  writeFileSync(docxPath, await markdownToDocx(markdown));
  const pdf = await docxToPdf(docxPath, dir);
  return { pdf, pages: readPages(pdf) };
}

/** The type area of the default profile, in points. */
export const TYPE_AREA = typeArea();
