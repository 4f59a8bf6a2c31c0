// The progress view: the status of every metric computed live from the
// editor's text (as `plandoc status`), the dated values of each metric for
// its chart, and entering a value written back into the YAML in place.
import type { MetricValue } from '../model/progress.js';
import type { MetricStatusRecord } from '../summary/dashboard.js';
import { HttpError } from './http.js';

export interface ProgressView {
  title: string;
  period: string;
  metrics: MetricStatusRecord[];
  counts: Record<string, number>;
  /** metric id → its values in date order, for the chart */
  history: Record<string, Array<{ date: string; value: number | boolean }>>;
}

/** undefined when the text is not a loadable progress file (the editor shows why). */
export async function progressView(text: string, absolute: string): Promise<ProgressView | undefined> {
  const { loadProgressSource, isProgressSource } = await import('../summary/index.js');
  if (!isProgressSource(text)) return undefined;
  const loaded = await loadProgressSource(text, absolute);
  if (!loaded.value) return undefined;
  const { statusReport } = await import('../summary/dashboard.js');
  const report = statusReport(loaded.value, loaded.plan);
  return { ...report, counts: report.counts as Record<string, number>, history: historyOf(loaded.value.values ?? []) };
}

function historyOf(values: readonly MetricValue[]): ProgressView['history'] {
  const history: ProgressView['history'] = {};
  for (const entry of values) {
    if (entry.value === undefined || entry.value === null) continue;
    (history[entry.metric] ??= []).push({ date: String(entry.date), value: entry.value as number | boolean });
  }
  for (const list of Object.values(history)) list.sort((a, b) => a.date.localeCompare(b.date));
  return history;
}

export interface ValueInput {
  metric: string;
  date: string;
  /** what the writer typed in the cell: a number, 是/否, or empty */
  value: string;
  source?: string;
}

/** The text with one value set in place (the entry of that metric and date, or a new one). */
export async function withValue(text: string, input: ValueInput): Promise<string> {
  const { setProgressValue, YamlEditError } = await import('../edit/index.js');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new HttpError(400, `日期要写成 2026-06-30 这样：${input.date}`);
  const value = cellValue(input.value);
  try {
    return setProgressValue(text, { metric: input.metric, value, date: input.date, ...(input.source ? { source: input.source } : {}) } as MetricValue);
  } catch (error) {
    if (error instanceof YamlEditError) throw new HttpError(422, '进度文件有语法错误，先在编辑器里改正，再在表格里录入。');
    throw error;
  }
}

/** "180", "1,200", "93.5%" → numbers; 是/否/已完成/未完成 → true/false. */
export function cellValue(typed: string): number | boolean {
  const text = typed.trim().replace(/[,，]/g, '').replace(/[%％]$/, '');
  if (/^(是|已完成|完成|已实现|实现|true)$/i.test(text)) return true;
  if (/^(否|未完成|未实现|false)$/i.test(text)) return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw new HttpError(400, `“${typed}”不是数字，也不是“是/否”：请填写完成数，例如 180 或 93.5。`);
}
