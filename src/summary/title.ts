// The summary's title, derived from the plan's title the way an office words
// it: the period goes where the plan names its year, the plan's genre becomes
// 工作总结 and the next period's plan keeps the office's own word for it.
//   X镇2027年乡村振兴重点工作计划   → X镇2027年上半年乡村振兴重点工作总结及下半年工作计划
//   X镇巩固拓展…2026年初工作计划    → X镇巩固拓展…2026年上半年工作总结及下半年工作计划
//   2023年X镇政府主要工作安排       → 2023年上半年X镇政府主要工作总结及下半年工作安排
import type { Period, Progress } from '../model/progress.js';
import { periodLabel } from './sentences.js';

const GENRE = /(?:工作)?(实施方案|方案|计划|要点|安排|打算)$/;

export function deriveTitle(progress: Progress, planTitle: string | undefined, issuer: string | undefined): string {
  if (progress.title) return progress.title;
  const { period } = progress;
  const base = planTitle ?? `${issuer ?? ''}工作计划`;
  const genre = GENRE.exec(base)?.[1];
  const subject = base.replace(GENRE, '').replace(/(?<!\d)(年初|年度|全年)$/, '').replace(/工作$/, '');
  const placed = placePeriod(subject, period, issuer);
  return `${placed}${genreTitle(period, genre)}`;
}

/** Puts the period where the title names its year, else after the issuer, else in front. */
function placePeriod(subject: string, period: Period, issuer: string | undefined): string {
  const label = periodToken(period);
  const year = new RegExp(`${period.year}年(?:初|度)?`);
  if (year.test(subject)) return subject.replace(year, label);
  if (issuer && subject.startsWith(issuer)) return `${issuer}${label}${subject.slice(issuer.length)}`;
  return `${label}${subject}`;
}

function periodToken(period: Period): string {
  if (period.kind === 'year' || (period.kind === 'half' && period.half === 2)) return `${period.year}年`;
  return periodLabel(period);
}

function genreTitle(period: Period, genre: string | undefined): string {
  const next = genre === '安排' ? '工作安排' : '工作计划';
  if (period.kind === 'half' && period.half !== 2) return `工作总结及下半年${next}`;
  if (period.kind === 'year' || period.kind === 'half') return `工作总结及${period.year + 1}年工作打算`;
  return '工作情况报告';
}
