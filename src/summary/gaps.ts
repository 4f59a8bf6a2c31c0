// What a summary has to leave out or hedge for want of data, reported by
// `plandoc check` as warnings: metrics with a target and no value yet (the
// summary counts them as 尚无统计数据), growth targets without a base to grow
// from, and a standalone summary's metrics with neither target nor value.
// Render does not print these: a summary written before every figure is in is
// still a valid summary.
import type { Plan } from '../model/plan.js';
import type { Progress } from '../model/progress.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { locate, makeDiagnostic, type JsonPath, type ParsedYaml } from '../load/yaml.js';
import { valueIsGrowthRate } from '../derive/progress.js';
import { buildContext, type SummaryContext } from './context.js';
import { joinItems } from './cite.js';

export function summaryGaps(progress: Progress, plan: Plan | undefined, parsed: ParsedYaml): Diagnostic[] {
  if (progress.body) return []; // a free-structure summary cites what it means to
  const context = buildContext(progress, plan);
  const warn = (path: JsonPath, code: string, message: string, hint: string) => makeDiagnostic(parsed, locate(parsed, path, { key: true }), 'warning', code, message, hint);
  return [...missingValues(context, warn), ...missingBases(context, warn), ...idleMetrics(context, warn)];
}

type Warn = (path: JsonPath, code: string, message: string, hint: string) => Diagnostic;

function missingValues(context: SummaryContext, warn: Warn): Diagnostic[] {
  const missing = [...context.metrics.values()].filter((m) => m.target && !context.values.has(m.id));
  if (!missing.length) return [];
  const where = context.progress.values ? ['values'] : ['period'];
  const names = joinItems(missing.map((m) => `“${m.name}”（${m.id}）`));
  const example = missing[0]!;
  const value = example.target?.kind === 'achieve' ? 'true' : '完成数';
  const them = missing.length > 1 ? '它们' : '它';
  return [warn(where, 'value-missing', `${missing.length}项指标还没有完成数据：${names}；总结中计为“尚无统计数据”，不写${them}的成效和下步打算`,
    `在 values 中补上，例如 - { metric: ${example.id}, value: ${value}, date: ${context.periodEnd} }。`)];
}

function missingBases(context: SummaryContext, warn: Warn): Diagnostic[] {
  const found: Diagnostic[] = [];
  (context.progress.values ?? []).forEach((entry, i) => {
    const metric = context.metrics.get(entry.metric);
    const kind = metric?.target?.kind;
    if (!metric || typeof entry.value !== 'number' || context.values.get(metric.id) !== entry) return;
    const needsBase = (kind === 'growth' && !valueIsGrowthRate(metric) && metric.baseline === undefined) || kind === 'vsLastYear';
    if (!needsBase || entry.lastYear !== undefined) return;
    found.push(warn(['values', i], 'last-year-missing', `指标“${metric.name}”的目标要和上年比，这条数据没有上年同期数，算不出是否达到目标`,
      kind === 'growth' ? '写上 lastYear: 上年同期数；或者把指标的单位改为 %，直接填写增长率。' : '写上 lastYear: 上年同期数。'));
  });
  return found;
}

function idleMetrics(context: SummaryContext, warn: Warn): Diagnostic[] {
  return (context.progress.metrics ?? []).flatMap((metric, i) =>
    metric.target || context.values.has(metric.id)
      ? []
      : [warn(['metrics', i], 'metric-idle', `指标“${metric.name}”既没有目标也没有完成数据，总结中不会写到它`, '在 values 中写上它的完成数，或给它定一个目标（target），或删掉这个指标。')]);
}
