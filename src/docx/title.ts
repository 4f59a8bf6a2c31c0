// PL-01: a long title breaks into lines of at most N characters, at natural
// boundaries, in a trapezoid or diamond shape (never an hourglass, avoid a
// rectangle). Candidate breaks are scored and the cheapest layout wins.
import { textWidth } from './width.js';

/** Characters after which a title line may end well, unless they begin a word. */
const BREAK_AFTER = new Set(['的', '年', '镇', '和', '与', '同', '及', '暨', '乡', '县', '区', '市', '村', '）', '》', '”']);
/** Characters before which a line may start well (conjunctions can go either side). */
const BREAK_BEFORE = new Set(['和', '与', '同', '及', '暨', '《', '“', '（']);
/** Document-kind suffixes: a break right before them is natural. */
const KIND_SUFFIXES = ['工作计划', '工作方案', '实施方案', '工作要点', '工作总结', '行动方案'];
/** Two-character words that must not be split after their first character. */
const WORDS = ['年度', '年初', '年底', '年中', '年终', '镇域', '镇直', '村级', '区域', '县域', '乡村', '同步', '同比', '和谐', '与会', '及时', '市场', '区县'];

const NATURAL = 0;
const FALLBACK = 40;

interface Candidate {
  index: number;
  cost: number;
}

export function breakTitle(title: string, maxWidth = 20): string[] {
  const chars = [...title];
  if (textWidth(title) <= maxWidth) return [title];
  const natural = candidates(chars, false);
  const best = bestLayout(chars, natural, maxWidth) ?? bestLayout(chars, candidates(chars, true), maxWidth);
  return best ?? [title];
}

function candidates(chars: string[], withFallback: boolean): Candidate[] {
  const result: Candidate[] = [];
  for (let i = 1; i < chars.length; i++) {
    const cost = boundaryCost(chars, i);
    if (cost === NATURAL || (withFallback && cost !== Infinity)) result.push({ index: i, cost });
  }
  return result;
}

/** Cost of breaking between chars[i-1] and chars[i]. */
function boundaryCost(chars: string[], i: number): number {
  const before = chars[i - 1] ?? '';
  const after = chars[i] ?? '';
  if (isAsciiWordChar(before) && isAsciiWordChar(after)) return Infinity;
  if (WORDS.includes(before + after)) return Infinity;
  const rest = chars.slice(i).join('');
  if (KIND_SUFFIXES.some((suffix) => rest.startsWith(suffix))) return NATURAL;
  if (BREAK_AFTER.has(before) && !WORDS.some((w) => w.startsWith(before) && rest.startsWith(w.slice(1)))) return NATURAL;
  if (BREAK_BEFORE.has(after)) return NATURAL;
  if (/[\p{Script=Han}]/u.test(before) && /[\p{Script=Han}]/u.test(after)) return FALLBACK;
  return FALLBACK * 2;
}

function isAsciiWordChar(char: string): boolean {
  return /[0-9A-Za-z]/.test(char);
}

function bestLayout(chars: string[], breaks: Candidate[], maxWidth: number): string[] | undefined {
  const total = textWidth(chars.join(''));
  const minLines = Math.ceil(total / maxWidth);
  let best: { lines: string[]; score: number } | undefined;
  for (let lineCount = Math.max(2, minLines); lineCount <= minLines + 1 && lineCount <= breaks.length + 1; lineCount++) {
    for (const combo of combinations(breaks, lineCount - 1)) {
      const lines = split(chars, combo.map((c) => c.index));
      const widths = lines.map(textWidth);
      if (widths.some((w) => w > maxWidth)) continue;
      const score = combo.reduce((sum, c) => sum + c.cost, 0) + shapePenalty(widths) + lineCount * 5;
      if (!best || score < best.score) best = { lines, score };
    }
  }
  return best?.lines;
}

/** Penalty for the outline of the lines' widths: hourglass is forbidden, rectangle discouraged. */
export function shapePenalty(widths: number[]): number {
  let penalty = 0;
  for (let i = 1; i < widths.length - 1; i++) {
    if (widths[i]! < widths[i - 1]! && widths[i]! < widths[i + 1]!) penalty += 1000;
  }
  const longest = Math.max(...widths);
  const shortest = Math.min(...widths);
  if (longest - shortest < 1) penalty += 15;
  // a stub line of two or three characters looks broken
  if (shortest < longest * 0.45) penalty += (longest * 0.45 - shortest) * 4;
  return penalty;
}

export function isHourglass(widths: number[]): boolean {
  return widths.some((w, i) => i > 0 && i < widths.length - 1 && w < widths[i - 1]! && w < widths[i + 1]!);
}

function split(chars: string[], indices: number[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const index of [...indices, chars.length]) {
    lines.push(chars.slice(start, index).join(''));
    start = index;
  }
  return lines;
}

function* combinations<T>(items: T[], k: number, start = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - k; i++) {
    for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
  }
}
