// Character-level wording diff for Chinese text, and a cheap similarity score
// used to match sections whose ids are missing.

export type EditOp = 'equal' | 'delete' | 'insert';

export interface TextEdit {
  op: EditOp;
  text: string;
}

// Runs of ASCII letters and digits are one token, so "300" → "400" reads as a
// changed number instead of a changed first digit; every other character
// (Chinese, punctuation) is a token of its own.
const TOKEN = /[A-Za-z0-9.%]+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many DP cells the middle of the text is reported as one replacement. */
const MAX_CELLS = 4_000_000;

/** The edit script turning `before` into `after`, merged for readability. */
export function diffText(before: string, after: string): TextEdit[] {
  return mergeShortEqualities(diffTextExact(before, after));
}

/** The edit script with every equal run kept, for mapping changes to positions (apply). */
export function diffTextExact(before: string, after: string): TextEdit[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const { start, endA, endB } = equalEnds(a, b);
  const edits: TextEdit[] = [];
  push(edits, 'equal', a.slice(0, start).join(''));
  for (const edit of diffMiddle(a.slice(start, endA), b.slice(start, endB))) push(edits, edit.op, edit.text);
  push(edits, 'equal', a.slice(endA).join(''));
  return edits;
}

/** How far two sequences agree from the start (start) and from the end (endA, endB exclusive). */
export function equalEnds<T>(a: T[], b: T[]): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

function diffMiddle(a: string[], b: string[]): TextEdit[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) {
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  }
  const width = b.length + 1;
  // lcs[i * width + j] = LCS length of a[i..] and b[j..]
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j]
        ? lcs[(i + 1) * width + j + 1]! + 1
        : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(edits, 'equal', a[i++]!);
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push(edits, 'delete', a[i++]!);
    } else {
      push(edits, 'insert', b[j++]!);
    }
  }
  push(edits, 'delete', a.slice(i).join(''));
  push(edits, 'insert', b.slice(j).join(''));
  return edits;
}

function push(edits: TextEdit[], op: EditOp, text: string): void {
  if (!text) return;
  const last = edits[edits.length - 1];
  if (last && last.op === op) last.text += text;
  else edits.push({ op, text });
}

/**
 * An equal run of one or two characters between two changes ("将【删】a【增】b是【删】c【增】d")
 * is noise to a reader: fold it into the surrounding change, then put each
 * change's deletions before its insertions.
 */
function mergeShortEqualities(edits: TextEdit[]): TextEdit[] {
  const groups: Array<{ deleted: string; inserted: string } | string> = [];
  edits.forEach((edit, index) => {
    const isShortGap = edit.op === 'equal' && [...edit.text].length <= 2
      && index > 0 && index < edits.length - 1;
    const last = groups[groups.length - 1];
    if (edit.op === 'equal' && !isShortGap) {
      groups.push(edit.text);
      return;
    }
    const group = typeof last === 'object' ? last : { deleted: '', inserted: '' };
    if (group !== last) groups.push(group);
    if (edit.op !== 'insert') group.deleted += edit.text;
    if (edit.op !== 'delete') group.inserted += edit.text;
  });
  const merged: TextEdit[] = [];
  for (const group of groups) {
    if (typeof group === 'string') push(merged, 'equal', group);
    else {
      push(merged, 'delete', group.deleted);
      push(merged, 'insert', group.inserted);
    }
  }
  return merged;
}

/** Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return gramSimilarity(gramsOf(a), gramsOf(b));
}

/** Counted character bigrams of a text, computed once for texts compared many times. */
export interface Grams {
  counts: Map<string, number>;
  total: number;
}

export function gramsOf(text: string): Grams {
  const counts = bigrams(text);
  return { counts, total: sum(counts) };
}

/** similarity() over precomputed bigrams (identical texts aside) */
export function gramSimilarity(a: Grams, b: Grams): number {
  if (a.counts.size + b.counts.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small.counts) shared += Math.min(count, large.counts.get(gram) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function sum(grams: Map<string, number>): number {
  let total = 0;
  for (const count of grams.values()) total += count;
  return total;
}
