// Writing an exceljs workbook to bytes that are the same on every run: exceljs
// stamps the zip entries with the current time, so the package is re-framed
// with one fixed time (entries, their order and content unchanged).
import type { Workbook } from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** 1 January 2000: a fixed, valid DOS time for every zip entry. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/** Document dates inside the workbook (docProps/core.xml) come from the caller. */
export function fixWorkbookDates(workbook: Workbook, isoDate: string): void {
  const date = new Date(`${isoDate}T00:00:00Z`);
  workbook.creator = 'plandoc';
  workbook.lastModifiedBy = 'plandoc';
  workbook.created = date;
  workbook.modified = date;
}

export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  const raw = new Uint8Array(await workbook.xlsx.writeBuffer());
  const entries = unzipSync(raw);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime: ZIP_TIME, level: 6 }];
  return zipSync(zippable);
}
