// Summaries (工作总结, 上半年工作总结及下半年工作计划) import as standalone
// progress files: the period from the title, the body with the document's own
// structure, achievement figures as tracked values (not targets). A combined
// 总结及计划 can also be split into the summary and a plan of its plan part.
import type { MetricValue, NarrativeSection, Period, Progress, TrackedMetric } from '../model/progress.js';
import type { Metric, Plan, Section } from '../model/plan.js';

export type DocumentKind = 'plan' | 'summary' | 'combined';

export function documentKind(title: string): DocumentKind {
  if (/总结(及|和|与|暨)[^，。]*(计划|打算|安排|思路|要点)/.test(title)) return 'combined';
  if (/总结$|工作情况$|工作情况报告$|总结报告$/.test(title)) return 'summary';
  return 'plan';
}

/** A top-level section that plans ahead inside a summary: 下半年工作计划, 2026年工作打算, 下步工作思路. */
export const PLAN_PART = /(下半年|明年|下一?步|今后|\d{4}年|来年|新的一年).{0,12}(计划|打算|安排|思路|重点|目标|谋划)|(工作计划|工作打算|工作安排)$/;
/** A part of a plan that reviews the past: its figures are achievements, never targets. */
export const REVIEW_PART = /回顾|成效|完成情况|工作情况|基本情况|取得的|主要做法|总结/;

export function periodOf(title: string, year: number, text: string): Period {
  const q = /第([一二三四1-4])季度/.exec(title);
  if (/上半年|1[—-]6月/.test(title)) return { kind: 'half', year, half: 1 };
  if (/下半年|7[—-]12月/.test(title)) return { kind: 'half', year, half: 2 };
  if (q) return { kind: 'quarter', year, quarter: ('一二三四'.indexOf(q[1]!) + 1 || Number(q[1])) as 1 | 2 | 3 | 4 };
  const month = /(\d{4})年(\d{1,2})月(份)?(工作)?总结/.exec(title);
  if (month) return { kind: 'month', year, month: Number(month[2]) };
  if (/上半年/.test(text.slice(0, 200))) return { kind: 'half', year, half: 1 };
  return { kind: 'year', year };
}

export function periodEnd(period: Period): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  const month = period.kind === 'half' ? (period.half === 1 ? 6 : 12) : period.kind === 'quarter' ? period.quarter! * 3 : period.kind === 'month' ? period.month! : 12;
  return `${period.year}-${pad(month)}-${pad(lastDay(month))}`;
}

export interface SummaryParts {
  plan: Plan;
  period: Period;
  metrics: TrackedMetric[];
  values: MetricValue[];
}

/** The progress file of a summary, from the plan-shaped import of its text. */
export function toProgress({ plan, period, metrics, values }: SummaryParts, sections = plan.sections): Progress {
  const { title, issuer, date, docNumber, recipients, attachments, note, publication, numbering, opening } = plan;
  return {
    title,
    ...(issuer ? { issuer } : {}),
    ...(date ? { date } : {}),
    period,
    ...(docNumber ? { docNumber } : {}),
    ...(recipients ? { recipients } : {}),
    ...(attachments ? { attachments } : {}),
    ...(note ? { note } : {}),
    ...(publication ? { publication } : {}),
    ...(numbering ? { numbering } : {}),
    ...(metrics.length ? { metrics } : {}),
    ...(values.length ? { values } : {}),
    ...(opening ? { opening } : {}),
    body: sections.map(narrative),
  };
}

function narrative(section: Section): NarrativeSection {
  const { id, title, text, runIn, children, childNumbering, marker, closing } = section;
  return {
    ...(id ? { id } : {}),
    ...(title ? { title } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(runIn !== undefined ? { runIn } : {}),
    ...(childNumbering ? { childNumbering } : {}),
    ...(marker ? { marker } : {}),
    ...(children ? { children: children.map(narrative) } : {}),
    ...(closing !== undefined ? { closing } : {}),
  };
}

/** Metrics with a target keep it (the plan part of a summary); achievements have none. */
export function trackedMetric(metric: Metric | TrackedMetric): TrackedMetric {
  const { id, name, unit, target } = metric;
  return { id, name, ...(unit ? { unit } : {}), ...(target ? { target } : {}) };
}

/** "石门镇2024年上半年工作总结及下半年工作计划" → "石门镇2024年下半年工作计划". */
export function planPartTitle(title: string): string {
  const m = /^(.*?)(\d{4}年)(上半年|下半年|年度|全年|\d{1,2}月)?([^及和与暨]*?)工作总结(?:及|和|与|暨)(.+)$/.exec(title);
  if (!m) return `${title}（计划部分）`;
  const rest = m[5]!;
  return /^\d{4}年/.test(rest) ? `${m[1]}${rest}` : `${m[1]}${m[2] ?? ''}${rest}`;
}
