// The typed plan model. The JSON Schema in src/schema/plan.schema.json is the
// contract for the YAML; these types mirror it one to one. Keys are short
// English words; the schema gives each a Chinese title and description.

/** 文种: what kind of plan document this is. */
export type PlanKind = '工作计划' | '工作方案' | '实施方案' | '工作要点';

/**
 * Run-in style of a heading: `false` (the default) puts the heading on its own
 * line; `true` runs the text on after the heading with the plan's default mark;
 * "。" or "：" choose the mark explicitly (GB/T 9704 PL-07).
 */
export type RunIn = boolean | '。' | '：';

/**
 * A paragraph of text, a bulleted list whose items are single paragraphs, a
 * table, or a centred line (the 题注 and speaker line under a report's title).
 */
export type Block = string | { list: string[] } | { table: TableBlock } | { center: string };

/** A column of a table: its header text, or a group of columns under one header cell. */
export type TableColumn = string | TableColumnSpec;

export interface TableColumnSpec {
  title: string;
  /** relative width (a weight); columns without one are sized from their text */
  width?: number;
  align?: 'left' | 'center' | 'right';
  /** sub-columns under this header cell (a two-level header) */
  children?: Array<string | Omit<TableColumnSpec, 'children'>>;
}

/** A table in a section body or an attachment (TB-01, TB-02). Cells may cite metrics. */
export interface TableBlock {
  /** 表题, printed centred above the table */
  caption?: string;
  /** TB-03: true sets it on a landscape page, false keeps it upright; by default a table too wide for the portrait page turns */
  landscape?: boolean;
  columns: TableColumn[];
  rows: Array<Array<string | number>>;
}

/** Every string a block holds, in reading order: the paragraph, the list items, the table's cells. */
export function blockStrings(block: Block): string[] {
  if (typeof block === 'string') return [block];
  if ('list' in block) return block.list;
  if ('center' in block) return [block.center];
  const { caption, columns, rows } = block.table;
  const headers = columns.flatMap((c) => (typeof c === 'string' ? [c] : [c.title, ...(c.children ?? []).map((s) => (typeof s === 'string' ? s : s.title))]));
  return [...(caption ? [caption] : []), ...headers, ...rows.flatMap((row) => row.map(String))];
}

/**
 * Body text: one paragraph (a string) or several blocks in order.
 * Text is printed exactly as typed, except citations `[[id]]`, which the
 * renderer replaces with the cited metric's target (e.g. "300人次以上") or the
 * cited basis document ("《标题》（文号）"). `\[[` prints a literal "[[".
 */
export type Text = string | Block[];

/** A node of the body tree: 一、 → （一） → 1. → （1）. Numbers are derived, never typed. */
export interface Section {
  /** Optional stable id, for metrics (`task:`), progress files and diff. */
  id?: string;
  title?: string;
  text?: Text;
  runIn?: RunIn;
  children?: Section[];
  /**
   * 下级序号: the number form of the children when they skip a level, as a
   * summary's 一、 followed directly by 1. does. Only a deeper form applies.
   */
  childNumbering?: ChildNumbering;
  /**
   * 本标题标法: this heading's own mark instead of a derived number, when it
   * differs from its numbered siblings ("——", "一是") or is set without a
   * number (a 黑体 or bold head: "不编号"). Numbered siblings count without it.
   */
  marker?: HeadingMarker;
  /** Text printed after the children (a closing paragraph of the section). */
  closing?: Text;
  /** 牵头单位 */
  lead?: string;
  /** 责任单位 */
  units?: string[];
  /** 完成时限: an ISO date (2026-06-30) or words (2026年6月底前). */
  deadline?: string;
  milestones?: Milestone[];
}

export interface Milestone {
  date: string;
  text: string;
}

/** 上级文件: a higher document the plan is based on: 《title》（number）. */
export interface BasisDocument {
  id?: string;
  title: string;
  number?: string;
}

export type TargetWording = '以上' | '不低于' | '至少' | '不少于' | '达到' | '以下' | '不超过' | '以内';

