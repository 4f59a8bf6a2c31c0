// How a metric target and a citation read in the document, for showing changes
// in the words a leader reads ("300人次以上", not `{kind: atLeast, value: 300}`).
import { targetPhrase } from '../derive/targets.js';
import type { Metric, Plan } from '../model/plan.js';

export function metricTargetPhrase(metric: Metric): string {
  return targetPhrase(metric);
}

const CITATION = /\\\[\[|\[\[([^\]\s]+)\]\]/g;

/** Replaces `[[id]]` with the cited metric's target or basis document, as the renderer does. */
export function resolveCitations(text: string, plan: Plan): string {
  return text.replace(CITATION, (whole, id: string | undefined) => {
    if (id === undefined) return '[[';
    const metric = plan.metrics?.find((m) => m.id === id);
    if (metric) return metricTargetPhrase(metric);
    const basis = plan.basis?.find((b) => b.id === id);
    if (basis) return `《${basis.title}》${basis.number ? `（${basis.number}）` : ''}`;
    return whole;
  });
}
