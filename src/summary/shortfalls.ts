// 存在的问题 and the next period's plan, computed from data: one item per
// lagging (or unfinished) task with its metrics folded in, one per other
// lagging (or unfinished) metric. Items the writer's own text already covers
// (it cites the metric, or names the metric or the task) are left out.
import type { TaskProgress } from '../model/progress.js';
import { formatNumber, formatPoints, valueIsGrowthRate } from '../derive/progress.js';
import type { MetricDef, SummaryContext } from './context.js';
import { collapseDoubled, joinWords, namesThing, percent, startsWithVerb } from './phrases.js';
import { stripFinalMark } from './sentences.js';
import { actionLead, bareName, ensureStatement, goalAmount, growthClause, metricShape, quantity, targetText } from './wording.js';

export interface Item {
  /** the level-2 plan section the item belongs to, for grouping */
  group?: string;
  text: string;
}

export interface Coverage {
  /** the writer's own text of the part, citations resolved */
  text: string;
  /** metric ids the writer's text cites */
  cited: ReadonlySet<string>;
}

interface Phrasing {
  taskPhrase: (task: TaskProgress, title: string, context: SummaryContext) => string | undefined;
  metricPhrase: (metric: MetricDef, context: SummaryContext) => string | undefined;
}

/** Items of one computed part, in plan order, grouped by the caller. */
function computedItems(context: SummaryContext, coverage: Coverage, phrasing: Phrasing, groupOf: (sectionId: string | undefined) => string | undefined): Item[] {
  const items: Item[] = [];
  const attached = new Set<string>();
  const covered = (metric: MetricDef) => coverage.cited.has(metric.id) || namesThing(coverage.text, metric.name);
  for (const task of context.progress.tasks ?? []) {
    const title = context.sections.get(task.task)?.section.title ?? task.task;
    const lead = phrasing.taskPhrase(task, title, context);
    if (!lead) continue;
    const metrics = [...context.metrics.values()].filter((m) => m.task === task.task);
    metrics.forEach((m) => attached.add(m.id));
    if (namesThing(coverage.text, title)) continue;
    const said = lead;
    const extra = metrics
      .filter((m) => !covered(m) && !namesThing(said, m.name))
      .map((m) => phrasing.metricPhrase(m, context))
      .filter((p): p is string => p !== undefined);
    items.push({ group: groupOf(task.task), text: [lead, ...extra].join('，') });
  }
  for (const metric of context.metrics.values()) {
    if (attached.has(metric.id) || covered(metric)) continue;
    const phrase = phrasing.metricPhrase(metric, context);
    if (phrase) items.push({ group: groupOf(metric.task), text: phrase });
  }
  const seen = new Set<string>();
  return items
    .map((item) => ({ ...item, text: collapseDoubled(stripFinalMark(item.text)) }))
    .filter((item) => !seen.has(item.text) && seen.add(item.text));
}

// ---- 存在的问题 ----------------------------------------------------------------

export function problemItems(context: SummaryContext, coverage: Coverage, groupOf: (id: string | undefined) => string | undefined): Item[] {
  return computedItems(context, coverage, { taskPhrase: taskProblem, metricPhrase: metricProblem }, groupOf);
}

function isFinal(context: SummaryContext): boolean {
  return context.periodEnd >= `${context.plan?.year ?? context.year}-12-31`;
}

function taskProblem(task: TaskProgress, title: string, context: SummaryContext): string | undefined {
  const progress = task.progress ? `，${stripFinalMark(task.progress)}` : '';
  if (task.status === '滞后') return `${title}进展滞后${progress}`;
  if (task.status === '暂停') return `${title}暂停实施${progress}`;
  if (task.status === '未启动' && isFinal(context)) return `${title}全年未能启动${progress}`;
  return undefined;
}

/** A lagging metric, phrased as a problem: "村级集体经济经营性收入为6.5万元，距年度目标10万元仍有差距". */
export function metricProblem(metric: MetricDef, context: SummaryContext): string | undefined {
  const result = context.results.get(metric.id);
  const tracked = context.values.get(metric.id);
  const target = metric.target;
  if (result?.status !== '滞后' || !tracked || !target) return undefined;
  const note = tracked.note ? `（${stripFinalMark(tracked.note)}）` : '';
  if (typeof tracked.value === 'boolean') {
    const statement = target.kind === 'achieve' ? target.statement : targetText(metric);
    const reason = tracked.note ? `，${stripFinalMark(tracked.note)}` : '';
    if (/^(高于|低于|不低于|超过|快于|优于)/.test(statement)) return `${metric.name}未能${statement}${reason}`;
    if (/^(无|不|未|没有|杜绝)/.test(statement)) return `未能实现“${statement}”的目标${reason}`;
    return `${statement}尚未实现${reason}`;
  }
  const value = tracked.value;
  const figure = quantity(value, metric);
  const name = metric.name;
  switch (target.kind) {
    case 'growth': {
      if (result.growth === undefined) return undefined;
      const growth = valueIsGrowthRate(metric) ? growthClause(name, result.growth) : `${joinWords(name, '为')}${figure}，${growthClause('同比增长', result.growth)}`;
      return `${growth}${note}，低于年度目标${formatPoints((target.rate - result.growth) / 100)}`;
    }
    case 'vsLastYear':
      return `${name}为${figure}，低于上年的${quantity(tracked.lastYear ?? 0, metric)}${note}`;
    case 'atMost':
      return `${name}为${figure}，超出${targetText(metric)}的控制目标${note}`;
    default:
      break;
  }
  const goal = goalAmount(target);
  if (metric.cumulative && goal !== undefined && result.rate !== undefined) return cumulativeProblem(metric, context, value, goal) + note;
  const gap = goal === undefined ? targetText(metric) : quantity(goal, metric);
  return `${joinWords(name, '为')}${figure}${note}，距年度目标${gap}仍有差距`;
}

