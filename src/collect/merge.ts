// Turning the filled rows of one or more 调度表 into progress edits: match each
// row to a metric or task, read its cells, combine the reports of several units,
// and check the result against the progress file (period, last value, scale).
// Pure: rows and the loaded progress in, edits and diagnostics out.
import type { Cell } from 'exceljs';
import type { Target } from '../model/plan.js';
import type { MetricValue, Period } from '../model/progress.js';
import type { Diagnostic, Severity } from '../load/diagnostic.js';
import { closestMatch } from '../load/words.js';
import { periodRange } from '../derive/progress.js';
import type { TaskEdit, ValueEdit } from '../edit/index.js';
import { TASK_STATUS_LIST } from '../sheet/workbook.js';
import { readDate, readNumber, readText, readYesNo, type Read } from './cells.js';
import type { MetricSheetRow, TaskSheetRow } from './read.js';

export interface CollectMetric {
  id: string;
  name: string;
  unit?: string;
  target?: Target;
  cumulative?: boolean;
}

export interface CollectTask {
  id: string;
  title: string;
}

export interface CollectInput {
  metrics: readonly CollectMetric[];
  tasks: readonly CollectTask[];
  period: Period;
  /** the values already in the progress file */
  values: readonly MetricValue[];
  metricRows: readonly MetricSheetRow[];
  taskRows: readonly TaskSheetRow[];
}

export interface CollectResult {
  valueEdits: ValueEdit[];
  taskEdits: TaskEdit[];
  diagnostics: Diagnostic[];
}

/** One unit's report of one metric. */
interface Report {
  metric: CollectMetric;
  value?: number | boolean;
  increment?: number;
  date: string;
  note?: string;
  source?: string;
  reporter: string;
  scope: string;
  /** where the value was read (for messages about it) */
  at: string;
}

export function collect(input: CollectInput): CollectResult {
  const diagnostics: Diagnostic[] = [];
  const reports = input.metricRows.map((row) => readMetricRow(row, input, diagnostics)).filter((r): r is Report => r !== undefined);
  const valueEdits: ValueEdit[] = [];
  for (const group of groupBy(reports, (r) => r.metric.id).values()) {
    const edit = combine(group, input, diagnostics);
    if (edit) valueEdits.push(edit);
  }
  const taskEdits = collectTasks(input, diagnostics);
  return { valueEdits, taskEdits, diagnostics };
}

function problem(at: string, code: string, message: string, hint?: string, severity: Severity = 'error'): Diagnostic {
  return { file: at, line: 0, column: 0, severity, code, message, ...(hint ? { hint } : {}) };
}

/** Adds a diagnostic for a problem read; returns the value, or undefined. */
function take<T>(read: Read<T>, at: string, diagnostics: Diagnostic[]): T | undefined {
  if ('problem' in read) diagnostics.push(problem(at, 'collect-cell', read.problem, read.hint));
  return 'value' in read ? read.value : undefined;
}

const compact = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

function cellText(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  const read = readText(cell.value);
  return 'value' in read ? read.value : undefined;
}

// ---------------------------------------------------------------- metric rows

function readMetricRow(row: MetricSheetRow, input: CollectInput, diagnostics: Diagnostic[]): Report | undefined {
  const { cells } = row;
  const valueCell = cells.value;
  const incrementCell = cells.increment;
  const filled = [valueCell, incrementCell].some((c) => c && !('empty' in readText(c.value)));
  const metric = matchMetric(row, input.metrics, filled, diagnostics);
  if (!metric || !filled) return undefined;
  const at = row.where((valueCell && !('empty' in readText(valueCell.value)) ? valueCell : incrementCell)!);
  const errorsBefore = diagnostics.length;
  checkUnitCell(row, metric, diagnostics);
  const value = valueCell ? readValue(valueCell, metric, row, diagnostics) : undefined;
  const increment = incrementCell ? take(readNumber(incrementCell.value, { unit: metric.unit ?? '', numFmt: incrementCell.numFmt }), row.where(incrementCell), diagnostics) : undefined;
  const date = readRowDate(row, input.period, diagnostics);
  if (diagnostics.length > errorsBefore || date === undefined) return undefined;
  if (increment !== undefined && !metric.cumulative && value === undefined) {
    diagnostics.push(problem(row.where(incrementCell!), 'collect-increment-only', `“${metric.name}”不是累计指标，只填了“本期完成数”`, '把完成数填在“累计完成数/完成数”栏。'));
    return undefined;
  }
  return {
    metric, value, increment, date, at,
    note: cellText(cells.note), source: cellText(cells.source),
    reporter: row.reporter, scope: row.scope,
  };
}

