// Aligns two sequences (paragraphs of two documents, rows of two tables):
// equal keys first (longest common subsequence), then, between two equal
// stretches, the items that resemble each other pair up as changed ones;
// the rest were deleted or inserted. The order of both sides is kept, so the
// merged sequence reads as the old one when insertions are dropped and as the
// new one when deletions are.
import { equalEnds } from '../../diff/text.js';

export type Step<T> =
  | { op: 'same' | 'changed'; old: T; new: T }
  | { op: 'deleted'; old: T }
  | { op: 'inserted'; new: T };

export interface AlignRules<T> {
  key(item: T): string;
  /** how alike two unequal items are, 0 (never pair) to 1 */
  resemblance(older: T, newer: T): number;
}

/** Above this many cells the middle is not searched for equal items (a rewrite, not an edit). */
const MAX_LCS_CELLS = 4_000_000;
/** Above this many cells a gap pairs its items by position only. */
const MAX_GAP_CELLS = 40_000;
const MIN_RESEMBLANCE = 0.35;

export function align<T>(older: T[], newer: T[], rules: AlignRules<T>): Array<Step<T>> {
  const oldKeys = older.map(rules.key);
  const newKeys = newer.map(rules.key);
  const anchors = commonSubsequence(oldKeys, newKeys);
  const steps: Array<Step<T>> = [];
  let i = 0;
  let j = 0;
  for (const [oi, nj] of [...anchors, [older.length, newer.length] as const]) {
    steps.push(...pairGap(older.slice(i, oi), newer.slice(j, nj), rules));
    if (oi < older.length) steps.push({ op: 'same', old: older[oi]!, new: newer[nj]! });
    i = oi + 1;
    j = nj + 1;
  }
  return steps;
}

/** Index pairs of a longest common subsequence of the keys, after trimming the equal ends. */
function commonSubsequence(a: string[], b: string[]): Array<readonly [number, number]> {
  const { start, endA, endB } = equalEnds(a, b);
  const pairs: Array<readonly [number, number]> = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  pairs.push(...middleSubsequence(a, b, start, endA, endB));
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

function middleSubsequence(a: string[], b: string[], start: number, endA: number, endB: number): Array<readonly [number, number]> {
  const rows = endA - start;
  const cols = endB - start;
  if (rows === 0 || cols === 0 || rows * cols > MAX_LCS_CELLS) return [];
  const width = cols + 1;
  const table = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i * width + j] = a[start + i] === b[start + j]
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (a[start + i] === b[start + j]) pairs.push([start + i++, start + j++]);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * The items between two anchors: the best order-keeping pairing by
 * resemblance; unpaired old items come before unpaired new ones.
 */
function pairGap<T>(older: T[], newer: T[], rules: AlignRules<T>): Array<Step<T>> {
  const pairs = older.length * newer.length > MAX_GAP_CELLS ? pairByPosition(older, newer, rules) : bestPairing(older, newer, rules);
  const steps: Array<Step<T>> = [];
  let i = 0;
  let j = 0;
  for (const [oi, nj] of [...pairs, [older.length, newer.length] as const]) {
    for (; i < oi; i++) steps.push({ op: 'deleted', old: older[i]! });
    for (; j < nj; j++) steps.push({ op: 'inserted', new: newer[j]! });
    if (oi < older.length) steps.push({ op: 'changed', old: older[oi]!, new: newer[nj]! });
    i = oi + 1;
    j = nj + 1;
  }
  return steps;
}

function score<T>(older: T, newer: T, rules: AlignRules<T>): number {
  const resemblance = rules.resemblance(older, newer);
  return resemblance >= MIN_RESEMBLANCE ? resemblance : 0;
}

function pairByPosition<T>(older: T[], newer: T[], rules: AlignRules<T>): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  for (let k = 0; k < Math.min(older.length, newer.length); k++) if (score(older[k]!, newer[k]!, rules) > 0) pairs.push([k, k]);
  return pairs;
}

/** Order-keeping pairing with the largest total resemblance (dynamic programming over the gap). */
function bestPairing<T>(older: T[], newer: T[], rules: AlignRules<T>): Array<readonly [number, number]> {
  const width = newer.length + 1;
  const best = new Float64Array((older.length + 1) * width);
  const scores = older.map((item) => newer.map((other) => score(item, other, rules)));
  for (let i = older.length - 1; i >= 0; i--) {
    for (let j = newer.length - 1; j >= 0; j--) {
      const paired = scores[i]![j]! > 0 ? scores[i]![j]! + best[(i + 1) * width + j + 1]! : 0;
      best[i * width + j] = Math.max(paired, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < older.length && j < newer.length) {
    const here = best[i * width + j]!;
    if (scores[i]![j]! > 0 && here === scores[i]![j]! + best[(i + 1) * width + j + 1]!) pairs.push([i++, j++]);
    else if (here === best[(i + 1) * width + j]!) i++;
    else j++;
  }
  return pairs;
}
