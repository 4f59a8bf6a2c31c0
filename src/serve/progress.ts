// The progress view: the status of every metric computed live from the
// editor's text (as `plandoc status`), the dated values of each metric for
// its chart.
import type { MetricValue } from '../model/progress.js';
import type { MetricStatusRecord } from '../summary/dashboard.js';

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
