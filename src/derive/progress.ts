// Progress maths: completion per target kind, the time-sequence expectation
// (序时进度), a status per metric, 同比 growth and number formatting
// (GB/T 15835). Pure functions: no I/O, no clock.
import type { Target } from '../model/plan.js';
import type { Period } from '../model/progress.js';

/** Rates are fractions: 1 means 100%. */
export interface Completion {
  /** completion rate; undefined when it cannot be computed (no baseline, no last-year value) */
  rate?: number;
  /** whether the target is met */
  met: boolean;
  /** beyond the target (above a range's maximum); when absent, a rate over 100% */
  exceeded?: boolean;
  /** for a growth target: the actual growth in percent (6.2 for 6.2%) */
  growth?: number;
}

export interface CompletionContext {
  /** baseline value, for growth targets */
  baseline?: number;
  /** value of the same period last year, for growth and vsLastYear targets */
  lastYear?: number;
  /** the value is itself the growth rate in percent (a growth metric counted in %) */
  valueIsGrowth?: boolean;
}

const EPSILON = 1e-9;

export function completion(target: Target, value: number | boolean, context: CompletionContext = {}): Completion {
  if (target.kind === 'achieve') return value === true ? { rate: 1, met: true } : { rate: 0, met: false };
  const n = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  switch (target.kind) {
    case 'atLeast':
      return { rate: ratio(n, target.value), met: n >= target.value - EPSILON };
    case 'exact':
      return { rate: ratio(n, target.value), met: Math.abs(n - target.value) <= EPSILON };
    case 'atMost':
      // Staying under a ceiling is complete; going over it scores the share of the ceiling.
      return { rate: n <= target.value ? 1 : ratio(target.value, n), met: n <= target.value + EPSILON };
    case 'range':
      return { rate: ratio(n, target.min), met: n >= target.min - EPSILON && n <= target.max + EPSILON, exceeded: n > target.max + EPSILON };
    case 'growth':
      return growthCompletion(target.rate, context.valueIsGrowth ? n : growthPercent(n, context.baseline ?? context.lastYear));
    case 'vsLastYear':
      return lastYearCompletion(target.relation, n, context.lastYear ?? context.baseline);
  }
}

function ratio(numerator: number, denominator: number): number | undefined {
  if (denominator === 0) return numerator === 0 ? 1 : undefined;
  return numerator / denominator;
}

/**
 * A growth target compares a growth rate with a growth rate: no completion
 * rate (6.2% of a 7.5% target is not "82.7% done"), only met or not, and by
 * how many points (`growth`).
 */
function growthCompletion(targetPercent: number, actualPercent: number | undefined): Completion {
  if (actualPercent === undefined) return { met: false };
  return { met: actualPercent >= targetPercent - EPSILON, exceeded: actualPercent > targetPercent + EPSILON, growth: actualPercent };
}

function growthPercent(value: number, base: number | undefined): number | undefined {
  const rate = growthRate(value, base);
  return rate === undefined ? undefined : rate * 100;
}

function lastYearCompletion(relation: 'notBelow' | 'above', value: number, lastYear: number | undefined): Completion {
  if (lastYear === undefined) return { met: false };
  const met = relation === 'notBelow' ? value >= lastYear - EPSILON : value > lastYear + EPSILON;
  return { rate: ratio(value, lastYear), met };
}

/** 同比: growth against the same period last year, as a fraction; undefined without a usable base. */
export function growthRate(value: number, lastYear: number | undefined): number | undefined {
  if (lastYear === undefined || lastYear === 0) return undefined;
  return (value - lastYear) / Math.abs(lastYear);
}

// ---------------------------------------------------------------- time sequence

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Parses an ISO date "2026-06-30" into its parts; undefined when it is not a real date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** 1 on 1 January, 181 on 30 June of a common year. */
export function dayOfYear(isoDate: string): number {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`not an ISO date: ${isoDate}`);
  const start = Date.UTC(parts.year, 0, 1);
  return Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - start) / 86_400_000) + 1;
}

/**
 * 序时进度: the share of a cumulative annual target expected by a date
 * (on 30 June: 181/365 = 49.6%). Dates before or after the plan year clamp to 0 and 1.
 */
export function timeSequenceExpectation(isoDate: string, planYear: number): number {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`not an ISO date: ${isoDate}`);
  if (parts.year < planYear) return 0;
  if (parts.year > planYear) return 1;
  return dayOfYear(isoDate) / daysInYear(planYear);
}

