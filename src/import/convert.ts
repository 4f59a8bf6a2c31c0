// Formats plandoc cannot read itself, converted by tools when installed:
// .doc/.wps/.rtf → .docx through LibreOffice, .pdf → text through pdftotext.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../docx/pdf.js';
import { ImportError } from './errors.js';

const TIMEOUT_MS = 120_000;

function run(command: string, args: string[]): Promise<{ ok: boolean; missing: boolean; stdout: string }> {
  return new Promise((done) => {
    execFile(command, args, { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      done({ ok: !error, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT', stdout: String(stdout) });
    });
  });
}

/** .doc, .wps or .rtf bytes → .docx bytes, through a LibreOffice with its own throwaway profile. */
export async function convertToDocx(bytes: Uint8Array, ext: string, input: string): Promise<Buffer> {
  const soffice = findSoffice();
  const unavailable = `导入 ${ext} 文件需要 LibreOffice，但这台电脑上没有找到（soffice）。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui），或先用 Word、WPS 把它另存为 .docx 再导入`;
  if (!soffice) throw new ImportError(unavailable);
  const dir = await mkdtemp(join(tmpdir(), 'plandoc-import-'));
  try {
    const source = join(dir, `input${ext}`);
    await writeFile(source, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await run(soffice, ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, source]);
    if (result.missing) throw new ImportError(unavailable);
    try {
      return await readFile(join(dir, 'input.docx'));
    } catch {
      throw new ImportError(`LibreOffice 没能把这个 ${ext} 文件转换成 .docx，文件可能已损坏或不是 ${ext} 格式。请用 Word 或 WPS 打开后另存为 .docx 再导入`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF's text layer, in reading order; a scanned PDF has none. */
export async function pdfToText(bytes: Uint8Array, input: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plandoc-import-'));
  try {
    const source = join(dir, 'input.pdf');
    await writeFile(source, bytes);
    const result = await run('pdftotext', ['-enc', 'UTF-8', '-nopgbrk', source, '-']);
    if (result.missing) throw new ImportError(`导入 PDF 需要 pdftotext（poppler-utils），但这台电脑上没有找到。请安装它（Debian/Ubuntu：sudo apt-get install poppler-utils），或导入文档的 Word 版本`);
    if (!result.ok) throw new ImportError(`读不出这个 PDF 的内容，文件可能已损坏、加密或不是 PDF`);
    if (result.stdout.replace(/\s/g, '').length < 20) {
      throw new ImportError(`这个 PDF 里没有文字（是扫描件或图片），不能导入。请找到文档的 Word 或网页版本，或先用文字识别（OCR）软件转成文字`);
    }
    return result.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
