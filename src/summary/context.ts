// Everything a summary knows about its metrics, in one place: definitions from
// the plan (or the standalone file), the latest tracked value of each, and
// their evaluation. Built once, read by citations, sentences and the table.
import type { Metric, Plan, Section } from '../model/plan.js';
import type { MetricValue, Progress, TrackedMetric } from '../model/progress.js';
import { evaluateMetric, periodRange, type MetricProgress } from '../derive/progress.js';

export type MetricDef = TrackedMetric & Partial<Pick<Metric, 'baseline'>>;

export interface SummaryContext {
  progress: Progress;
  plan?: Plan;
  year: number;
  /** last day of the period, ISO */
  periodEnd: string;
  metrics: Map<string, MetricDef>;
  /** latest value per metric */
  values: Map<string, MetricValue>;
  results: Map<string, MetricProgress>;
  /** plan sections by id, with their parent chain (outermost first) */
  sections: Map<string, { section: Section; ancestors: Section[] }>;
}

export function buildContext(progress: Progress, plan: Plan | undefined): SummaryContext {
  const metrics = new Map<string, MetricDef>();
  for (const metric of [...(plan?.metrics ?? []), ...(progress.metrics ?? [])]) {
    if (!metrics.has(metric.id)) metrics.set(metric.id, metric);
  }
  const values = latestValues(progress.values ?? []);
  const year = progress.period.year;
  const periodEnd = periodRange(progress.period).end;
  const results = new Map<string, MetricProgress>();
  for (const metric of metrics.values()) {
    const tracked = values.get(metric.id);
    const numeric = tracked && { value: tracked.value, date: tracked.date, lastYear: tracked.lastYear };
    results.set(metric.id, evaluateMetric(metric, numeric, plan?.year ?? year, periodEnd));
  }
  return { progress, plan, year, periodEnd, metrics, values, results, sections: indexSections(plan?.sections ?? []) };
}

/** The entry with the latest date wins; on equal dates, the later entry in the file. */
export function latestValues(entries: readonly MetricValue[]): Map<string, MetricValue> {
  const latest = new Map<string, MetricValue>();
  for (const entry of entries) {
    const current = latest.get(entry.metric);
    if (!current || entry.date >= current.date) latest.set(entry.metric, entry);
  }
  return latest;
}

export function indexSections(sections: readonly Section[], ancestors: Section[] = [], index = new Map<string, { section: Section; ancestors: Section[] }>()) {
  for (const section of sections) {
    if (section.id) index.set(section.id, { section, ancestors });
    indexSections(section.children ?? [], [...ancestors, section], index);
  }
  return index;
}
