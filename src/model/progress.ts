// The typed progress model: tracked metric values, task status and the
// narrative of a summary. The JSON Schema in src/schema/progress.schema.json is
// the contract for the YAML; these types mirror it one to one.
import type { ChildNumbering, Furniture, HeadingMarker, NumberingOptions, RunIn, Target, Text } from './plan.js';

/** The reporting period a progress file covers. */
export type PeriodKind = 'half' | 'quarter' | 'month' | 'year' | 'asOf';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1 = 上半年, 2 = 下半年 (kind: half) */
  half?: 1 | 2;
  /** 1–4 (kind: quarter) */
  quarter?: 1 | 2 | 3 | 4;
  /** 1–12 (kind: month) */
  month?: number;
  /** ISO date (kind: asOf) */
  asOf?: string;
}

/** One tracked value of a metric (月调度): the latest entry per metric wins. */
export interface MetricValue {
  metric: string;
  /** a number, or true/false for a yes/no (achieve) target */
  value: number | boolean;
  /** ISO date the value was recorded (截至日期) */
  date: string;
  /** the unit the value is given in; must equal the metric's unit */
  unit?: string;
  /** value of the same period last year, for 同比 */
  lastYear?: number;
  note?: string;
  /** 数据来源 */
  source?: string;
}

export const TASK_STATUSES = ['完成', '正常推进', '滞后', '未启动', '暂停'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskProgress {
  /** id of a plan section */
  task: string;
  status: TaskStatus;
  /** one sentence on the progress, printed in the summary */
  progress?: string;
}

/**
 * A node of the summary's narrative tree, numbered like the plan's sections.
 * `section` attaches a highlight to a plan section (its group in 主要工作及成效).
 */
export interface NarrativeSection {
  id?: string;
  /** id of the plan section this narrative belongs to */
  section?: string;
  title?: string;
  text?: Text;
  runIn?: RunIn;
  children?: NarrativeSection[];
  /** 下级序号 when the children skip a level (一、 → 1.) */
  childNumbering?: ChildNumbering;
  /** 本标题标法: this heading's own mark instead of a derived number ("——", "一是", "不编号") */
  marker?: HeadingMarker;
  closing?: Text;
}

/**
 * A metric defined in a standalone progress file (no plan): the target is
 * optional, since a summary often reports facts that never had a target.
 */
export interface TrackedMetric {
  id: string;
  name: string;
  unit?: string;
  target?: Target;
  task?: string;
  cumulative?: boolean;
  note?: string;
}

export interface Progress extends Partial<Furniture> {
  /** relative path of the plan this progress belongs to */
  plan?: string;
  period: Period;
  /** metric definitions of a standalone summary (files without `plan`) */
  metrics?: TrackedMetric[];
  values?: MetricValue[];
  tasks?: TaskProgress[];
  /** 开头段: the overall judgement; may cite metrics */
  opening?: Text;
  /** 主要工作及成效 */
  highlights?: NarrativeSection[];
  /** 存在的问题 */
  problems?: Text;
  /** 下步打算 / 下半年工作计划 */
  nextSteps?: NarrativeSection[];
  /** switches generated paragraphs off or replaces them, per part and per plan section */
  auto?: AutoControl;
  /** the whole body, for a summary whose structure is its own (like 001) */
  body?: NarrativeSection[];
  /** named lists of items (e.g. a project list), cited as [[items.name]] */
  items?: Record<string, string[]>;
  numbering?: NumberingOptions;
}

/** false: do not generate; true: generate (the default); text: print this instead. */
export type AutoText = boolean | Text;

/** Per part, or per plan section id (the level-2 section that groups the part). */
export type AutoPart = AutoText | Record<string, AutoText>;

export interface AutoControl {
  /** the overall figures sentence after the opening */
  opening?: AutoText;
  achievements?: AutoPart;
  problems?: AutoPart;
  nextSteps?: AutoPart;
  /** false: no 主要指标完成情况表 */
  table?: boolean;
}
