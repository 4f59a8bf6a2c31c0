// What the 调度表 asks for, as plain data: one row per metric and one per task,
// each with its responsible units, grouped into sheets. Pure: plan in, rows out.
import type { Metric, Plan, Section } from '../model/plan.js';
import type { Period } from '../model/progress.js';
import { describeTarget } from '../derive/targets.js';
import { periodRange } from '../derive/progress.js';

export type ValueKind = 'number' | 'yesNo';

export interface MetricRow {
  id: string;
  name: string;
  unit: string;
  target: string;
  task: string;
  units: string[];
  cumulative: boolean;
  valueKind: ValueKind;
}

export interface TaskRow {
  id: string;
  title: string;
  deadline: string;
  units: string[];
}

export interface SheetPlan {
  /** sheet name: 调度表, or a responsible unit with --by-unit */
  name: string;
  /** the unit filling this sheet in, with --by-unit */
  unit?: string;
  metrics: MetricRow[];
  tasks: TaskRow[];
}

export interface SheetRequest {
  plan: Plan;
  period: Period;
  byUnit: boolean;
}

/** Sheet name for rows no section assigns to a unit. */
export const UNASSIGNED = '未明确责任单位';
export const DEFAULT_SHEET = '调度表';

export function sheetPlans({ plan, byUnit }: SheetRequest): SheetPlan[] {
  const index = sectionIndex(plan.sections);
  const metrics = (plan.metrics ?? []).map((m) => metricRow(m, index));
  const tasks = taskRows(plan);
  if (!byUnit) return [{ name: DEFAULT_SHEET, metrics, tasks }];
  const units = unitOrder([...metrics, ...tasks]);
  return units.map((unit) => ({
    name: sheetName(unit),
    unit,
    metrics: metrics.filter((m) => belongsTo(m.units, unit)),
    tasks: tasks.filter((t) => belongsTo(t.units, unit)),
  }));
}

/** The first and last day a 截至日期 may take. */
export function dateRange(period: Period): { start: string; end: string } {
  return periodRange(period);
}

function belongsTo(units: string[], unit: string): boolean {
  return unit === UNASSIGNED ? units.length === 0 : units.includes(unit);
}

/** Units in the order the plan first names them; rows without a unit last. */
function unitOrder(rows: Array<{ units: string[] }>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const unit of row.units) seen.add(unit);
  if (rows.some((r) => r.units.length === 0)) seen.add(UNASSIGNED);
  return [...seen];
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(unit: string): string {
  const cleaned = unit.replace(/[[\]:*?/\\：]/g, '_').replace(/^'+|'+$/g, '');
  return [...cleaned].slice(0, 31).join('') || UNASSIGNED;
}

interface IndexedSection {
  section: Section;
  ancestors: Section[];
}

function sectionIndex(sections: readonly Section[], ancestors: Section[] = [], index = new Map<string, IndexedSection>()): Map<string, IndexedSection> {
  for (const section of sections) {
    if (section.id) index.set(section.id, { section, ancestors });
    sectionIndex(section.children ?? [], [...ancestors, section], index);
  }
  return index;
}

/** 牵头单位 then 责任单位, from the section or the nearest ancestor that names any. */
function unitsOf(entry: IndexedSection | undefined): string[] {
  if (!entry) return [];
  for (const section of [entry.section, ...[...entry.ancestors].reverse()]) {
    const units = [...(section.lead ? [section.lead] : []), ...(section.units ?? [])];
    if (units.length) return [...new Set(units)];
  }
  return [];
}

function metricRow(metric: Metric, index: Map<string, IndexedSection>): MetricRow {
  const task = index.get(metric.task);
  return {
    id: metric.id,
    name: metric.name,
    unit: metric.unit ?? '',
    target: describeTarget(metric.target, metric.unit ?? ''),
    task: task?.section.title ?? '',
    units: unitsOf(task),
    cumulative: metric.cumulative === true,
    valueKind: metric.target.kind === 'achieve' ? 'yesNo' : 'number',
  };
}

/**
 * A task row for every section with an id and no children in a group of
 * sibling sections where at least one is tracked (a metric belongs to it, or
 * it names a responsible unit, a deadline or milestones): the sections whose
 * progress a 调度 asks about, without 指导思想 or 保障措施 paragraphs.
 */
function taskRows(plan: Plan): TaskRow[] {
  const withMetrics = new Set((plan.metrics ?? []).map((m) => m.task));
  const tracked = (s: Section): boolean => Boolean((s.id && withMetrics.has(s.id)) || s.lead || s.units?.length || s.deadline || s.milestones?.length);
  const rows: TaskRow[] = [];
  const visit = (siblings: readonly Section[], ancestors: Section[]): void => {
    const groupTracked = siblings.some(tracked);
    for (const section of siblings) {
      if (section.children?.length) visit(section.children, [...ancestors, section]);
      else if (groupTracked && section.id && section.title) {
        rows.push({ id: section.id, title: section.title, deadline: section.deadline ?? '', units: unitsOf({ section, ancestors }) });
      }
    }
  };
  visit(plan.sections, []);
  return rows;
}
