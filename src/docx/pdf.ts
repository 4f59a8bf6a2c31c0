// DOCX → PDF through LibreOffice (soffice --headless). Each conversion gets its
// own LibreOffice profile directory, so parallel runs do not clash, and the
// project's fontconfig file, so official font names find open CJK fonts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { processAlive } from '../io/write.js';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TIMEOUT_MS = 120_000;

/** LibreOffice is not installed (or cannot be started): a plain Chinese message. */
export class PdfUnavailableError extends Error {
  constructor(message = '找不到 LibreOffice（soffice），无法生成 PDF。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui），或不用 --to pdf。') {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** LibreOffice ran but produced no PDF. */
export class PdfConversionError extends Error {
  constructor(detail: string) {
    super(`LibreOffice 转换 PDF 失败：${detail}`);
    this.name = 'PdfConversionError';
  }
}

export function findSoffice(): string | undefined {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  if (process.platform === 'darwin') dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The shipped fontconfig file (fonts/fontconfig/fonts.conf), from src/ or from the bundle in dist/. */
export function fontconfigFile(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = ['../../', '../', './'].map((up) => resolve(here, up, 'fonts/fontconfig/fonts.conf'));
  return candidates.find((path) => existsSync(path));
}

/**
 * FU-05: keep the blank page Word and LibreOffice insert before a section
 * that must start on an even page (the 版记's): without it the PDF has one
 * page less than the printed document and the 版记 lands on an odd page.
 * LibreOffice's headless export skips such pages unless told otherwise (JSON
 * filter options, LibreOffice 7.4 and later).
 */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

export async function docxToPdf(docxPath: string, outDir: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new PdfUnavailableError();
  await removeStaleScratch();
  const profileDir = await mkdtemp(join(tmpdir(), `plandoc-lo-${process.pid}-`));
  const fontconfig = fontconfigFile();
  const env = { ...process.env, ...(fontconfig ? { FONTCONFIG_FILE: fontconfig } : {}) };
  const args = [
    '--headless',
    '--norestore',
    '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--convert-to',
    PDF_FILTER,
    '--outdir',
    outDir,
    docxPath,
  ];
  try {
    await run(soffice, args, env);
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
  const pdf = join(outDir, `${basename(docxPath, extname(docxPath))}.pdf`);
  if (!(await isPdf(pdf))) throw new PdfConversionError(`没有生成 ${pdf}`);
  return pdf;
}

/** The caller removed any old file first: a file that starts like a PDF is this conversion's. */
async function isPdf(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(5);
      const { bytesRead } = await handle.read(head, 0, 5, 0);
      return bytesRead === 5 && head.toString('latin1') === '%PDF-';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

const SCRATCH_NAME = /^plandoc-(?:lo|pdf)-(\d+)-/;

/** LibreOffice profiles and scratch folders of plandoc runs that were killed. */
export async function removeStaleScratch(dir = tmpdir()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = SCRATCH_NAME.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    await rm(join(dir, name), { recursive: true, force: true }).then(() => removed.push(name), () => undefined);
  }
  return removed;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { env, timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolvePromise();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new PdfUnavailableError());
      if (error.killed) return reject(new PdfConversionError(`超过 ${TIMEOUT_MS / 1000} 秒仍未完成`));
      reject(new PdfConversionError(String(stderr).trim().split('\n')[0] || error.message));
    });
  });
}
