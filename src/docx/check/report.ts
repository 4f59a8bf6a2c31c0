// `npm run check:docx`: every example and fixture rendered, each package
// validated (ISO/IEC 29500 order, WPS self-check), each render measured (FU
// rules, LE-01 orphan lines), as one Markdown table for the README's 排版.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxToPdf } from '../pdf.js';
import { corpus, type CorpusDocument } from './corpus.js';
import { measureHeader, measureRecord, orphanLines, type HeaderMeasures, type RecordMeasures } from './furniture.js';
import { measureLandscapePages, type LandscapeMeasure } from './landscape.js';
import { schemaOrderIssues } from './order.js';
import { xmlParts } from './package.js';
import { readPages } from './render.js';
import { wpsProblems } from './wps.js';

export interface CheckRow {
  document: string;
  orderErrors: number;
  wpsProblems: number;
  /** passed / checked FU rules, with the measurements */
  fu: { passed: number; checked: number; detail: string };
  /** TB-03: each landscape page's page-number offset from the upright pages, mm */
  landscape: LandscapeMeasure[];
  /** undefined where line ends are not the document's own (a 修订稿 shows its deleted text too) */
  orphans?: string[];
}

export async function checkDocx(root: string, progress: (name: string) => void = () => {}): Promise<CheckRow[]> {
  const documents = await corpus(root);
  const scratch = mkdtempSync(join(tmpdir(), 'plandoc-check-'));
  try {
    const rows: CheckRow[] = [];
    for (const [index, document] of documents.entries()) {
      progress(document.name);
      rows.push(await checkDocument(document, join(scratch, `${index}.docx`)));
    }
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function checkDocument(document: CorpusDocument, path: string): Promise<CheckRow> {
  const parts = xmlParts(document.docx);
  writeFileSync(path, document.docx);
  const pdf = await docxToPdf(path, join(path, '..'));
  const pages = readPages(pdf);
  return {
    document: document.name,
    orderErrors: schemaOrderIssues(parts).length,
    wpsProblems: wpsProblems(parts).length,
    fu: furnitureChecks(measureHeader(pdf, pages), measureRecord(pdf, pages)),
    landscape: measureLandscapePages(pdf, pages),
    orphans: document.revisions ? undefined : orphanLines(pages).map((line) => line.text),
  };
}

function furnitureChecks(header: HeaderMeasures | undefined, record: RecordMeasures | undefined): CheckRow['fu'] {
  const checks: Array<[string, boolean]> = [];
  if (header) {
    checks.push([`FU-01 ${header.organTopMm.toFixed(1)} mm`, Math.abs(header.organTopMm - 35) < 1]);
    checks.push([`FU-02 ${header.numberGapLines.toFixed(1)} 行、${header.ruleBelowNumberMm.toFixed(1)} mm`, header.numberGapLines > 2 && header.numberGapLines < 3 && Math.abs(header.ruleBelowNumberMm - 4) < 0.75]);
    checks.push([`FU-03 ${header.titleGapLines.toFixed(1)} 行`, header.titleGapLines > 2 && header.titleGapLines < 3]);
  }
  if (record?.copyToHangChars !== undefined) checks.push([`FU-04 ${record.copyToHangChars.toFixed(1)} 字`, Math.abs(record.copyToHangChars - 3) < 0.1]);
  if (record?.lastRuleMm !== undefined) {
    const placed = Math.abs(record.lastRuleMm) < 0.5 && record.page === record.pages && record.page % 2 === 0 && !record.numbered;
    checks.push([`FU-05 ${record.lastRuleMm.toFixed(1)} mm p${record.page}${record.numbered ? ' 有页码' : ''}`, placed]);
  }
  return { passed: checks.filter(([, ok]) => ok).length, checked: checks.length, detail: checks.map(([text, ok]) => `${text}${ok ? '' : ' ✗'}`).join('；') };
}

export function formatCheckTable(rows: CheckRow[]): string {
  const lines = ['| 文档 | 元素顺序错误 | WPS 自检问题 | 版头版记（FU） | 横排页页码（TB-03） | 孤字行（LE-01） |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const fu = row.fu.checked ? `${row.fu.passed}/${row.fu.checked}：${row.fu.detail}` : '—';
    const orphans = !row.orphans ? '—（显示修订，含删除的文字）' : row.orphans.length ? `${row.orphans.length}（${row.orphans.join('、')}）` : '0';
    lines.push(`| ${row.document} | ${row.orderErrors} | ${row.wpsProblems} | ${fu} | ${landscapeCell(row.landscape)} | ${orphans} |`);
  }
  return lines.join('\n');
}

/** TB-03 passes when the number of every landscape page lies within 1 mm of where upright pages have it. */
const landscapeOk = (measure: LandscapeMeasure) => measure.offsetMm !== undefined && measure.offsetMm < 1;

function landscapeCell(measures: LandscapeMeasure[]): string {
  if (measures.length === 0) return '—';
  return measures.map((m) => `p${m.page} ${m.offsetMm === undefined ? '无页码' : `${m.offsetMm.toFixed(1)} mm`}${landscapeOk(m) ? '' : ' ✗'}`).join('；');
}

export function checkPassed(rows: CheckRow[]): boolean {
  return rows.every((row) => row.orderErrors === 0 && row.wpsProblems === 0 && row.fu.passed === row.fu.checked && row.landscape.every(landscapeOk) && (row.orphans ?? []).length === 0);
}
