// Sentence helpers shared by the summary parts: the overall figures of the
// opening, the period's name, and sentence endings.
import { chineseNumeral } from '../derive/numbering.js';
import type { MetricStatus } from '../derive/progress.js';
import type { Period } from '../model/progress.js';
import { chineseDate } from './cite.js';
import type { SummaryContext } from './context.js';

const COUNTED: readonly MetricStatus[] = ['超额完成', '已完成', '序时推进', '控制在目标内', '滞后', '未报送'];

/** How each status is counted in the opening: "已完成12项（其中超额完成3项），按序时推进5项，…". */
const COUNT_WORDING: Partial<Record<MetricStatus, (n: number) => string>> = {
  序时推进: (n) => `按序时推进${n}项`,
  控制在目标内: (n) => `${n}项控制在目标以内`,
  滞后: (n) => `进度滞后${n}项`,
  未报送: (n) => `${n}项尚无统计数据`,
};

/** "对照年初确定的20项主要指标，已完成12项（其中超额完成3项），按序时推进5项，进度滞后2项，1项尚无统计数据". */
export function overallFigures(context: SummaryContext): string | undefined {
  const counts = new Map<MetricStatus, number>(COUNTED.map((s) => [s, 0]));
  for (const result of context.results.values()) if (result.status) counts.set(result.status, counts.get(result.status)! + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const exceeded = counts.get('超额完成')!;
  const done = exceeded + counts.get('已完成')!;
  const parts = done ? [`已完成${done}项${exceeded ? `（其中超额完成${exceeded}项）` : ''}`] : [];
  for (const status of ['序时推进', '控制在目标内', '滞后', '未报送'] as const) {
    const n = counts.get(status)!;
    if (n) parts.push(COUNT_WORDING[status]!(n));
  }
  return `对照年初确定的${total}项主要指标，${parts.join('，')}`;
}

/** "2026年上半年", "2026年", "2026年第一季度", "2026年3月", "截至2026年9月15日". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'half':
      return `${period.year}年${period.half === 2 ? '下' : '上'}半年`;
    case 'year':
      return `${period.year}年`;
    case 'quarter':
      return `${period.year}年第${chineseNumeral(period.quarter ?? 1)}季度`;
    case 'month':
      return `${period.year}年${period.month ?? 1}月`;
    case 'asOf':
      return `截至${chineseDate(period.asOf ?? `${period.year}-12-31`)}`;
  }
}

export function stripFinalMark(text: string): string {
  return text.trim().replace(/[。；，]+$/, '');
}

export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？：]$/.test(trimmed) ? trimmed : `${stripFinalMark(trimmed)}。`;
}
