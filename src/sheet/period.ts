// The --period flag of `plandoc sheet`: 2026-06 (a month), 2026-h1 / 2026-h2
// (a half year), 2026-q3 (a quarter) or 2026 (the whole year).
import type { Period } from '../model/progress.js';

/** The period a flag names, or undefined when the text is not one. */
export function parsePeriodFlag(text: string): Period | undefined {
  const match = /^(\d{4})(?:-(?:(\d{1,2})|[hH]([12])|[qQ]([1-4])))?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, month } : undefined;
  }
  if (match[3] !== undefined) return { kind: 'half', year, half: Number(match[3]) as 1 | 2 };
  if (match[4] !== undefined) return { kind: 'quarter', year, quarter: Number(match[4]) as 1 | 2 | 3 | 4 };
  return { kind: 'year', year };
}
