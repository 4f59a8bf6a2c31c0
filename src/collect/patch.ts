// The --dry-run view of collect: a unified diff of the progress file's lines.
// Edits only replace and insert a few lines, so a plain LCS over the lines
// between the common head and tail is small.

export function unifiedDiff(before: string, after: string, file: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops = lineOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const lines: Array<{ op: ' ' | '-' | '+'; text: string; oldNo: number; newNo: number }> = [];
  let oldNo = head;
  let newNo = head;
  for (let i = Math.max(0, head - context); i < head; i++) lines.push({ op: ' ', text: a[i]!, oldNo: i, newNo: i });
  for (const [op, text] of ops) {
    lines.push({ op, text, oldNo, newNo });
    if (op !== '+') oldNo++;
    if (op !== '-') newNo++;
  }
  for (let i = 0; i < Math.min(context, tail); i++) lines.push({ op: ' ', text: a[oldNo + i]!, oldNo: oldNo + i, newNo: newNo + i });
  return `--- ${file}\n+++ ${file}\n${hunks(lines, context)}`;
}

type Op = [' ' | '-' | '+', string];

function lineOps(a: string[], b: string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push([' ', a[i]!]); i++; j++; }
    // removed lines before the lines that replace them, as diff prints them
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { ops.push(['-', a[i]!]); i++; }
    else { ops.push(['+', b[j]!]); j++; }
  }
  return ops;
}

/** Groups changed lines with `context` unchanged lines around them into @@ hunks. */
function hunks(lines: Array<{ op: string; text: string; oldNo: number; newNo: number }>, context: number): string {
  const changed = lines.map((l, i) => (l.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  let out = '';
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * context + 1) end++;
    const from = Math.max(0, changed[start]! - context);
    const to = Math.min(lines.length - 1, changed[end]! + context);
    const slice = lines.slice(from, to + 1);
    const oldCount = slice.filter((l) => l.op !== '+').length;
    const newCount = slice.filter((l) => l.op !== '-').length;
    out += `@@ -${slice[0]!.oldNo + 1},${oldCount} +${slice[0]!.newNo + 1},${newCount} @@\n`;
    out += slice.map((l) => `${l.op}${l.text}\n`).join('');
    start = end + 1;
  }
  return out;
}
