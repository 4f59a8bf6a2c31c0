// The `plandoc status` dashboard: one row per metric with target, value,
// completion, a bar and the status; or the same data as JSON for machines.
import Table from 'cli-table3';
import { displayWidth } from '../load/format.js';
import { createColors } from 'picocolors';
import type { Progress } from '../model/progress.js';
import type { Plan } from '../model/plan.js';
import { describeTarget } from '../derive/targets.js';
import { formatRate, type MetricStatus } from '../derive/progress.js';
import { buildContext, type SummaryContext } from './context.js';
import { valueText } from './cite.js';
import { periodLabel } from './sentences.js';
import { summaryTitle } from './view.js';

export interface MetricStatusRecord {
  id: string;
  name: string;
  unit: string | null;
  target: string | null;
  value: number | boolean | null;
  date: string | null;
  /** completion as a fraction (1 = 100%) */
  rate: number | null;
  status: MetricStatus | null;
  /** 序时进度 on the value's date, for cumulative metrics */
  expected: number | null;
  /** 同比 growth as a fraction */
  yoy: number | null;
  source: string | null;
  note: string | null;
}

export interface StatusReport {
  title: string;
  period: string;
  metrics: MetricStatusRecord[];
  counts: Partial<Record<MetricStatus, number>>;
}

export function statusReport(progress: Progress, plan: Plan | undefined): StatusReport {
  const context = buildContext(progress, plan);
  const metrics = [...context.metrics.values()].map((metric) => record(metric.id, context));
  const counts: Partial<Record<MetricStatus, number>> = {};
  for (const m of metrics) if (m.status) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return { title: summaryTitle(context), period: periodLabel(progress.period), metrics, counts };
}

function record(id: string, context: SummaryContext): MetricStatusRecord {
  const metric = context.metrics.get(id)!;
  const tracked = context.values.get(id);
  const result = context.results.get(id)!;
  return {
    id,
    name: metric.name,
    unit: metric.unit ?? null,
    target: metric.target ? describeTarget(metric.target, metric.unit ?? '') : null,
    value: tracked?.value ?? null,
    date: tracked?.date ?? null,
    rate: result.rate ?? null,
    status: result.status ?? null,
    expected: result.expected ?? null,
    yoy: result.yoy ?? null,
    source: tracked?.source ?? null,
    note: tracked?.note ?? null,
  };
}

const BAR_WIDTH = 10;
const STATUS_ORDER: readonly MetricStatus[] = ['超额完成', '已完成', '序时推进', '控制在目标内', '滞后', '未报送'];

/** "██████░░░░" for 60%; rates over 100% fill the bar. */
export function progressBar(rate: number | null, width = BAR_WIDTH): string {
  if (rate === null) return ' '.repeat(width);
  const filled = Math.round(Math.min(Math.max(rate, 0), 1) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Breaks text into lines of at most `width` terminal columns (a CJK character takes two). */
export function wrapToWidth(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width && line) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  return [...lines, line].join('\n');
}

/** Columns taken by 序号, 完成, 完成率, 进度, 状态, the borders and cell padding (with room for long values). */
const FIXED_COLUMNS = 58;
/** The 进度 bar with its border and padding; dropped on terminals narrower than WITH_BAR_MIN. */
const BAR_COLUMNS = BAR_WIDTH + 3;
const WITH_BAR_MIN = 90;

export function renderDashboard(report: StatusReport, options: { color: boolean; columns?: number }): string {
  const columns = options.columns ?? 100;
  const withBar = columns >= WITH_BAR_MIN;
  const fixed = withBar ? FIXED_COLUMNS : FIXED_COLUMNS - BAR_COLUMNS;
  const textWidth = Math.max(8, Math.floor((columns - fixed) / 2));
  const colors = createColors(options.color);
  const paint: Record<MetricStatus, (s: string) => string> = {
    超额完成: colors.green,
    已完成: colors.green,
    序时推进: colors.cyan,
    控制在目标内: colors.cyan,
    滞后: colors.red,
    未报送: colors.yellow,
  };
  const bar = <T>(cell: T): T[] => (withBar ? [cell] : []);
  const table = new Table({
    head: ['序号', '指标', '目标', '完成', '完成率', ...bar('进度'), '状态'],
    style: { head: [], border: [] },
    colAligns: ['right', 'left', 'left', 'right', 'right', ...bar('left' as const), 'left'],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  report.metrics.forEach((m, i) => {
    const status = m.status ? paint[m.status](m.status) : '—';
    const value = m.value === null ? '—' : valueText(m.value, m.unit ?? undefined);
    table.push([String(i + 1), wrapToWidth(m.name, textWidth), wrapToWidth(m.target ?? '—', textWidth), value, m.rate === null ? '—' : formatRate(m.rate), ...bar(progressBar(m.rate)), status]);
  });
  const counts = STATUS_ORDER.filter((s) => report.counts[s]).map((s) => `${s} ${report.counts[s]} 项`).join('，');
  const title = colors.bold(wrapToWidth(report.title, columns));
  return `${title}\n统计期间：${report.period}\n${table.toString()}\n${counts ? `${wrapToWidth(`合计：${counts}`, columns)}\n` : ''}`;
}
