// Semantic rules of a progress file, after the schema: references resolve
// (metrics, tasks, plan sections, citations), the period fits the plan's year,
// dates fall inside the period, units match. Each problem points at its YAML node.
import type { Plan } from '../model/plan.js';
import type { NarrativeSection, Progress } from '../model/progress.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { locate, locateWithin, makeDiagnostic, type JsonPath, type ParsedYaml } from '../load/yaml.js';
import { parseIsoDate, periodRange } from '../derive/progress.js';
import { buildContext, type SummaryContext } from './context.js';
import { checkTable, tablesInText, type TableProblemSink } from '../tables/rules.js';
import { chineseDate, citationProblem, citationsIn } from './cite.js';
import { magnitudeDiagnostics } from './magnitude.js';

interface Checker {
  parsed: ParsedYaml;
  context: SummaryContext;
  found: Diagnostic[];
}

export function checkProgress(progress: Progress, plan: Plan | undefined, parsed: ParsedYaml): Diagnostic[] {
  const checker: Checker = { parsed, context: buildContext(progress, plan), found: [] };
  checkStandalone(checker);
  const periodFits = checkPeriod(checker);
  checkMetricDefinitions(checker);
  checkValues(checker, periodFits);
  checker.found.push(...magnitudeDiagnostics(progress, checker.context.metrics, parsed));
  checkCumulativeOrder(checker);
  checkTasks(checker);
  checkNarrative(checker);
  return checker.found;
}

function report(checker: Checker, path: JsonPath, code: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
  checker.found.push(makeDiagnostic(checker.parsed, locate(checker.parsed, path), severity, code, message, hint));
}

function checkStandalone(checker: Checker): void {
  const { progress } = checker.context;
  if (progress.plan || progress.title) return;
  report(checker, [], 'summary-title-missing', '独立总结（没有 plan）没有标题', '写上 title（例如“牌楼镇2025年上半年工作总结”），或用 plan 指明所属计划。');
}

/** False when the period itself is wrong: then every date would be reported again as outside it. */
function checkPeriod(checker: Checker): boolean {
  const { progress, plan } = checker.context;
  const { period } = progress;
  const before = checker.found.length;
  if (plan && period.year !== plan.year) {
    report(checker, ['period', 'year'], 'period-year', `统计期间是${period.year}年，但所属计划是${plan.year}年度的`, `把 period.year 改为 ${plan.year}，或把 plan 指向${period.year}年度的计划。`);
  }
  if (period.kind === 'asOf' && period.asOf) {
    const asOf = parseIsoDate(period.asOf);
    if (!asOf) report(checker, ['period', 'asOf'], 'invalid-date', `日期 ${period.asOf} 不存在`, '检查月份和日子，格式为 2026-09-15。');
    else if (asOf.year !== period.year) report(checker, ['period', 'asOf'], 'period-year', `截至日期 ${period.asOf} 不在${period.year}年内`, `截至日期要在 period.year（${period.year}年）之内。`);
  }
  return checker.found.length === before;
}

function checkMetricDefinitions(checker: Checker): void {
  const { progress, plan } = checker.context;
  const seen = new Set((plan?.metrics ?? []).map((m) => m.id));
  (progress.metrics ?? []).forEach((metric, i) => {
    if (seen.has(metric.id)) {
      const where = plan?.metrics?.some((m) => m.id === metric.id) ? '所属计划中已有' : '前面已经定义过';
      report(checker, ['metrics', i, 'id'], 'duplicate-metric', `指标 id “${metric.id}” ${where}同名指标`, '每个指标 id 只能定义一次：改一个名字，或删掉这里的定义。');
    }
    seen.add(metric.id);
  });
}

