// Text as the leader reads it in the document ("300人次以上", not `[[training]]`),
// for showing changes: the renderer's own citation expansion.
import { buildCitationIndex, expandCitations } from '../compose/text.js';
import type { Plan } from '../model/plan.js';

export { targetPhrase as metricTargetPhrase } from '../derive/targets.js';

/** Replaces `[[id]]` with the cited metric's target or basis document; unknown ids stay as typed. */
export function resolveCitations(text: string, plan: Plan): string {
  return expandCitations(text, buildCitationIndex(plan.metrics, plan.basis), [], []);
}
