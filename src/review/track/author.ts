// Who and when the revisions of a 修订稿 are attributed to. Never the clock:
// the same inputs must give the same bytes, so without a date w:date is left out.

/** The author when none is given and git has no better one. */
export const DEFAULT_AUTHOR = 'plandoc';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * "2026-03-01", "2026-03-01T09:30", "2026-03-01T09:30:00+08:00" → the
 * wall-clock time as written, "2026-03-01T09:30:00", which Word and
 * LibreOffice show as it is (a time zone would shift it by eight hours in
 * one of them); undefined when it is not a real date and time.
 */
export function revisionDate(text: string): string | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}
