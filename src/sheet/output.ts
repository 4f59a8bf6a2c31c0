// Writing the files of sheet and status: the 调度表, the status workbook of
// --format xlsx, or the status table / JSON text with -o.
import { writeFileAtomic } from '../io/write.js';
import { FileIoError } from '../io/errors.js';
import type { StatusReport } from '../summary/dashboard.js';
import { fixWorkbookDates, workbookBytes } from '../xlsx/write.js';
import { buildStatusWorkbook } from './status-workbook.js';

/** Returns false when the file cannot be written (the message is printed). */
export async function writeStatusWorkbook(report: StatusReport, path: string, date: string | undefined): Promise<boolean> {
  const workbook = buildStatusWorkbook(report);
  fixWorkbookDates(workbook, date ?? '2000-01-01');
  return writeOutput(path, await workbookBytes(workbook));
}

export async function writeOutput(path: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    if (!(error instanceof FileIoError)) throw error;
    process.stderr.write(`plandoc: ${error.message}\n`);
    return false;
  }
  process.stderr.write(`已生成 ${path}\n`);
  return true;
}
