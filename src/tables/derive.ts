// Tables derived from the plan's data (issue: 责任分工表 and 主要指标表), added
// to the plan as attachments so the 附件说明, the attachment pages and both
// writers treat them like any attachment a writer typed.
import type { Attachment, DerivedTaskTable, Metric, Plan, Section, TableBlock } from '../model/plan.js';
import { numberSections, type NumberedSection } from '../derive/numbering.js';
import { chineseDate } from '../compose/view.js';

export const DEFAULT_TASK_TABLE_TITLE = '重点任务责任分工表';
export const DEFAULT_METRIC_TABLE_TITLE = '主要指标表';

/** The plan with its derived tables appended to `attachments`; the plan itself when none is asked for. */
export function withDerivedTables(plan: Plan): Plan {
  const derived: Attachment[] = [];
  const tasks = plan.tables?.tasks;
  if (tasks) derived.push(taskTableAttachment(plan, tasks === true ? {} : tasks));
  const metrics = plan.tables?.metrics;
  if (metrics && plan.metrics?.length) derived.push(metricTableAttachment(plan, metrics === true ? {} : metrics));
  if (derived.length === 0) return plan;
  return { ...plan, attachments: [...(plan.attachments ?? []), ...derived] };
}

// ---- 责任分工表 ----------------------------------------------------------------

export interface ListedTask {
  node: NumberedSection;
  /** "二、（一）": the numbers of the node and its ancestors, as a reader finds it */
  numberPath: string;
  /** the top-level section the task belongs to, when the table groups by it */
  group: NumberedSection;
}

export function hasAssignment(section: Section): boolean {
  return Boolean(section.lead || section.units?.length || section.deadline || section.milestones?.length);
}

/**
 * The tasks a 责任分工表 lists: the nodes at the shallowest level where the plan
 * assigns work, in every top-level section that assigns any (the task sections
 * when none does), so a task left without a lead shows as a gap beside its siblings.
 */
export function listedTasks(plan: Pick<Plan, 'sections' | 'numbering'>): ListedTask[] {
  const tree = numberSections(plan.sections ?? [], plan.numbering);
  const assigned = tree.flatMap((top) => descendants(top)).filter((entry) => hasAssignment(entry.node.section));
  const level = assigned.length ? Math.min(...assigned.map((entry) => entry.node.level)) : 2;
  const groups = assigned.length ? tree.filter((top) => descendants(top).some((entry) => hasAssignment(entry.node.section))) : taskSections(tree);
  return groups.flatMap((group) =>
    descendants(group)
      .filter((entry) => entry.node.level === level)
      .map((entry) => ({ ...entry, group })),
  );
}

const TASK_SECTION = /任务|重点|举措|工作/u;
const FRAME_SECTION = /总体要求|指导思想|基本原则|目标|保障|组织领导|工作要求/u;

/** With nothing assigned yet, the sections that hold the tasks (重点工作任务), not the frame around them. */
function taskSections(tree: NumberedSection[]): NumberedSection[] {
  const isTasks = (top: NumberedSection) => TASK_SECTION.test(top.section.title ?? '') && !FRAME_SECTION.test(top.section.title ?? '');
  return tree.some(isTasks) ? tree.filter(isTasks) : tree;
}

function descendants(node: NumberedSection, prefix = ''): Array<{ node: NumberedSection; numberPath: string }> {
  const numberPath = prefix + node.number;
  return [{ node, numberPath }, ...node.children.flatMap((child) => descendants(child, numberPath))];
}

function taskTableAttachment(plan: Plan, options: DerivedTaskTable): Attachment {
  const tasks = listedTasks(plan);
  const withMilestones = tasks.some((task) => task.node.section.milestones?.length);
  const columns = ['序号', '重点任务', ...(options.content ? ['主要内容'] : []), '牵头单位', '责任单位', '完成时限', ...(withMilestones ? ['节点安排'] : [])];
  const groupRows = new Set(tasks.map((task) => task.group)).size > 1 && tasks.every((task) => task.node.level > 1);
  const rows: TableBlock['rows'] = [];
  let lastGroup: NumberedSection | undefined;
  tasks.forEach((task, i) => {
    if (groupRows && task.group !== lastGroup) rows.push(groupRow(task.group, columns.length));
    lastGroup = task.group;
    const section = task.node.section;
    rows.push([
      String(i + 1),
      literal(`${task.node.number}${section.title ?? firstSentence(section.text)}`),
      ...(options.content ? [firstSentence(section.text)] : []),
      literal(section.lead ?? ''),
      literal((section.units ?? []).join('、')),
      literal(section.deadline ? chineseDate(section.deadline) : ''),
      ...(withMilestones ? [literal((section.milestones ?? []).map((m) => `${chineseDate(m.date)}：${m.text}`).join('；'))] : []),
    ]);
  });
  return { title: options.title ?? DEFAULT_TASK_TABLE_TITLE, text: [{ table: { columns, rows } }] };
}

function groupRow(group: NumberedSection, width: number): string[] {
  const row = Array.from({ length: width }, () => '');
  row[1] = literal(`${group.number}${group.section.title ?? ''}`);
  return row;
}

/** The first sentence of a section's own text (its citations still to be expanded). */
function firstSentence(text: Section['text']): string {
  const first = typeof text === 'string' ? text : text?.find((block): block is string => typeof block === 'string');
  if (!first) return '';
  const end = first.search(/[。；！？]/u);
  return end === -1 ? first : first.slice(0, end + 1);
}

/** Cells are text with citations; data that is not text must not become one. */
function literal(value: string): string {
  return value.replaceAll('[[', '\\[[');
}

// ---- 主要指标表 ----------------------------------------------------------------

function metricTableAttachment(plan: Plan, options: { title?: string }): Attachment {
  const tasks = new Map<string, { section: Section; numberPath: string }>();
  for (const top of numberSections(plan.sections ?? [], plan.numbering)) {
    for (const { node, numberPath } of descendants(top)) if (node.section.id) tasks.set(node.section.id, { section: node.section, numberPath });
  }
  const rows = (plan.metrics ?? []).map((metric, i) => metricRow(metric, i, tasks.get(metric.task)));
  return { title: options.title ?? DEFAULT_METRIC_TABLE_TITLE, text: [{ table: { columns: ['序号', '指标', '单位', '目标', '责任单位', '对应任务'], rows } }] };
}

function metricRow(metric: Metric, index: number, task: { section: Section; numberPath: string } | undefined): string[] {
  const units = task ? [task.section.lead, ...(task.section.units ?? [])].filter((u): u is string => Boolean(u)) : [];
  return [
    String(index + 1),
    literal(metric.name),
    literal(metric.unit ?? ''),
    `[[${metric.id}]]`,
    literal([...new Set(units)].join('、')),
    literal(task ? `${task.numberPath}${task.section.title ?? ''}` : ''),
  ];
}
