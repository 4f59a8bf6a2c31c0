// The "exact" view: the saved file rendered by LibreOffice (as `render --to
// pdf`), each PDF page as a PNG, so the writer sees the real page breaks.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HttpError } from './http.js';
import { downloadOutput } from './outputs.js';

const run = promisify(execFile);

/** PNG data URLs of the pages, at a resolution fit for a screen. */
export async function exactPages(absolute: string): Promise<string[]> {
  const pdf = await downloadOutput(absolute, 'pdf');
  const scratch = await mkdtemp(join(tmpdir(), 'plandoc-exact-'));
  try {
    await writeFile(join(scratch, 'doc.pdf'), pdf.data);
    await run('pdftoppm', ['-png', '-r', '72', join(scratch, 'doc.pdf'), join(scratch, 'page')]).catch((error: NodeJS.ErrnoException) => {
      throw new HttpError(503, error.code === 'ENOENT' ? '这台电脑没有安装 poppler（pdftoppm），不能显示精确视图。' : 'PDF 转图片失败。');
    });
    const pages = (await readdir(scratch)).filter((name) => name.endsWith('.png')).sort();
    return Promise.all(pages.map(async (name) => `data:image/png;base64,${(await readFile(join(scratch, name))).toString('base64')}`));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
