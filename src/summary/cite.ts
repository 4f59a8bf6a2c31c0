// Citations in summary text: [[id]] (the target phrase, as in plans),
// [[id.value]] (the tracked value with its unit), [[id.rate]] (completion),
// and the other fields below, so every number in a sentence comes from data.
import { describeTarget } from '../derive/targets.js';
import { formatNumber, formatQuantity, formatRate } from '../derive/progress.js';
import type { SummaryContext } from './context.js';

export const CITATION = /(\\?)\[\[([^[\]\n]+?)\]\]/g;

export const METRIC_FIELDS = ['target', 'value', 'number', 'rate', 'lastYear', 'yoy', 'status', 'name', 'date'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/** Why a citation cannot be resolved; undefined when it can. */
export function citationProblem(reference: string, context: SummaryContext): string | undefined {
  const [head, field, extra] = reference.split('.');
  if (head === 'items') {
    const list = field ? context.progress.items?.[field] : undefined;
    if (!list) return `清单 “${field ?? ''}” 没有定义`;
    return extra === undefined || extra === 'count' ? undefined : `清单只能引用 [[items.${field}]] 或 [[items.${field}.count]]`;
  }
  if (!head) return '引用为空';
  if (!context.metrics.has(head)) {
    if (field === undefined && context.plan?.basis?.some((b) => b.id === head)) return undefined;
    return `没有 id 为 “${head}” 的指标`;
  }
  if (extra !== undefined || (field !== undefined && !(METRIC_FIELDS as readonly string[]).includes(field))) {
    return `“${reference}” 的写法不对，可用 ${METRIC_FIELDS.map((f) => `.${f}`).join(' ')}`;
  }
  return fieldProblem(head, (field ?? 'target') as MetricField, context);
}

function fieldProblem(id: string, field: MetricField, context: SummaryContext): string | undefined {
  const metric = context.metrics.get(id)!;
  const value = context.values.get(id);
  const result = context.results.get(id);
  switch (field) {
    case 'target':
      return metric.target ? undefined : `指标 “${id}” 没有目标，不能引用目标`;
    case 'value':
    case 'number':
    case 'date':
      return value ? undefined : `指标 “${id}” 还没有完成数据（values 中没有它）`;
    case 'rate':
    case 'status':
      if (!metric.target) return `指标 “${id}” 没有目标，算不出完成率`;
      if (!value) return `指标 “${id}” 还没有完成数据（values 中没有它）`;
      return result?.rate === undefined && field === 'rate' ? `指标 “${id}” 缺少基数或上年同期数，算不出完成率` : undefined;
    case 'lastYear':
    case 'yoy':
      if (value?.lastYear === undefined) return `指标 “${id}” 的完成数据没有上年同期数（lastYear）`;
      return field === 'yoy' && value.lastYear === 0 ? `指标 “${id}” 的上年同期数是 0，算不出同比增减` : undefined;
    case 'name':
      return undefined;
  }
}

/** Replaces every citation; an unresolvable one stays visible as “〔?id〕” (load reports it). */
export function resolveCitations(text: string, context: SummaryContext): string {
  return text.replace(CITATION, (whole, escape: string, reference: string) => {
    if (escape) return whole.slice(1);
    if (citationProblem(reference, context)) return `〔?${reference}〕`;
    return citationText(reference, context);
  });
}

/** Every citation reference in a text, for validation. */
export function citationsIn(text: string): string[] {
  return [...text.matchAll(CITATION)].filter((m) => !m[1]).map((m) => m[2]!);
}

function citationText(reference: string, context: SummaryContext): string {
  const [head, field, extra] = reference.split('.') as [string, string | undefined, string | undefined];
  if (head === 'items') {
    const list = context.progress.items![field!]!;
    return extra === 'count' ? String(list.length) : joinItems(list);
  }
  const metric = context.metrics.get(head);
  if (!metric) {
    const basis = context.plan!.basis!.find((b) => b.id === head)!;
    return `《${basis.title}》${basis.number ? `（${basis.number}）` : ''}`;
  }
  return metricFieldText(head, (field ?? 'target') as MetricField, context);
}

/** "A和B" for two items, "A、B、C" for more. */
export function joinItems(items: readonly string[]): string {
  return items.length === 2 ? `${items[0]}和${items[1]}` : items.join('、');
}

export function metricFieldText(id: string, field: MetricField, context: SummaryContext): string {
  const metric = context.metrics.get(id)!;
  const tracked = context.values.get(id);
  const result = context.results.get(id);
  switch (field) {
    case 'target':
      return describeTarget(metric.target!, metric.unit ?? '');
    case 'value':
      return valueText(tracked!.value, metric.unit);
    case 'number':
      return typeof tracked!.value === 'number' ? formatNumber(tracked!.value) : valueText(tracked!.value, undefined);
    case 'rate':
      return formatRate(result!.rate!);
    case 'lastYear':
      return formatQuantity(tracked!.lastYear!, metric.unit);
    case 'yoy':
      return yoyText(result?.yoy);
    case 'status':
      return result!.status!;
    case 'name':
      return metric.name;
    case 'date':
      return chineseDate(tracked!.date);
  }
}

export function valueText(value: number | boolean, unit: string | undefined): string {
  if (typeof value === 'boolean') return value ? '已实现' : '未实现';
  return formatQuantity(value, unit);
}

/** 同比: "增长12.5%", "下降3.0%", "持平". */
export function yoyText(yoy: number | undefined): string {
  if (yoy === undefined) return '';
  const rounded = Math.round(yoy * 1000) / 1000;
  if (rounded === 0) return '持平';
  return `${rounded > 0 ? '增长' : '下降'}${formatRate(Math.abs(yoy))}`;
}

/** "2026-06-30" → "2026年6月30日" (GB/T 9704 PL-11). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
