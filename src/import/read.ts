// Reading the document to import: regular files only, bounded by the bytes
// actually read (a device or pipe has no size), every failure a Chinese message.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportError } from './errors.js';

/** A .txt or .md plan is tens of KB; 4 MB of text is over a million characters. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/** Word and PDF files carry images; 30 MB is far beyond any plan or summary. */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function readImportInput(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait forever
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ImportError(openMessage(error));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new ImportError(`这是一个文件夹，不是文件。请给出要导入的 .txt、.md、.docx 等文件`);
    if (!info.isFile()) throw new ImportError(`这不是普通文件（设备、管道或套接字），不能导入`);
    if (info.size > maxBytes) throw new ImportError(tooLarge(info.size, maxBytes));
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new ImportError(tooLarge(length, maxBytes));
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(openMessage(error));
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, max: number): string {
  return `文件太大（${mb(size)}），导入的上限是 ${mb(max)}。一份工作计划或总结通常只有几十 KB，请检查是不是选错了文件`;
}

function openMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `找不到这个文件`;
  if (code === 'EISDIR') return `这是一个文件夹，不是文件。请给出要导入的 .txt、.md、.docx 等文件`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取这个文件。请检查文件权限，或换一个有权限的账户运行`;
  return `无法读取这个文件（${code ?? '未知原因'}）`;
}
