// Downloads: exactly what `plandoc render` writes for the saved file (the same
// prepareRender, the same configuration from the current directory).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors } from '../load/diagnostic.js';
import { OutputRoot } from '../io/output.js';
import { HttpError } from './http.js';

export type DownloadFormat = 'docx' | 'md' | 'pdf';

const TYPES: Record<DownloadFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

export async function downloadOutput(absolute: string, format: DownloadFormat): Promise<{ name: string; type: string; data: Uint8Array }> {
  const { loadConfig } = await import('../config/index.js');
  const { prepareRender, writePrepared, outputBaseName } = await import('../render/index.js');
  const config = await loadConfig({ cwd: process.cwd() });
  if (hasErrors(config.diagnostics)) throw new HttpError(422, '配置文件 plandoc.config.yaml 有错误，先用 plandoc check 或 render 查看并改正。');
  const scratch = await mkdtemp(join(tmpdir(), 'plandoc-serve-'));
  try {
    const options = { outDir: scratch, formats: [format], templatesDir: config.config.templates, profile: config.config.profile };
    const prepared = await prepareRender(absolute, options);
    if (hasErrors(prepared.diagnostics)) throw new HttpError(422, '文件有错误，不能生成；先改正编辑器里标出的错误并保存。');
    const name = `${outputBaseName(absolute)}.${format}`;
    if (format === 'md' && /\.(md|markdown)$/i.test(absolute)) return { name, type: TYPES.md, data: await readFile(absolute) };
    await writePrepared(prepared, await OutputRoot.open(scratch)).catch((error: Error) => {
      throw new HttpError(503, error.name === 'PdfUnavailableError' ? '这台电脑没有安装 LibreOffice，不能生成 PDF。' : `生成失败：${error.message}`);
    });
    return { name, type: TYPES[format], data: await readFile(join(scratch, name)) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
