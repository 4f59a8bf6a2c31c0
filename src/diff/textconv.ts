// The plan as plain text for `git diff` (a git "textconv"): one line per
// heading or paragraph, indented by level, WITHOUT the derived numbers, so an
// insertion shows as the inserted lines only and not as every later heading
// renumbered. Citations are resolved, so a changed target shows where it is cited.
import type { Plan } from '../model/plan.js';
import { diffFurniture } from './furniture.js';
import { buildOutline } from './outline.js';
import { metricTargetPhrase } from './phrase.js';

export function planOutlineText(plan: Plan): string {
  const lines: string[] = [];
  const empty = { sections: [] } as unknown as Plan;
  for (const change of diffFurniture(empty, plan)) {
    if (change.after !== undefined) lines.push(`${change.subject}：${change.after.replace(/\n/g, ' ')}`);
  }
  lines.push('');
  for (const node of buildOutline(plan).slice(1)) {
    const indent = '  '.repeat(node.depth - 1);
    const [heading, ...body] = node.title ? node.display.split('\n') : ['', ...node.display.split('\n')];
    if (heading) lines.push(`${indent}${heading}`);
    for (const paragraph of body) lines.push(`${indent}  ${paragraph}`);
  }
  if (plan.metrics?.length) {
    lines.push('', '指标：');
    for (const metric of plan.metrics) {
      lines.push(`  ${metric.name}（${metric.id}，属于 ${metric.task}）：${metricTargetPhrase(metric)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
