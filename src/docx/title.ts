// PL-01: a long title breaks into lines of at most N characters, at natural
// boundaries, in a trapezoid or diamond shape (never an hourglass, avoid a
// rectangle). Candidate breaks are scored and the cheapest layout wins.
// The search is bounded: every layout is tried only while there are few of
// them; beyond that a beam search keeps the best partial layouts line by line,
// so a long title with few natural breaks costs linear time, not C(n, k).
import { textWidth } from './width.js';

/** Characters after which a title line may end well, unless they begin a word. */
const BREAK_AFTER = new Set(['的', '年', '镇', '和', '与', '同', '及', '暨', '乡', '县', '区', '市', '村', '）', '》', '”']);
/** Characters before which a line may start well (conjunctions can go either side). */
const BREAK_BEFORE = new Set(['和', '与', '同', '及', '暨', '《', '“', '（']);
/** Document-kind suffixes: a break right before them is natural. */
const KIND_SUFFIXES = ['工作计划', '工作方案', '实施方案', '工作要点', '工作总结', '行动方案', '修订对照表'];
/**
 * Words a title line must never split: two-character words whose first
 * character is a natural break (年度, 乡村), and the set phrases of town work
 * plans, whose second word would otherwise start after a natural break
 * character (乡村 / 振兴: 村 ends many village names).
 */
const WORDS = [
  '年度', '年初', '年底', '年中', '年终', '镇域', '镇直', '村级', '区域', '县域', '乡村', '同步', '同比', '和谐', '与会', '及时', '市场', '区县',
  '乡村振兴', '脱贫攻坚', '巩固拓展', '有效衔接', '人居环境', '村容村貌', '美丽乡村', '和美乡村', '乡村建设', '乡村治理', '村民自治',
  '农村改革', '农村人居', '乡风文明', '生态宜居', '产业兴旺', '治理有效', '生活富裕', '共同富裕', '城乡融合', '县域经济', '村集体经济',
  '修订对照表', '对照表',
];
const SUFFIX_REACH = Math.max(...KIND_SUFFIXES.map((suffix) => suffix.length));

const NATURAL = 0;
const FALLBACK = 40;

interface Candidate {
  index: number;
  cost: number;
}

export function breakTitle(title: string, maxWidth = 20): string[] {
  const chars = [...title];
  if (textWidth(title) <= maxWidth) return [title];
  const inWord = insideWords(title);
  const natural = bestLayout(chars, candidates(chars, inWord, false), maxWidth);
  if (natural && !isHourglass(natural.lines.map(textWidth))) return natural.lines;
  // natural breaks alone give no layout, or only an hourglass: allow any break outside a word
  const fallback = bestLayout(chars, candidates(chars, inWord, true), maxWidth);
  const best = natural && (!fallback || natural.score <= fallback.score) ? natural : fallback;
  return best?.lines ?? [title];
}

/** Character indices i such that a break before chars[i] would split one of WORDS. */
function insideWords(title: string): Set<number> {
  const found = new Set<number>();
  // code-point indices: a title may hold characters outside the BMP
  const codePointAt = codePointIndexer(title);
  for (const word of WORDS) {
    for (let at = title.indexOf(word); at !== -1; at = title.indexOf(word, at + 1)) {
      const first = codePointAt(at);
      for (let k = 1; k < [...word].length; k++) found.add(first + k);
    }
  }
  return found;
}

/** Maps a UTF-16 offset of `text` to its code-point index. */
function codePointIndexer(text: string): (offset: number) => number {
  const indices: number[] = [];
  let index = 0;
  for (const char of text) {
    indices.push(index);
    if (char.length === 2) indices.push(index);
    index++;
  }
  return (offset) => indices[offset]!;
}

function candidates(chars: string[], inWord: Set<number>, withFallback: boolean): Candidate[] {
  const result: Candidate[] = [];
  for (let i = 1; i < chars.length; i++) {
    const cost = inWord.has(i) ? Infinity : boundaryCost(chars, i);
    if (cost === NATURAL || (withFallback && cost !== Infinity)) result.push({ index: i, cost });
  }
  return result;
}

/** Cost of breaking between chars[i-1] and chars[i]. */
function boundaryCost(chars: string[], i: number): number {
  const before = chars[i - 1] ?? '';
  const after = chars[i] ?? '';
  if (isAsciiWordChar(before) && isAsciiWordChar(after)) return Infinity;
  // only as much of the rest as the longest suffix: slicing the whole rest made this quadratic
  const rest = chars.slice(i, i + SUFFIX_REACH).join('');
  if (KIND_SUFFIXES.some((suffix) => rest.startsWith(suffix))) return NATURAL;
  if (BREAK_AFTER.has(before)) return NATURAL;
  if (BREAK_BEFORE.has(after)) return NATURAL;
  if (/[\p{Script=Han}]/u.test(before) && /[\p{Script=Han}]/u.test(after)) return FALLBACK;
  return FALLBACK * 2;
}

