// Heading numbers derived from the plan structure (GB/T 9704 PL-06):
// level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）".
import type { NumberingOptions, Section } from '../model/plan.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 105 → 一百零五, 10001 → 一万零一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) throw new RangeError(`cannot spell ${n} in Chinese numerals`);
  if (n >= 10_000) return spellTenThousands(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return spellLarge(n);
}

/** 10000 → 一万, 10010 → 一万零一十, 123456 → 十二万三千四百五十六 (anything `check` accepts must render). */
function spellTenThousands(n: number): string {
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (low === 0) return `${chineseNumeral(high)}万`;
  return `${chineseNumeral(high)}万${low < 1000 ? '零' : ''}${spellLarge(low)}`;
}

function spellLarge(n: number): string {
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(n / size) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit]! + name;
  }
  return out;
}

/** Depth of a heading in the body: 1 (一、) to 4 （1）. Deeper nodes reuse level 4. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export function headingNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

export interface NumberedSection {
  section: Section;
  /** 1-based depth in the tree */
  level: number;
  /** "一、", "（一）", "1.", "（1）" */
  number: string;
  /** index path from the plan root, for diagnostics: [0, 'children', 2] */
  path: Array<string | number>;
  children: NumberedSection[];
}

/**
 * Numbers the whole body. Level-3 numbers either restart under every level-2
 * node (`restart`, the default) or run on through the whole level-1 section
 * (`continue`, as in documents that number tasks 1.–10. across 三、).
 */
export function numberSections(sections: readonly Section[], options: NumberingOptions = {}): NumberedSection[] {
  const continueLevel3 = options.level3 === 'continue';
  return sections.map((section, index) => {
    const level3Counter = { next: 1 };
    return numberNode(section, 1, index + 1, ['sections', index], (level) => {
      if (level === 1 || !continueLevel3) return undefined;
      return level3Counter;
    });
  });
}

type SharedCounter = { next: number } | undefined;

function numberNode(
  section: Section,
  level: number,
  ordinal: number,
  path: Array<string | number>,
  sharedLevel3: (level: number) => SharedCounter,
): NumberedSection {
  const shared = sharedLevel3(level);
  let own = 1;
  const children = (section.children ?? []).map((child, index) => {
    const childLevel = level + 1;
    const counter = childLevel === 3 ? shared : undefined;
    const n = counter ? counter.next++ : own++;
    return numberNode(child, childLevel, n, [...path, 'children', index], sharedLevel3);
  });
  return { section, level, number: headingNumber(level, ordinal), path, children };
}
