// Root causes before their consequences. A misspelt top-level key that holds
// citation targets (`metircs:` for `metrics:`) makes every [[id]] in the text
// unresolvable; listing those citations first buries the one line to change.
import type { Diagnostic } from './diagnostic.js';
import { closestMatch } from './words.js';

/** keys whose entries [[id]] citations point at */
const CITED_KEYS = ['metrics', 'basis'];


/**
 * Drops the citation errors a misspelt metrics/basis key causes (saying how
 * many on the misspelt key, which comes first).
 */
export function rootCausesFirst(diagnostics: Diagnostic[], value: unknown): Diagnostic[] {
  const misspelt = misspeltCitedKeys(value);
  if (misspelt.length === 0) return diagnostics;
  const isCause = (d: Diagnostic): boolean => d.code === 'unknown-key' && misspelt.some((key) => d.message.startsWith(`不认识的键“${key}”`));
  const dependent = diagnostics.filter((d) => d.code === 'unknown-citation');
  const causes = diagnostics
    .filter(isCause)
    .map((d) => (dependent.length > 0 ? { ...d, message: `${d.message}（正文里的 ${dependent.length} 处引用因此找不到，改正后再检查）` } : d));
  return [...causes, ...diagnostics.filter((d) => !isCause(d) && !dependent.includes(d))];
}

function misspeltCitedKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const keys = Object.keys(value);
  return keys.filter((key) => {
    const meant = closestMatch(key, CITED_KEYS);
    return meant !== undefined && key !== meant && !keys.includes(meant) && looksLikeTypo(key, meant);
  });
}

/** letters swapped (metircs) or one letter off with the start intact (metric, basiss); not another word (tasks) */
function looksLikeTypo(key: string, meant: string): boolean {
  const sorted = (word: string): string => [...word.toLowerCase()].sort().join('');
  return sorted(key) === sorted(meant) || (Math.abs(key.length - meant.length) <= 1 && key.slice(0, 3).toLowerCase() === meant.slice(0, 3));
}
