// Reading the document to import through the shared bounded reader (regular
// files only, bounded by the bytes actually read), with messages that speak
// of documents to import rather than plan files.
import { readBounded, type ReadRefusal } from '../io/read.js';
import { ImportError } from './errors.js';

/** A .txt or .md plan is tens of KB; 4 MB of text is over a million characters. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/** Word and PDF files carry images; 30 MB is far beyond any plan or summary. */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function readImportInput(path: string, maxBytes: number): Promise<Buffer> {
  const read = await readBounded(path, maxBytes);
  if (read.refusal) throw new ImportError(refusalText(read.refusal, maxBytes));
  return read.bytes;
}

function refusalText(refusal: ReadRefusal, maxBytes: number): string {
  switch (refusal.kind) {
    case 'missing':
      return '找不到这个文件';
    case 'directory':
      return '这是一个文件夹，不是文件。请给出要导入的 .txt、.md、.docx 等文件';
    case 'special':
      return `这是${refusal.what}，不是普通文件，不能导入`;
    case 'too-large':
      return `文件太大（${refusal.atLeast ? '超过 ' : ''}${mb(refusal.bytes)}），导入的上限是 ${mb(maxBytes)}。一份工作计划或总结通常只有几十 KB，请检查是不是选错了文件`;
    case 'unreadable':
      return refusal.code === 'EACCES' || refusal.code === 'EPERM'
        ? '没有权限读取这个文件。请检查文件权限，或换一个有权限的账户运行'
        : `无法读取这个文件（${refusal.code ?? '未知原因'}）`;
  }
}
