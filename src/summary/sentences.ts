// The sentences a summary computes from data: one per metric in 主要工作及成效,
// the overall figures of the opening, the lagging items of 存在的问题 and the
// unfinished work of the next period's plan.
import { chineseNumeral } from '../derive/numbering.js';
import { describeTarget } from '../derive/targets.js';
import { formatPoints, formatQuantity, formatRate, type MetricStatus } from '../derive/progress.js';
import type { Period, TaskProgress } from '../model/progress.js';
import { valueText, yoyText, chineseDate } from './cite.js';
import type { MetricDef, SummaryContext } from './context.js';

/** "完成转移就业培训180人次，完成年度目标的60.0%，同比增长20.0%" (no final mark). */
export function metricSentence(metric: MetricDef, context: SummaryContext): string | undefined {
  const tracked = context.values.get(metric.id);
  const result = context.results.get(metric.id);
  if (!tracked || !result) return undefined;
  const value = valueText(tracked.value, metric.unit);
  const yoy = result.yoy === undefined ? '' : `，同比${yoyText(result.yoy)}`;
  const target = metric.target;
  if (!target) return `${metric.name}${value}${yoy}`;
  if (target.kind === 'achieve') return `${metric.name}目标${tracked.value ? '已实现' : '尚未实现'}`;
  const phrase = describeTarget(target, metric.unit ?? '');
  if (target.kind === 'growth' || target.kind === 'vsLastYear') {
    return `${metric.name}${value}${yoy}，${result.met ? '达到' : '未达到'}“${phrase}”的目标`;
  }
  if (metric.cumulative && result.rate !== undefined) return `完成${metric.name}${value}，完成年度目标的${formatRate(result.rate)}${yoy}`;
  return `${metric.name}${value}（目标${phrase}），${result.met ? '达到' : '未达到'}目标要求${yoy}`;
}

const COUNTED: readonly MetricStatus[] = ['超额完成', '已完成', '序时推进', '滞后', '未报送'];

/** "对照年初确定的20项主要指标，12项已完成（其中超额完成3项），5项序时推进，2项滞后，1项未报送". */
export function overallFigures(context: SummaryContext): string | undefined {
  const counts = new Map<MetricStatus, number>(COUNTED.map((s) => [s, 0]));
  for (const result of context.results.values()) if (result.status) counts.set(result.status, counts.get(result.status)! + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const exceeded = counts.get('超额完成')!;
  const done = exceeded + counts.get('已完成')!;
  const parts = [`${done}项已完成${exceeded ? `（其中超额完成${exceeded}项）` : ''}`];
  for (const status of ['序时推进', '滞后', '未报送'] as const) {
    const n = counts.get(status)!;
    if (n) parts.push(`${n}项${status}`);
  }
  return `对照年初确定的${total}项主要指标，${parts.join('，')}`;
}

/** "2026年上半年", "2026年", "2026年第一季度", "2026年3月", "截至2026年9月15日". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'half':
      return `${period.year}年${period.half === 2 ? '下' : '上'}半年`;
    case 'year':
      return `${period.year}年`;
    case 'quarter':
      return `${period.year}年第${chineseNumeral(period.quarter ?? 1)}季度`;
    case 'month':
      return `${period.year}年${period.month ?? 1}月`;
    case 'asOf':
      return `截至${chineseDate(period.asOf ?? `${period.year}-12-31`)}`;
  }
}

/** One lagging item: a metric below its target or time-sequence expectation. */
export function laggingMetricPhrase(metric: MetricDef, context: SummaryContext): string | undefined {
  const result = context.results.get(metric.id);
  const tracked = context.values.get(metric.id);
  if (result?.status !== '滞后' || !tracked || !metric.target) return undefined;
  const value = valueText(tracked.value, metric.unit);
  if (metric.target.kind === 'achieve') return `${metric.name}目标尚未实现`;
  const phrase = describeTarget(metric.target, metric.unit ?? '');
  if (metric.cumulative && result.rate !== undefined && result.expected !== undefined) {
    return `${metric.name}完成${value}，完成率${formatRate(result.rate)}，低于序时进度${formatPoints(result.expected - result.rate)}`;
  }
  return `${metric.name}为${value}，未达到${phrase}的目标`;
}

/** One lagging task: 滞后, 未启动 (after the first half) or 暂停. */
export function laggingTaskPhrase(task: TaskProgress, title: string): string | undefined {
  if (task.status !== '滞后' && task.status !== '暂停') return undefined;
  const progress = task.progress ? `，${stripFinalMark(task.progress)}` : '';
  return `${title}进展${task.status === '暂停' ? '暂停' : '滞后'}${progress}`;
}

/** What remains of a metric's target, for the next period's plan. */
export function remainingMetricPhrase(metric: MetricDef, context: SummaryContext): string | undefined {
  const result = context.results.get(metric.id);
  if (!metric.target || !result || result.status === '已完成' || result.status === '超额完成') return undefined;
  const tracked = context.values.get(metric.id);
  const target = metric.target;
  if (target.kind === 'achieve') return `确保${target.statement}`;
  const goal = target.kind === 'atLeast' || target.kind === 'exact' ? target.value : target.kind === 'range' ? target.min : undefined;
  if (metric.cumulative && goal !== undefined && typeof tracked?.value === 'number' && goal > tracked.value) {
    return `${metric.name}尚需完成${formatQuantity(goal - tracked.value, metric.unit)}`;
  }
  return `推动${metric.name}${describeTarget(target, metric.unit ?? '')}`;
}

export function unfinishedTaskPhrase(task: TaskProgress, title: string): string | undefined {
  if (task.status === '完成') return undefined;
  if (/^(推进|推动|加快|持续|继续)/.test(title)) return title; // the title already says what to do
  return `${task.status === '正常推进' ? '持续推进' : '加快推进'}${title}`;
}

/** "一是……；二是……。" */
export function enumerate(phrases: readonly string[]): string {
  return `${phrases.map((p, i) => `${chineseNumeral(i + 1)}是${p}`).join('；')}。`;
}

export function stripFinalMark(text: string): string {
  return text.trim().replace(/[。；，]+$/, '');
}

export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？：]$/.test(trimmed) ? trimmed : `${stripFinalMark(trimmed)}。`;
}