function matchMetric(row: MetricSheetRow, metrics: readonly CollectMetric[], filled: boolean, diagnostics: Diagnostic[]): CollectMetric | undefined {
  const id = cellText(row.cells.id);
  const byId = id === undefined ? undefined : metrics.find((m) => m.id === id.trim());
  if (byId) return byId;
  const name = cellText(row.cells.name);
  const byName = name === undefined ? undefined : metrics.find((m) => compact(m.name) === compact(name));
  if (byName) return byName;
  // a row the unit added (a subtotal, a remark) without a value is not a report
  if (!filled) return undefined;
  const nameCell = row.cells.name ?? row.cells.value!;
  const guess = name === undefined ? undefined : closestName(name, metrics);
  diagnostics.push(problem(row.where(nameCell), 'collect-unknown-metric',
    name === undefined ? '这一行填了完成数，但没有指标名称' : `计划中没有名为“${name}”的指标${guess ? `，是不是“${guess}”？` : ''}`,
    guess ? `把指标名称改回“${guess}”（不要改动指标名称和隐藏的“编号”列）。` : '调度表中的指标名称须与计划一致；新增的指标先写进计划，再重新生成调度表。'));
  return undefined;
}

function closestName(name: string, metrics: readonly CollectMetric[]): string | undefined {
  const names = metrics.map((m) => m.name);
  const close = closestMatch(compact(name), names.map(compact));
  if (close !== undefined) return names[names.map(compact).indexOf(close)];
  // a name shortened or lengthened by the unit: the one containing the other
  return names.find((n) => compact(n).includes(compact(name)) || compact(name).includes(compact(n)));
}

function checkUnitCell(row: MetricSheetRow, metric: CollectMetric, diagnostics: Diagnostic[]): void {
  const unit = cellText(row.cells.unit);
  if (unit === undefined || compact(unit) === compact(metric.unit ?? '')) return;
  diagnostics.push(problem(row.where(row.cells.unit!), 'collect-unit-mismatch',
    `单位填的是“${unit}”，计划中“${metric.name}”的单位是“${metric.unit ?? '（无）'}”`,
    `把完成数换算成以“${metric.unit ?? '（无）'}”为单位的数，并把单位改回“${metric.unit ?? ''}”。`));
}

function readValue(cell: Cell, metric: CollectMetric, row: MetricSheetRow, diagnostics: Diagnostic[]): number | boolean | undefined {
  if (metric.target?.kind === 'achieve') return take(readYesNo(cell.value), row.where(cell), diagnostics);
  return take(readNumber(cell.value, { unit: metric.unit ?? '', numFmt: cell.numFmt }), row.where(cell), diagnostics);
}

/** The row's 截至日期 (the period's last day when blank), which must lie in the progress file's period. */
function readRowDate(row: MetricSheetRow, period: Period, diagnostics: Diagnostic[]): string | undefined {
  const { start, end } = periodRange(period);
  const cell = row.cells.date;
  if (!cell) return end;
  const read = readDate(cell.value);
  if ('empty' in read) return end;
  const date = take(read, row.where(cell), diagnostics);
  if (date === undefined) return undefined;
  if (date < start || date > end) {
    diagnostics.push(problem(row.where(cell), 'collect-date-outside-period', `截至日期 ${date} 不在进度文件的统计期间（${start} 至 ${end}）内`,
      '改正截至日期；或者这份调度表属于另一个统计期间，应汇总到那个期间的进度文件（--into）。'));
    return undefined;
  }
  return date;
}

// ---------------------------------------------------------------- combining units

/** Metrics whose unit reports add up to the town's figure: counts and amounts, not rates, averages or yes/no. */
export function isSum(metric: CollectMetric): boolean {
  if (metric.target?.kind === 'achieve' || metric.unit === '%' || metric.unit === '‰') return false;
  return !/每|人均|平均|率|比例|比重|占比|均/.test(metric.name);
}

function combine(group: Report[], input: CollectInput, diagnostics: Diagnostic[]): ValueEdit | undefined {
  const first = group[0]!;
  const { metric } = first;
  const duplicate = firstDuplicate(group);
  if (duplicate) {
    diagnostics.push(problem(duplicate[1].at, 'collect-duplicate', `“${metric.name}”填了两次（另一处是 ${duplicate[0].at}）`, '同一张表里删去重复的一行；同一单位报送了两份时，只汇总最新的一份。'));
    return undefined;
  }
  const date = group.map((r) => r.date).sort().at(-1)!;
  const previous = previousValue(input.values, metric.id, date);
  const value = group.length === 1 ? single(first, previous, diagnostics) : several(group, previous, diagnostics);
  if (value === undefined) return undefined;
  if (typeof value === 'number') checkPlausible(metric, value, previous, first.at, diagnostics);
  return {
    metric: metric.id, value, date,
    ...noteOf(group),
    source: sourceOf(group),
  };
}

