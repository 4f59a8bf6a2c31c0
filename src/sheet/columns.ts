// The columns of the 调度表, shared by the writer (`plandoc sheet`) and the
// reader (`plandoc collect`). The reader finds columns by their header text,
// so a writer may insert, hide or reorder columns without breaking collection.

export type MetricColumn =
  | 'no' | 'name' | 'unit' | 'target' | 'task' | 'units' | 'date' | 'increment' | 'value' | 'note' | 'source' | 'id';

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  /** other header texts the reader accepts for this column */
  aliases?: readonly string[];
  width: number;
  /** the writer fills this in (unlocked, white); others are labels (locked, grey) */
  input?: boolean;
}

export const METRIC_COLUMNS: readonly ColumnSpec<MetricColumn>[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '指标', aliases: ['指标名称'], width: 28 },
  { key: 'unit', header: '单位', aliases: ['计量单位'], width: 8 },
  { key: 'target', header: '目标', aliases: ['目标任务', '年度目标'], width: 22 },
  { key: 'task', header: '对应任务', width: 20 },
  { key: 'units', header: '责任单位', width: 14 },
  { key: 'date', header: '截至日期', aliases: ['统计截至日期', '日期'], width: 13, input: true },
  { key: 'increment', header: '本期完成数', aliases: ['本月完成数', '本期完成'], width: 12, input: true },
  { key: 'value', header: '累计完成数/完成数', aliases: ['累计完成数', '完成数', '累计完成', '完成情况'], width: 14, input: true },
  { key: 'note', header: '说明', aliases: ['备注'], width: 26, input: true },
  { key: 'source', header: '数据来源', aliases: ['来源'], width: 16, input: true },
  { key: 'id', header: '编号（请勿修改）', aliases: ['编号'], width: 4 },
];

export type TaskColumn = 'no' | 'name' | 'deadline' | 'units' | 'status' | 'progress' | 'id';

/** The task table sits under the metric table and reuses its columns' widths. */
export const TASK_COLUMNS: readonly (ColumnSpec<TaskColumn> & { under: MetricColumn })[] = [
  { key: 'no', header: '序号', width: 6, under: 'no' },
  { key: 'name', header: '任务', aliases: ['重点任务', '工作任务'], width: 28, under: 'name' },
  { key: 'deadline', header: '完成时限', width: 22, under: 'target' },
  { key: 'units', header: '责任单位', width: 14, under: 'units' },
  { key: 'status', header: '状态', aliases: ['进展状态'], width: 13, under: 'date', input: true },
  { key: 'progress', header: '进展情况', aliases: ['进展'], width: 26, under: 'note', input: true },
  { key: 'id', header: '编号（请勿修改）', aliases: ['编号'], width: 4, under: 'id' },
];

/** Rows above the metric table's header: the title and the 填报单位 line. */
export const TITLE_ROWS = 2;

/** Header text as the reader compares it: no blanks, no line breaks, no full-width parentheses difference. */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/[:：*＊]$/, '');
}

/** Which column a header text names, or undefined. */
export function columnFor<K extends string>(columns: readonly ColumnSpec<K>[], header: string): K | undefined {
  const text = normaliseHeader(header);
  if (!text) return undefined;
  return columns.find((c) => normaliseHeader(c.header) === text || c.aliases?.some((a) => normaliseHeader(a) === text))?.key;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