/** First and last day of a period, as ISO dates. */
export function periodRange(period: Period): { start: string; end: string } {
  const { year } = period;
  switch (period.kind) {
    case 'year':
      return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
    case 'half':
      return period.half === 2 ? { start: iso(year, 7, 1), end: iso(year, 12, 31) } : { start: iso(year, 1, 1), end: iso(year, 6, 30) };
    case 'quarter': {
      const q = period.quarter ?? 1;
      return { start: iso(year, 3 * q - 2, 1), end: iso(year, 3 * q, lastDayOfMonth(year, 3 * q)) };
    }
    case 'month': {
      const m = period.month ?? 1;
      return { start: iso(year, m, 1), end: iso(year, m, lastDayOfMonth(year, m)) };
    }
    case 'asOf':
      return { start: iso(year, 1, 1), end: period.asOf ?? iso(year, 12, 31) };
  }
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- status

export type MetricStatus = '超额完成' | '已完成' | '序时推进' | '控制在目标内' | '滞后' | '未报送';

export interface StatusInput {
  completion?: Completion;
  /** true when the metric accumulates over the year */
  cumulative?: boolean;
  /** the 序时进度 expected on the value's date (a fraction) */
  expected?: number;
  /** the target kind: a ceiling or an exact level is only judged when the year is over */
  kind?: Target['kind'];
  /** false while the year the target is judged on is still running (a half-year or quarter report) */
  final?: boolean;
}

/**
 * 超额完成 above 100% (for a range: above its maximum); 已完成 at 100% or when the target is met; for a
 * cumulative metric 序时推进 when on or above the time-sequence expectation;
 * otherwise 滞后; 未报送 without a value. Before the year is over, a ceiling kept
 * is 控制在目标内 and an exact level held is 序时推进: either can still be missed.
 */
export function metricStatus({ completion: done, cumulative, expected, kind, final = true }: StatusInput): MetricStatus {
  if (!done) return '未报送';
  if (!final && done.met && kind === 'atMost') return '控制在目标内';
  if (!final && done.met && kind === 'exact' && !cumulative) return '序时推进';
  if (done.exceeded ?? (done.met && done.rate !== undefined && done.rate > 1 + EPSILON)) return '超额完成';
  if (done.met) return '已完成';
  if (cumulative && done.rate !== undefined && expected !== undefined && done.rate >= expected - EPSILON) return '序时推进';
  return '滞后';
}

// ---------------------------------------------------------------- formatting (GB/T 15835)

/** A rate as a percentage with one decimal: 0.6 → "60.0%". */
export function formatRate(rate: number): string {
  return `${roundTo(rate * 100, 1).toFixed(1)}%`;
}

/** A difference of two rates in 百分点: 0.123 → "12.3个百分点". */
export function formatPoints(difference: number): string {
  return `${roundTo(Math.abs(difference) * 100, 1).toFixed(1)}个百分点`;
}

/**
 * A number in Chinese prose: Arabic digits, no thousands separator, integers
 * without decimals, other values with at most `maxDecimals` decimals (trailing
 * zeros dropped). 万元 keeps four decimals, i.e. down to the 元.
 */
export function formatNumber(value: number, maxDecimals = 4): string {
  const rounded = roundTo(value, maxDecimals);
  if (Number.isInteger(rounded)) return String(rounded);
  return rounded.toFixed(maxDecimals).replace(/0+$/, '').replace(/\.$/, '');
}

/** A value with its unit: 180 人次 → "180人次", 54.3 万元 → "54.3万元". */
export function formatQuantity(value: number, unit: string | undefined): string {
  return `${formatNumber(value, decimalsFor(unit))}${unit ?? ''}`;
}

function decimalsFor(unit: string | undefined): number {
  if (unit === '%') return 2;
  return 4;
}

/** Converts 元 to 万元, for money a plan counts in 万元: 173750 → 17.375. */
export function yuanToWan(yuan: number): number {
  return roundTo(yuan / 10_000, 6);
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

// ---------------------------------------------------------------- one metric

export interface MetricDefinition {
  id: string;
  name: string;
  unit?: string;
  target?: Target;
  cumulative?: boolean;
  baseline?: { value: number; year: number };
}

export interface TrackedValue {
  value: number | boolean;
  date: string;
  lastYear?: number;
}

export interface MetricProgress {
  id: string;
  value?: number | boolean;
  date?: string;
  /** completion rate (fraction); undefined when there is no target, no value or no base */
  rate?: number;
  met: boolean;
  /** undefined when the metric has no target */
  status?: MetricStatus;
  /** 序时进度 on the value's date, for cumulative metrics */
  expected?: number;
  /** 同比 growth (fraction) */
  yoy?: number;
  /** for a growth target: the actual growth in percent */
  growth?: number;
}

/** A growth metric counted in % records the growth rate itself (“增长6.2%”), not a level. */
export function valueIsGrowthRate(metric: Pick<MetricDefinition, 'target' | 'unit'>): boolean {
  return metric.target?.kind === 'growth' && metric.unit === '%';
}

/**
 * Everything the summary and the dashboard say about one metric. `asOf` is the
 * last day of the reporting period: before 31 December of the plan year,
 * ceilings and exact levels are not yet complete.
 */
export function evaluateMetric(metric: MetricDefinition, tracked: TrackedValue | undefined, planYear: number, asOf?: string): MetricProgress {
  const base = { id: metric.id, met: false };
  if (!tracked) return { ...base, status: metric.target ? '未报送' : undefined };
  const growthValue = valueIsGrowthRate(metric);
  const yoy = typeof tracked.value === 'number' && !growthValue ? growthRate(tracked.value, tracked.lastYear) : undefined;
  const result: MetricProgress = { ...base, value: tracked.value, date: tracked.date, yoy };
  if (!metric.target) return result;
  const done = completion(metric.target, tracked.value, { baseline: metric.baseline?.value, lastYear: tracked.lastYear, valueIsGrowth: growthValue });
  const expected = metric.cumulative ? timeSequenceExpectation(tracked.date, planYear) : undefined;
  // without last year's figure (or a baseline) a growth target cannot be judged: the data is not all in
  if ((metric.target.kind === 'growth' || metric.target.kind === 'vsLastYear') && done.rate === undefined && done.growth === undefined) {
    return { ...result, status: '未报送' };
  }
  const final = asOf === undefined || asOf >= `${planYear}-12-31`;
  const status = metricStatus({ completion: done, cumulative: metric.cumulative, expected, kind: metric.target.kind, final });
  return { ...result, rate: done.rate, met: done.met, expected, growth: done.growth, status };
}