function firstDuplicate(group: Report[]): [Report, Report] | undefined {
  const seen = new Map<string, Report>();
  for (const report of group) {
    // one sheet twice, or one unit's report in two files
    const earlier = seen.get(`sheet:${report.scope}`) ?? seen.get(`unit:${report.reporter}`);
    if (earlier) return [earlier, report];
    seen.set(`sheet:${report.scope}`, report);
    seen.set(`unit:${report.reporter}`, report);
  }
  return undefined;
}

function previousValue(values: readonly MetricValue[], metric: string, date: string): MetricValue | undefined {
  return values.filter((v) => v.metric === metric && v.date < date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
}

/** One report: its value, or (累计 metrics) the last value plus 本期完成数. */
function single(report: Report, previous: MetricValue | undefined, diagnostics: Diagnostic[]): number | boolean | undefined {
  const base = typeof previous?.value === 'number' ? previous.value : 0;
  if (report.value === undefined) return report.increment === undefined ? undefined : round(base + report.increment);
  if (report.increment !== undefined && typeof report.value === 'number' && previous && typeof previous.value === 'number' && Math.abs(base + report.increment - report.value) > 1e-9) {
    diagnostics.push(problem(report.at, 'collect-increment-mismatch',
      `累计完成数 ${report.value} 与上次的 ${previous.value}（${previous.date}）加本期完成数 ${report.increment} 对不上`,
      '核对累计完成数和本期完成数；写入进度文件的是累计完成数。', 'warning'));
  }
  return report.value;
}

function several(group: Report[], previous: MetricValue | undefined, diagnostics: Diagnostic[]): number | boolean | undefined {
  const { metric } = group[0]!;
  const list = group.map((r) => `${r.reporter}：${r.value ?? `本期 ${r.increment}`}`).join('，');
  if (!isSum(metric)) {
    const values = new Set(group.map((r) => String(r.value)));
    if (values.size === 1 && group[0]!.value !== undefined) return group[0]!.value;
    diagnostics.push(problem(group[0]!.at, 'collect-units-differ', `“${metric.name}”由几个单位分别报送，数不同（${list}），这项指标不能相加，没有写入`,
      '核定全镇的数后，直接写进进度文件；或让各单位统一口径后重新汇总。', 'warning'));
    return undefined;
  }
  if (group.every((r) => typeof r.value === 'number')) return round(group.reduce((sum, r) => sum + (r.value as number), 0));
  if (group.every((r) => r.value === undefined && r.increment !== undefined)) {
    const base = typeof previous?.value === 'number' ? previous.value : 0;
    return round(group.reduce((sum, r) => sum + r.increment!, base));
  }
  diagnostics.push(problem(group[0]!.at, 'collect-units-mixed', `“${metric.name}”有的单位填了累计完成数，有的只填了本期完成数（${list}），无法相加`,
    '请各单位都填累计完成数后重新汇总。'));
  return undefined;
}

function noteOf(group: Report[]): { note?: string } {
  const notes = group.filter((r) => r.note);
  if (!notes.length) return {};
  if (group.length === 1) return { note: notes[0]!.note };
  return { note: notes.map((r) => `${r.reporter}：${r.note}`).join('；') };
}

function sourceOf(group: Report[]): string {
  const sources = [...new Set(group.map((r) => r.source ?? r.reporter))];
  return sources.join('、');
}

/** Typo guards: a cumulative value going down, a value ten times off its last value or its target. */
function checkPlausible(metric: CollectMetric, value: number, previous: MetricValue | undefined, at: string, diagnostics: Diagnostic[]): void {
  const warn = (code: string, message: string, hint: string): void => { diagnostics.push(problem(at, code, message, hint, 'warning')); };
  const last = typeof previous?.value === 'number' ? previous.value : undefined;
  if (metric.cumulative && last !== undefined && value < last) {
    warn('collect-cumulative-decreased', `“${metric.name}”是累计指标，完成数 ${value} 比上次（${previous!.date}）的 ${last} 还少`, '累计完成数只增不减：核对是不是填成了本期数或填错了；确实需要更正时，请同时改正进度文件中上次的数。');
  } else if (last !== undefined && last > 0 && value > 0 && (value >= last * 10 || value <= last / 10)) {
    warn('collect-scale', `“${metric.name}”的完成数 ${value} 与上次（${previous!.date}）的 ${last} 相差十倍以上，可能多打或少打了一位`, '核对这个数；确实无误可以不理会这条警告。');
    return;
  }
  const scale = targetScale(metric.target);
  if (scale === undefined || scale <= 0) return;
  if (value >= scale * 10) {
    warn('collect-scale', `“${metric.name}”的完成数 ${value} 是目标（${scale}${metric.unit ?? ''}）的十倍以上，可能多打了一位，或者单位不对`, `核对这个数是否以“${metric.unit ?? ''}”为单位；确实无误可以不理会这条警告。`);
  } else if (metric.unit === '%' && value > 0 && value <= 1 && scale >= 10) {
    warn('collect-scale', `“${metric.name}”填的是 ${value}，单位是“%”，像是把百分数写成了小数（例如 62.5% 写成了 0.625）`, '百分比指标填 62.5 表示 62.5%。');
  }
}

function targetScale(target: Target | undefined): number | undefined {
  switch (target?.kind) {
    case 'atLeast': case 'atMost': case 'exact':
      return target.value;
    case 'range':
      return target.max;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- task rows

function collectTasks(input: CollectInput, diagnostics: Diagnostic[]): TaskEdit[] {
  const edits = new Map<string, TaskEdit & { at: string; scope: string }>();
  for (const row of input.taskRows) {
    const status = cellText(row.cells.status);
    const progress = cellText(row.cells.progress);
    if (status === undefined && progress === undefined) continue;
    const task = matchTask(row, input.tasks, diagnostics);
    if (!task) continue;
    const at = row.where(row.cells.status ?? row.cells.progress!);
    if (status === undefined) {
      diagnostics.push(problem(at, 'collect-task-no-status', `任务“${task.title}”填了进展情况，但没有选状态`, `从下拉列表中选一个状态：${TASK_STATUS_LIST.join('、')}。`));
      continue;
    }
    if (!TASK_STATUS_LIST.includes(compact(status))) {
      const guess = closestMatch(compact(status), TASK_STATUS_LIST);
      diagnostics.push(problem(at, 'collect-task-status', `“${status}”不是任务状态${guess ? `，是不是“${guess}”？` : ''}`, `从下拉列表中选一个状态：${TASK_STATUS_LIST.join('、')}。`));
      continue;
    }
    const edit = { task: task.id, status: compact(status), ...(progress ? { progress } : {}), at, scope: row.scope };
    const earlier = edits.get(task.id);
    if (!earlier) edits.set(task.id, edit);
    else mergeTask(earlier, edit, task, diagnostics);
  }
  return [...edits.values()].map(({ task, status, progress }) => ({ task, status, ...(progress ? { progress } : {}) }));
}

function matchTask(row: TaskSheetRow, tasks: readonly CollectTask[], diagnostics: Diagnostic[]): CollectTask | undefined {
  const id = cellText(row.cells.id);
  const name = cellText(row.cells.name);
  const found = tasks.find((t) => t.id === id?.trim()) ?? tasks.find((t) => name !== undefined && compact(t.title) === compact(name));
  if (found) return found;
  const titles = tasks.map((t) => t.title);
  const guess = name === undefined ? undefined : closestMatch(compact(name), titles.map(compact));
  const title = guess === undefined ? undefined : titles[titles.map(compact).indexOf(guess)];
  diagnostics.push(problem(row.where(row.cells.name ?? row.cells.status!), 'collect-unknown-task',
    name === undefined ? '这一行填了任务进展，但没有任务名称' : `计划中没有名为“${name}”的任务${title ? `，是不是“${title}”？` : ''}`,
    '任务名称须与计划一致，不要改动任务名称和隐藏的“编号”列。'));
  return undefined;
}

function mergeTask(earlier: TaskEdit & { at: string; scope: string }, later: TaskEdit & { at: string; scope: string }, task: CollectTask, diagnostics: Diagnostic[]): void {
  if (earlier.scope === later.scope) {
    diagnostics.push(problem(later.at, 'collect-duplicate', `任务“${task.title}”在同一张表里填了两次（另一处是 ${earlier.at}）`, '删去重复的一行。'));
  } else if (earlier.status !== later.status) {
    diagnostics.push(problem(later.at, 'collect-units-differ', `任务“${task.title}”各单位选的状态不同（“${earlier.status}”和“${later.status}”），以先读到的“${earlier.status}”为准`,
      '核定任务状态后，直接改进度文件。', 'warning'));
  } else if (later.progress) {
    earlier.progress = earlier.progress ? `${earlier.progress}；${later.progress}` : later.progress;
  }
}

// ---------------------------------------------------------------- helpers

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
