// The I/O edge of `plandoc collect`: load the progress file and its plan, read
// every workbook, combine, and write the values into the progress file in
// place, or print what would change. Nothing is written when any input has an
// error.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../load/diagnostic.js';
import { formatDiagnostics } from '../load/format.js';
import { writeSourceInPlace } from '../io/inplace.js';
import { FileIoError } from '../io/errors.js';
import { EXIT_INPUT, EXIT_OK } from '../cli/exit.js';
import { setProgressValues, setTaskProgress } from '../edit/index.js';
import type { Section } from '../model/plan.js';
import { isPlanSource } from '../load/index.js';
import { loadProgressFile, loadProgressSource, type ProgressLoadResult } from '../summary/load.js';
import { openWorkbook } from '../xlsx/read.js';
import { collect, type CollectTask } from './merge.js';
import { readWorkbookRows, type MetricSheetRow, type TaskSheetRow } from './read.js';
import { unifiedDiff } from './patch.js';

export interface CollectFlags {
  into: string;
  dryRun?: boolean;
}

const color = (): boolean => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

export async function runCollect(files: string[], flags: CollectFlags): Promise<number> {
  const loaded = await loadProgressFile(flags.into);
  // a plan given by mistake: one sentence instead of a screenful of unknown keys
  if (isPlanSource(loaded.source)) loaded.diagnostics = [planNotProgress(flags.into)];
  if (!loaded.value || hasErrors(loaded.diagnostics)) {
    printDiagnostics(loaded.diagnostics, sourcesOf(loaded, flags.into));
    process.stderr.write('进度文件有错误，没有汇总。\n');
    return EXIT_INPUT;
  }
  const rows = await readAll(await expandPatterns(files));
  const progress = loaded.value;
  const result = collect({
    metrics: loaded.plan?.metrics ?? progress.metrics ?? [],
    tasks: loaded.plan ? planTasks(loaded.plan.sections) : [],
    period: progress.period,
    values: progress.values ?? [],
    metricRows: rows.metrics,
    taskRows: rows.tasks,
  });
  const diagnostics = [...rows.diagnostics, ...result.diagnostics];
  printDiagnostics(diagnostics, new Map());
  if (hasErrors(diagnostics)) {
    process.stderr.write(`有错误，${flags.into} 没有改动。改正上面列出的单元格后重新汇总。\n`);
    return EXIT_INPUT;
  }
  const before = loaded.source;
  const after = result.taskEdits.reduce(setTaskProgress, setProgressValues(before, result.valueEdits));
  const check = await loadProgressSource(after, flags.into);
  if (!check.value || hasErrors(check.diagnostics)) {
    printDiagnostics(check.diagnostics, new Map([[flags.into, after]]));
    process.stderr.write(`汇总后的进度文件会有上面的错误，${flags.into} 没有改动。\n`);
    return EXIT_INPUT;
  }
  return finish(before, after, flags, result.valueEdits.length, result.taskEdits.length);
}

async function finish(before: string, after: string, flags: CollectFlags, values: number, tasks: number): Promise<number> {
  if (before === after) {
    process.stderr.write(`${flags.into} 已是最新，没有需要写入的数据（读到 ${values} 项指标、${tasks} 项任务）。\n`);
    return EXIT_OK;
  }
  if (flags.dryRun) {
    process.stdout.write(unifiedDiff(before, after, flags.into));
    process.stderr.write(`以上是将写入 ${flags.into} 的改动（${values} 项指标、${tasks} 项任务）；去掉 --dry-run 即写入。\n`);
    return EXIT_OK;
  }
  try {
    await writeSourceInPlace(flags.into, after);
  } catch (error) {
    if (!(error instanceof FileIoError)) throw error;
    process.stderr.write(`plandoc: ${error.message}\n`);
    return EXIT_INPUT;
  }
  process.stderr.write(`已写入 ${flags.into}：${values} 项指标、${tasks} 项任务。用 plandoc status ${flags.into} 查看完成情况。\n`);
  return EXIT_OK;
}

/**
 * `调度表*.xlsx` as typed: a shell expands it, but Windows cmd and PowerShell
 * pass it on as it is, so a name with * or ? that is not a file is matched
 * against the files of its folder here.
 */
export async function expandPatterns(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    if (!/[*?]/.test(file) || existsSync(file)) {
      out.push(file);
      continue;
    }
    const dir = dirname(file);
    const pattern = new RegExp(`^${basename(file).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
    const names = await readdir(dir).catch(() => [] as string[]);
    const matches = names.filter((name) => pattern.test(name) && !name.startsWith('~$')).sort();
    // no match: the name stays, and reading it says the file is missing
    out.push(...(matches.length ? matches.map((name) => (dir === '.' ? name : join(dir, name))) : [file]));
  }
  return [...new Set(out)];
}

async function readAll(files: string[]): Promise<{ metrics: MetricSheetRow[]; tasks: TaskSheetRow[]; diagnostics: Diagnostic[] }> {
  const out = { metrics: [] as MetricSheetRow[], tasks: [] as TaskSheetRow[], diagnostics: [] as Diagnostic[] };
  for (const file of files) {
    const opened = await openWorkbook(file);
    out.diagnostics.push(...opened.diagnostics);
    if (!opened.workbook) continue;
    const rows = readWorkbookRows(opened.workbook, file, basename(file, extname(file)));
    out.metrics.push(...rows.metrics);
    out.tasks.push(...rows.tasks);
    out.diagnostics.push(...rows.diagnostics);
  }
  return out;
}

function planTasks(sections: readonly Section[]): CollectTask[] {
  return sections.flatMap((s) => [...(s.id && s.title ? [{ id: s.id, title: s.title }] : []), ...planTasks(s.children ?? [])]);
}

function planNotProgress(file: string): Diagnostic {
  return {
    file, line: 1, column: 1, severity: 'error', code: 'plan-not-progress',
    message: '这是计划文件，不是进度文件',
    hint: `--into 写有“period:”的进度文件（例如 plans/changshou-2026-h1.yaml）；调度表的数据汇总到进度文件，计划文件不记完成数。`,
  };
}

function sourcesOf(loaded: ProgressLoadResult, file: string): Map<string, string> {
  const sources = new Map([[file, loaded.source]]);
  if (loaded.planFile && loaded.planSource !== undefined) sources.set(loaded.planFile, loaded.planSource);
  return sources;
}

function printDiagnostics(diagnostics: Diagnostic[], sources: Map<string, string>): void {
  if (diagnostics.length) process.stderr.write(formatDiagnostics(sortDiagnostics(diagnostics), sources, { color: color() }));
}
