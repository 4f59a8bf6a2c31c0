// How a metric's target reads in a sentence ("300人次以上", "2—3场", "增长10%以上").
// Pure and shared: compose expands citations with it, summaries and the
// schema's drift warning compare text against it.
import type { Metric, Target, TargetWording } from '../model/plan.js';

const PREFIX_WORDINGS: ReadonlySet<TargetWording> = new Set(['不低于', '至少', '不少于', '达到', '不超过']);

/**
 * GB/T 15835: Arabic digits, as typed in the data. 107.1564 stays, 10 never
 * becomes "10.0", and no thousands separators are added.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}

/** The amount with its unit, e.g. "300人次", "65%". */
export function amount(value: number, unit = ''): string {
  return `${formatNumber(value)}${unit}`;
}

/**
 * The target as cited in a sentence. `before` is the sentence up to the
 * citation: after a verb such as 达到 a prefix wording would double it
 * ("达到不低于92%"), so the amount takes the matching suffix instead ("达到92%以上").
 */
export function targetPhrase(metric: Pick<Metric, 'target' | 'unit'>, before = ''): string {
  const target = metric.target;
  if ((target.kind === 'atLeast' || target.kind === 'atMost') && target.wording && PREFIX_WORDINGS.has(target.wording) && VERB_BEFORE.test(before)) {
    return `${amount(target.value, metric.unit ?? '')}${AFTER_VERB[target.wording] ?? ''}`;
  }
  return describeTarget(target, metric.unit ?? '');
}

/** verbs that already say how the amount relates to the target */
const VERB_BEFORE = /(达到|不低于|至少|不超过|超过|高于|低于|控制在|保持在|稳定在)$/;

/** what a prefix wording becomes after such a verb */
const AFTER_VERB: Partial<Record<TargetWording, string>> = { 不低于: '以上', 至少: '以上', 达到: '', 不超过: '以下' };

export function describeTarget(target: Target, unit = ''): string {
  switch (target.kind) {
    case 'atLeast':
      return withWording(amount(target.value, unit), target.wording ?? '以上');
    case 'atMost':
      return withWording(amount(target.value, unit), target.wording ?? '以下');
    case 'range':
      return rangePhrase(target.min, target.max, unit, target.separator ?? '—');
    case 'exact':
      return amount(target.value, unit);
    case 'growth':
      return `增长${formatNumber(target.rate)}%${target.orMore === false ? '' : '以上'}`;
    case 'vsLastYear':
      return lastYearPhrase(target.relation, target.year);
    case 'achieve':
      return target.statement;
  }
}

function withWording(text: string, wording: TargetWording): string {
  return PREFIX_WORDINGS.has(wording) ? `${wording}${text}` : `${text}${wording}`;
}

/** "2—3场"; a percentage repeats its sign on both ends ("15%～30%", GB/T 15834 TX-02). */
function rangePhrase(min: number, max: number, unit: string, separator: string): string {
  const low = unit === '%' ? amount(min, unit) : formatNumber(min);
  return `${low}${separator}${amount(max, unit)}`;
}

function lastYearPhrase(relation: 'notBelow' | 'above', year: number | undefined): string {
  if (year === undefined) return relation === 'notBelow' ? '不低于上年度规模' : '高于上年';
  return `${relation === 'notBelow' ? '不低于' : '高于'}${year}年`;
}