function checkValues(checker: Checker, periodFits: boolean): void {
  const { progress, metrics, periodEnd } = checker.context;
  const { start } = periodRange(progress.period);
  const seen = new Set<string>();
  (progress.values ?? []).forEach((entry, i) => {
    const key = `${entry.metric}\u0000${entry.date}`;
    if (seen.has(key)) {
      report(checker, ['values', i, 'date'], 'duplicate-value', `指标 “${entry.metric}” 在 ${entry.date} 已经有一条数据，这里又写了一条`,
        '同一指标同一日期只写一条；plandoc 使用后一条。', 'warning');
    }
    seen.add(key);
    const metric = metrics.get(entry.metric);
    if (!metric) {
      report(checker, ['values', i, 'metric'], 'unknown-metric', `没有 id 为 “${entry.metric}” 的指标`, progress.plan ? '指标要先在所属计划的 metrics 中定义；检查 id 是否写错。' : '指标要先在本文件的 metrics 中定义；检查 id 是否写错。');
      return;
    }
    if (entry.unit !== undefined && entry.unit !== (metric.unit ?? '')) {
      report(checker, ['values', i, 'unit'], 'unit-mismatch', `单位 “${entry.unit}” 与指标 “${metric.name}” 的单位 “${metric.unit ?? '（无）'}” 不一致`, `把完成数换算成${metric.unit ?? '指标的单位'}后填写，或删掉 unit。`);
    }
    checkValueType(checker, i, metric.target?.kind === 'achieve', typeof entry.value === 'boolean', metric.name);
    const date = parseIsoDate(entry.date);
    if (!date) {
      report(checker, ['values', i, 'date'], 'invalid-date', `日期 ${entry.date} 不存在`, '检查月份和日子，格式为 2026-06-30。');
    } else if (periodFits && (entry.date < start || entry.date > periodEnd)) {
      report(checker, ['values', i, 'date'], 'date-outside-period', `日期 ${entry.date} 不在统计期间（${chineseDate(start)}至${chineseDate(periodEnd)}）内`, '检查日期是否写错，或者 period 是否写对。');
    }
  });
}

/** A cumulative figure (累计数) cannot shrink from one report to the next: usually a monthly figure typed instead. */
function checkCumulativeOrder(checker: Checker): void {
  const { progress, metrics } = checker.context;
  const latest = new Map<string, { value: number; date: string }>();
  const entries = (progress.values ?? []).map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index);
  for (const { entry, index } of entries) {
    if (!metrics.get(entry.metric)?.cumulative || typeof entry.value !== 'number') continue;
    const previous = latest.get(entry.metric);
    if (previous && entry.value < previous.value) {
      report(checker, ['values', index, 'value'], 'cumulative-decrease', `累计指标 “${entry.metric}” 的完成数 ${entry.value} 比 ${previous.date} 的 ${previous.value} 还少`,
        '累计指标填写截至该日期的累计数，而不是当月数；检查是否填错。', 'warning');
    }
    latest.set(entry.metric, { value: entry.value, date: entry.date });
  }
}

function checkValueType(checker: Checker, index: number, wantsBoolean: boolean, isBoolean: boolean, name: string): void {
  if (wantsBoolean === isBoolean) return;
  const message = wantsBoolean ? `指标 “${name}” 是“是否实现”类指标，完成数要写 true 或 false` : `指标 “${name}” 的完成数要写数字，不能写 true/false`;
  report(checker, ['values', index, 'value'], 'value-type', message, wantsBoolean ? '已实现写 true，尚未实现写 false。' : '写上截至该日期的完成数。');
}

function checkTasks(checker: Checker): void {
  const { progress, plan, sections } = checker.context;
  const narrativeIds = collectNarrativeIds(progress);
  (progress.tasks ?? []).forEach((task, i) => {
    if (sections.has(task.task) || narrativeIds.has(task.task)) return;
    const hint = plan ? '任务要写所属计划中章节的 id；检查 id 是否写错。' : '没有所属计划时，任务要写本文件正文章节的 id。';
    report(checker, ['tasks', i, 'task'], 'unknown-task', `没有 id 为 “${task.task}” 的任务`, hint);
  });
}

function collectNarrativeIds(progress: Progress): Set<string> {
  const ids = new Set<string>();
  const visit = (nodes: readonly NarrativeSection[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.id) ids.add(node.id);
      visit(node.children);
    }
  };
  visit(progress.body);
  visit(progress.highlights);
  visit(progress.nextSteps);
  return ids;
}

// ---- narrative: plan sections and citations ----------------------------------

function checkNarrative(checker: Checker): void {
  const { progress } = checker.context;
  checkText(checker, progress.opening, ['opening']);
  checkText(checker, progress.problems, ['problems']);
  (progress.tasks ?? []).forEach((task, i) => checkText(checker, task.progress, ['tasks', i, 'progress']));
  for (const key of ['highlights', 'nextSteps', 'body'] as const) {
    progress[key]?.forEach((node, i) => checkNode(checker, node, [key, i]));
  }
  progress.attachments?.forEach((a, i) => checkText(checker, a.text, ['attachments', i, 'text']));
  checkAuto(checker);
}

