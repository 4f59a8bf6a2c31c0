// Opening a workbook a user hands us: before exceljs parses anything, the bytes
// must be a zip, the zip must be a spreadsheet (not a Word file or an old .xls)
// and small enough once unpacked. Every refusal is a Chinese diagnostic.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Diagnostic } from '../load/diagnostic.js';
import { readBounded, refusalMessage } from '../io/read.js';

/** A 调度表 is a few hundred KB; 20 MB is far beyond any real one. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Unpacked size of all parts: bounds a zip bomb before exceljs inflates it. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export interface OpenedWorkbook {
  workbook?: ExcelJS.Workbook;
  diagnostics: Diagnostic[];
}

export function workbookDiagnostic(file: string, code: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line: 0, column: 0, severity, code, message, ...(hint ? { hint } : {}) };
}

export async function openWorkbook(path: string, file = path): Promise<OpenedWorkbook> {
  const refuse = (code: string, message: string, hint?: string): OpenedWorkbook => ({ diagnostics: [workbookDiagnostic(file, code, message, hint)] });
  const read = await readBounded(path, MAX_WORKBOOK_BYTES);
  if (read.refusal) {
    const { code, message, hint } = refusalMessage(file, read.refusal, MAX_WORKBOOK_BYTES);
    return refuse(code, message, hint);
  }
  const bytes = read.bytes;
  const problem = packageProblem(bytes);
  if (problem) return refuse(problem.code, problem.message, problem.hint);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('xlsx-damaged', '表格文件已损坏，无法读取', '在 Excel 或 WPS 中打开这个文件，另存为 .xlsx 后再汇总。');
  }
  return { workbook, diagnostics: [] };
}

interface PackageProblem {
  code: string;
  message: string;
  hint?: string;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const SAVE_AS_XLSX = '在 Excel 或 WPS 中打开，选“另存为”→“Excel 工作簿（*.xlsx）”后再汇总。';

/** Why these bytes are not an .xlsx package we are willing to open, or undefined. */
export function packageProblem(bytes: Uint8Array): PackageProblem | undefined {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    return { code: 'xlsx-old-format', message: '这是旧版 Excel（.xls）或 WPS（.et）格式的文件，或者设置了打开密码，plandoc 只读 .xlsx 文件', hint: SAVE_AS_XLSX };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { code: 'xlsx-not-xlsx', message: '这不是 .xlsx 表格文件', hint: SAVE_AS_XLSX };
  const sizes = new Map<string, number>();
  try {
    // the filter sees each entry's name and declared size and unpacks nothing
    unzipSync(bytes, { filter: (entry) => { sizes.set(entry.name, entry.originalSize); return false; } });
  } catch {
    return { code: 'xlsx-damaged', message: '表格文件已损坏（不是完整的 .xlsx 文件），无法读取', hint: SAVE_AS_XLSX };
  }
  if (sizes.has('word/document.xml')) return { code: 'xlsx-is-docx', message: '这是 Word 文档（.docx），不是表格文件', hint: '请给出填好的调度表（.xlsx）。文件扩展名被改过的文件不能直接汇总。' };
  if ([...sizes.keys()].some((name) => name.startsWith('ppt/'))) return { code: 'xlsx-is-pptx', message: '这是演示文稿（.pptx），不是表格文件', hint: '请给出填好的调度表（.xlsx）。' };
  if (!sizes.has('xl/workbook.xml')) return { code: 'xlsx-not-xlsx', message: '这不是 .xlsx 表格文件（压缩包里没有工作簿）', hint: SAVE_AS_XLSX };
  const unpacked = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    return { code: 'xlsx-too-large', message: `表格文件解压后太大（${(unpacked / 1024 / 1024).toFixed(0)} MB），超过了 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB 的上限`, hint: '调度表只需几十行：删去多余的工作表和大量空行后再汇总。' };
  }
  return undefined;
}
