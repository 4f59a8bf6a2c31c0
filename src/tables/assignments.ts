// Opt-in check (tables.tasks.checkAssignments): a task the 责任分工表 lists
// without a 牵头单位 or a 完成时限 is a gap the office wants to see before sign-off.
import type { Plan } from '../model/plan.js';
import type { RuleContext } from '../load/plan-rules.js';
import { listedTasks } from './derive.js';

type Data = Record<string, unknown>;
const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkTaskAssignments(plan: Data, ctx: RuleContext): void {
  const options = isData(plan.tables) ? plan.tables.tasks : undefined;
  if (!isData(options) || options.checkAssignments !== true || !Array.isArray(plan.sections)) return;
  const sections = plan.sections.filter(isData) as unknown as Plan['sections'];
  if (sections.length !== plan.sections.length) return; // the schema reports the malformed section
  const numbering = isData(plan.numbering) ? (plan.numbering as Plan['numbering']) : undefined;
  for (const task of listedTasks({ sections, numbering })) {
    const { section } = task.node;
    const missing = [section.lead ? '' : '牵头单位（lead）', section.deadline ? '' : '完成时限（deadline）'].filter(Boolean);
    if (missing.length === 0) continue;
    ctx.warning([...task.node.path, section.title !== undefined ? 'title' : 'text'], 'task-unassigned',
      `任务“${task.numberPath}${section.title ?? ''}”没有写${missing.join('和')}，责任分工表里这一格是空的`,
      `在这个任务下面加上 ${missing.join('、')}。`);
  }
}