function isAsciiWordChar(char: string): boolean {
  return /[0-9A-Za-z]/.test(char);
}

/** Up to this many layouts per line count are all scored; more go to the beam search. */
const EXHAUSTIVE_LIMIT = 20_000;
/** Partial layouts the beam search keeps after each line. */
const BEAM_WIDTH = 64;

interface Scored {
  lines: string[];
  score: number;
}

function bestLayout(chars: string[], breaks: Candidate[], maxWidth: number): Scored | undefined {
  const total = textWidth(chars.join(''));
  const minLines = Math.ceil(total / maxWidth);
  let best: Scored | undefined;
  for (let lineCount = Math.max(2, minLines); lineCount <= minLines + 1 && lineCount <= breaks.length + 1; lineCount++) {
    const combos = countCombinations(breaks.length, lineCount - 1, EXHAUSTIVE_LIMIT);
    const found = combos <= EXHAUSTIVE_LIMIT
      ? exhaustiveLayout(chars, combinations(breaks, lineCount - 1), maxWidth, lineCount)
      : beamLayout(chars, breaks, maxWidth, lineCount);
    if (found && (!best || found.score < best.score)) best = found;
  }
  return best;
}

function scoreLayout(chars: string[], combo: Candidate[], maxWidth: number, lineCount: number): Scored | undefined {
  const lines = split(chars, combo.map((c) => c.index));
  const widths = lines.map(textWidth);
  if (widths.some((w) => w > maxWidth)) return undefined;
  return { lines, score: combo.reduce((sum, c) => sum + c.cost, 0) + shapePenalty(widths) + lineCount * 5 };
}

function exhaustiveLayout(chars: string[], combos: Iterable<Candidate[]>, maxWidth: number, lineCount: number): Scored | undefined {
  let best: Scored | undefined;
  for (const combo of combos) {
    const scored = scoreLayout(chars, combo, maxWidth, lineCount);
    if (scored && (!best || scored.score < best.score)) best = scored;
  }
  return best;
}

/** C(n, k), stopping once it exceeds `cap`. */
export function countCombinations(n: number, k: number, cap: number): number {
  let count = 1;
  for (let i = 0; i < k; i++) {
    count = (count * (n - i)) / (i + 1);
    if (count > cap) return cap + 1;
  }
  return count;
}

interface Partial {
  combo: Candidate[];
  /** width of each line so far */
  widths: number[];
  /** break costs plus the shape penalties already decided (hourglass dips) */
  cost: number;
}

/**
 * Line by line, each partial layout is extended by every break that keeps the
 * line within maxWidth and leaves a rest that still fits the remaining lines;
 * only the BEAM_WIDTH cheapest survive. O(lines × BEAM_WIDTH × breaks).
 */
function beamLayout(chars: string[], breaks: Candidate[], maxWidth: number, lineCount: number): Scored | undefined {
  const prefix = prefixWidths(chars);
  const total = prefix[chars.length]!;
  const end: Candidate = { index: chars.length, cost: 0 };
  let beam: Partial[] = [{ combo: [], widths: [], cost: 0 }];
  for (let line = 0; line < lineCount; line++) {
    const linesLeft = lineCount - line - 1;
    const next: Partial[] = [];
    for (const partial of beam) {
      const start = partial.combo.at(-1)?.index ?? 0;
      const options = linesLeft === 0 ? [end] : breaks.filter((b) => b.index > start);
      for (const option of options) {
        const width = prefix[option.index]! - prefix[start]!;
        if (width > maxWidth) break;
        if (total - prefix[option.index]! > linesLeft * maxWidth) continue;
        next.push(extend(partial, option, width));
      }
    }
    beam = next.sort((a, b) => a.cost - b.cost).slice(0, BEAM_WIDTH);
  }
  return exhaustiveLayout(chars, beam.map((partial) => partial.combo.slice(0, -1)), maxWidth, lineCount);
}

function extend(partial: Partial, option: Candidate, width: number): Partial {
  const widths = [...partial.widths, width];
  const n = widths.length;
  const dip = n >= 3 && widths[n - 2]! < widths[n - 3]! && widths[n - 2]! < width ? 1000 : 0;
  return { combo: [...partial.combo, option], widths, cost: partial.cost + option.cost + dip };
}

function prefixWidths(chars: string[]): number[] {
  const prefix = [0];
  for (const char of chars) prefix.push(prefix.at(-1)! + textWidth(char));
  return prefix;
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
