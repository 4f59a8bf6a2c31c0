// Small helpers for plain-Chinese messages: naming values and suggesting keys.

/** Describes a YAML value the way a writer sees it, e.g. 文字“二〇二六”. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (typeof value === 'string') return `文字“${clip(value)}”`;
  if (typeof value === 'number') return Number.isFinite(value) ? `数字 ${value}` : Number.isNaN(value) ? '非数字（.nan）' : '一个超出范围的数字';
  if (typeof value === 'boolean') return value ? 'true（是）' : 'false（否）';
  if (Array.isArray(value)) return '列表（- 开头的多项）';
  if (value instanceof Uint8Array) return '二进制数据';
  if (value instanceof Set || value instanceof Map) return '集合';
  return '键值表（键: 值）';
}

export function clip(text: string, max = 30): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max)}…` : single;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '“true”或“false”',
  array: '列表（每项以“- ”开头）',
  object: '键值表（键: 值）',
  null: '空值',
};

export function describeTypes(types: string | string[]): string {
  const list = Array.isArray(types) ? types : types.split(',');
  return list.map((t) => TYPE_NAMES[t] ?? t).join('或');
}

/** Edit distance where swapping two neighbours counts as one typo (titel → title). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidate within a typo's reach, ignoring case. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const reach = Math.min(3, Math.floor(word.length / 4) + 1);
  return bestDistance <= reach ? best : undefined;
}