/** `auto` switches: per-section keys name the plan's level-2 sections, the paragraphs the summary groups by. */
function checkAuto(checker: Checker): void {
  const auto = checker.context.progress.auto;
  if (!auto) return;
  if (auto.opening !== undefined && typeof auto.opening !== 'boolean') checkText(checker, auto.opening, ['auto', 'opening']);
  for (const part of ['achievements', 'problems', 'nextSteps'] as const) {
    const value = auto[part];
    if (value === undefined || typeof value === 'boolean') continue;
    if (typeof value === 'string' || Array.isArray(value)) {
      checkText(checker, value, ['auto', part]);
      continue;
    }
    for (const [key, text] of Object.entries(value)) {
      checkAutoSection(checker, part, key);
      if (typeof text !== 'boolean') checkText(checker, text, ['auto', part, key]);
    }
  }
}

function checkAutoSection(checker: Checker, part: string, key: string): void {
  const { sections, plan } = checker.context;
  const entry = sections.get(key);
  const path = ['auto', part, key];
  if (!entry) {
    const hint = plan ? '写所属计划中第二级章节（例如“（一）……”那一节）的 id；检查是否写错。' : '没有所属计划时总结不按章节分组，只能对整部分写 false 或文字。';
    report(checker, path, 'unknown-section', `所属计划中没有 id 为 “${key}” 的章节`, hint);
    return;
  }
  const group = [...entry.ancestors, entry.section][1];
  if (group && group !== entry.section) {
    const groupId = group.id ? `“${group.id}”` : '（它还没有 id，先给它写一个 id）';
    report(checker, path, 'auto-section-level', `“${key}”是第三级以下的章节，总结按第二级章节分段`, `改写成它所属的第二级章节 ${groupId}。`);
  }
}

function checkNode(checker: Checker, node: NarrativeSection, path: JsonPath): void {
  if (node.section !== undefined && !checker.context.sections.has(node.section)) {
    const hint = checker.context.plan ? 'section 要写所属计划中章节的 id；检查是否写错。' : '没有所属计划时不能写 section，请删掉它。';
    report(checker, [...path, 'section'], 'unknown-section', `所属计划中没有 id 为 “${node.section}” 的章节`, hint);
  }
  checkText(checker, node.text, [...path, 'text']);
  checkText(checker, node.closing, [...path, 'closing']);
  node.children?.forEach((child, i) => checkNode(checker, child, [...path, 'children', i]));
}

function checkText(checker: Checker, text: unknown, path: JsonPath): void {
  if (typeof text === 'string') return checkCitations(checker, text, path);
  if (!Array.isArray(text)) return;
  const sink: TableProblemSink = {
    error: (at, code, message, hint) => report(checker, at, code, message, hint),
    warning: (at, code, message, hint) => report(checker, at, code, message, hint, 'warning'),
  };
  tablesInText(text, path).forEach((table) => checkTable(table, sink));
  text.forEach((block, i) => {
    if (typeof block === 'string') checkCitations(checker, block, [...path, i]);
    else if (block && Array.isArray(block.list)) block.list.forEach((item: unknown, j: number) => checkCitations(checker, item, [...path, i, 'list', j]));
    else if (block && Array.isArray(block.table?.rows)) {
      block.table.rows.forEach((row: unknown, r: number) => Array.isArray(row) && row.forEach((cell: unknown, c: number) => checkCitations(checker, cell, [...path, i, 'table', 'rows', r, c])));
    }
  });
}

function checkCitations(checker: Checker, text: unknown, path: JsonPath): void {
  if (typeof text !== 'string') return;
  for (const reference of citationsIn(text)) {
    const problem = citationProblem(reference, checker.context);
    if (!problem) continue;
    const position = locateWithin(checker.parsed, path, `[[${reference}]]`);
    checker.found.push(makeDiagnostic(checker.parsed, position, 'error', 'unknown-citation', `引用 [[${reference}]] 无法填写：${problem}`,
      '[[id]] 引用目标，[[id.value]] 引用完成数，[[id.rate]] 引用完成率；如果想原样印出 “[[”，请写成 “\\[[”。'));
  }
}