function cumulativeProblem(metric: MetricDef, context: SummaryContext, value: number, goal: number): string {
  const result = context.results.get(metric.id)!;
  const name = metric.name;
  if (value === 0) return `${zeroProgress(metric)}，距${targetText(metric)}的年度目标差距较大`;
  if (isFinal(context)) return `${name}全年完成${quantity(value, metric)}，距年度目标${quantity(goal, metric)}还差${quantity(goal - value, metric)}`;
  const behind = result.expected === undefined ? '' : `，低于序时进度${formatPoints(result.expected - result.rate!)}`;
  return `${name}进度偏慢，仅完成${quantity(value, metric)}，占年度目标的${percent(result.rate!)}${behind}`;
}

/** "专场招聘会尚未举办", "龙头企业尚无新增", "培育新型经营主体尚无进展". */
function zeroProgress(metric: MetricDef): string {
  if (metricShape(metric) === 'count') return `${metric.name}尚无新增`;
  if (metricShape(metric) === 'activity') {
    const verb = actionLead(metric).replace(/^(每月|每季度|每年|每周|每个行政村|每个村|每村|每户|每人|每个|各村)/, '').slice(0, 2);
    return `${metric.name}尚未${verb}`;
  }
  return `${metric.name}尚无进展`;
}

// ---- next period ----------------------------------------------------------------

export function nextStepItems(context: SummaryContext, coverage: Coverage, groupOf: (id: string | undefined) => string | undefined): Item[] {
  return computedItems(context, coverage, { taskPhrase: taskAction, metricPhrase: remainingWork }, groupOf);
}

const HAS_ADVERB = /^(持续|继续|加快|加大|全力|积极|扎实|深入|抓紧|尽快|进一步|着力|大力)/;

/** "持续优化动态监测机制", "加快推进人居环境整治", "抓紧提升人居环境". */
function taskAction(task: TaskProgress, title: string): string | undefined {
  if (task.status === '完成') return undefined;
  if (HAS_ADVERB.test(title)) return title;
  const verbFirst = startsWithVerb(title);
  switch (task.status) {
    case '正常推进':
      return verbFirst ? `进一步${title}` : `持续推进${title}`;
    case '滞后':
      return verbFirst ? `加快${title}` : `加快推进${title}`;
    case '暂停':
      return verbFirst ? `尽快恢复并${title}` : `尽快恢复${title}`;
    case '未启动':
      return verbFirst ? `抓紧${title}` : `尽快启动${title}`;
  }
}

/** What is left of a metric's target, as an action with the quantity computed from data. */
export function remainingWork(metric: MetricDef, context: SummaryContext): string | undefined {
  const result = context.results.get(metric.id);
  const target = metric.target;
  if (!target || !result || result.status === '已完成' || result.status === '超额完成') return undefined;
  const tracked = context.values.get(metric.id);
  const value = typeof tracked?.value === 'number' ? tracked.value : undefined;
  const name = metric.name;
  if (!tracked) return undefined; // nothing reported: nothing to compute from
  switch (target.kind) {
    case 'achieve':
      return ensureStatement(metric, target.statement);
    case 'growth':
      return `力争${joinWords(name, targetText(metric))}`;
    case 'vsLastYear':
      return `确保${joinWords(name, targetText(metric))}`;
    case 'atMost': {
      const phrase = targetText(metric);
      return `确保${joinWords(name, /^不超过/.test(phrase) ? '' : '控制在')}${phrase}`;
    }
    default:
      break;
  }
  const goal = goalAmount(target)!;
  if (value === undefined) return undefined; // nothing reported: nothing to compute from
  if (result.status === '序时推进' && target.kind === 'exact' && !metric.cumulative) {
    return metricShape(metric) === 'level' ? `继续保持${name}${quantity(value, metric)}` : `坚持${actionLead(metric)}${quantity(value, metric)}`;
  }
  if (metric.cumulative) return cumulativeRemaining(metric, context, value, goal);
  return `推动${joinWords(name, '由')}${quantity(value, metric)}提高到${targetText(metric).replace(/^(不低于|至少|达到)/, '')}`;
}

function cumulativeRemaining(metric: MetricDef, context: SummaryContext, value: number, goal: number): string {
  const target = metric.target!;
  const lead = actionLead(metric);
  if (isFinal(context)) return `加大${bareName(metric.name)}工作力度，补齐今年${quantity(Math.max(goal - value, 0), metric)}的缺口`;
  const when = `${context.progress.period.kind === 'half' ? '下半年' : '年内'}${value > 0 ? '再' : ''}`;
  if (target.kind === 'range') {
    const low = formatNumber(Math.max(target.min - value, 0));
    return `${when}${lead}${low}${target.separator ?? '—'}${quantity(target.max - value, metric)}`;
  }
  const more = target.kind === 'atLeast' ? '以上' : '';
  return `${when}${lead}${quantity(goal - value, metric)}${more}`;
}