/** A metric's target, by kind. `kind` selects the shape. */
export type Target =
  | { kind: 'atLeast'; value: number; wording?: TargetWording }
  | { kind: 'atMost'; value: number; wording?: TargetWording }
  | { kind: 'range'; min: number; max: number; separator?: '—' | '～' }
  | { kind: 'exact'; value: number }
  /** 增长率 against a baseline: "增长10%以上"; `orMore: false` gives "增长10%". */
  | { kind: 'growth'; rate: number; orMore?: boolean }
  /** relative to last year's level: "不低于上年度规模" / "高于上年", or with `year` "高于2021年". */
  | { kind: 'vsLastYear'; relation: 'notBelow' | 'above'; year?: number }
  /** a yes/no achievement, e.g. "实现“村村通快递”全覆盖". */
  | { kind: 'achieve'; statement: string };

export interface Baseline {
  value: number;
  /** the year the baseline value belongs to */
  year: number;
}

export interface Metric {
  id: string;
  name: string;
  /** 单位: 人次, 万元, %, 个… Required wherever the target has a number. */
  unit?: string;
  target: Target;
  /** id of the section (goal or task) this metric belongs to */
  task: string;
  baseline?: Baseline;
  /** true when the value accumulates over the year (used for 序时进度). */
  cumulative?: boolean;
  note?: string;
}

/** 政务公开 publication metadata: kept as data, never printed in the body. */
export interface Publication {
  indexNo?: string;      // 索引号
  publisher?: string;    // 发布机构
  category?: string;     // 组配分类
  topic?: string;        // 主题分类
  openness?: string;     // 公开方式
  scope?: string;        // 公开范围
  generated?: string;    // 生成日期
  published?: string;    // 发布日期 / 公开日期
  effective?: string;    // 生效日期
  expires?: string;      // 废止日期
}

export interface Attachment {
  title: string;
  /** optional content of the attachment page (printed after the body) */
  text?: Text;
}

/**
 * Document furniture (GB/T 9704 elements outside the body). The same object
 * travels as Markdown front matter, so a hand-written .md can carry it too.
 */
export interface Furniture {
  title: string;
  /** 署名 (发文机关署名) */
  issuer?: string;
  /** 成文日期, ISO date "2026-01-14"; printed as 2026年1月14日 */
  date?: string;
  /** 文号, e.g. 长府发〔2026〕3号 */
  docNumber?: string;
  /** 主送机关 */
  recipients?: string[];
  attachments?: Attachment[];
  /** 附注, printed in full-width parentheses: （此件公开发布） */
  note?: string;
  /** 抄送 */
  copyTo?: string[];
  /** 印发机关 */
  printedBy?: string;
  /** 印发日期 */
  printedDate?: string;
  /** 版头: 发文机关标志; present only for a formally issued document */
  header?: { organ: string };
  /** true when the document carries a seal (PL-09 instead of PL-10) */
  sealed?: boolean;
  publication?: Publication;
}

/** The four heading number forms, one per level. */
export type NumberForm = '一、' | '（一）' | '1.' | '（1）';

/**
 * How a section's children are marked: a deeper number form (a skipped
 * level), or the unnumbered marks of reports: "——" (em-dash heads),
 * "一是" (一是、二是…), or "不编号" (heads set in 黑体/楷体 or bold, without a mark).
 */
export type ChildNumbering = NumberForm | HeadingMarker;

/** Heading marks that are no number: "——" heads, "一是、二是" heads, and heads set without any mark. */
export type HeadingMarker = '——' | '一是' | '不编号';

export interface NumberingOptions {
  /** the number form of the top level: 一、 (default), or （一） / 1. for documents that start lower (工作要点) */
  start?: NumberForm;
  /** level-3 numbers restart in each level-2 section (000) or continue within a level-1 section (004) */
  level3?: 'restart' | 'continue';
  /** default run-in mark when a section says `runIn: true` */
  runInMark?: '。' | '：';
}

/** Tables plandoc derives from the plan's data, printed as attachments. */
export interface DerivedTables {
  /** 责任分工表 from the task tree (lead, units, deadline, milestones) */
  tasks?: boolean | DerivedTaskTable;
  /** 主要指标表 from the metrics */
  metrics?: boolean | { title?: string };
}

export interface DerivedTaskTable {
  title?: string;
  /** add a 主要内容 column with the first sentence of each task's text */
  content?: boolean;
  /** `check` warns about listed tasks without a 牵头单位 or 完成时限 */
  checkAssignments?: boolean;
}

export interface Plan extends Furniture {
  kind?: PlanKind;
  /** 计划年度 */
  year: number;
  basis?: BasisDocument[];
  /** 开头段 before 一、 */
  opening?: Text;
  sections: Section[];
  metrics?: Metric[];
  numbering?: NumberingOptions;
  tables?: DerivedTables;
}
