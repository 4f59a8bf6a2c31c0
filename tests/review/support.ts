// Helpers for the review tests: render a plan in memory, read the paragraphs
// of a DOCX with their anchors, re-save a DOCX through LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { findSoffice } from '../../src/docx/pdf.js';

export { canRender } from '../render/pdf-layout.js';

export interface AnchoredParagraph {
  anchors: string[];
  text: string;
}

/** Every w:p of word/document.xml (outside tables unless asked): the bookmark names in it and its visible text. */
export function paragraphsOf(docx: Uint8Array, options: { tables?: boolean } = {}): AnchoredParagraph[] {
  const whole = documentXml(docx);
  const xml = options.tables ? whole : whole.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    anchors: [...p.matchAll(/<w:bookmarkStart\b[^>]*\bw:name="([^"]*)"/g)].map((m) => m[1]!),
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''),
  }));
}

export function documentXml(docx: Uint8Array): string {
  return strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
}

/** The DOCX opened and saved again as .docx by LibreOffice (own profile, so runs do not clash). */
export function resaveWithLibreOffice(docx: Uint8Array, name = 'edited'): Uint8Array {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-review-lo-'));
  try {
    const input = join(dir, `${name}.docx`);
    writeFileSync(input, docx);
    const profile = join(dir, 'profile');
    execFileSync(soffice, ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), input], { stdio: 'ignore', timeout: 120_000 });
    return new Uint8Array(readFileSync(join(dir, 'out', `${name}.docx`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
