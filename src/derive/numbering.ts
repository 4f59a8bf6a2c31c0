// Heading numbers derived from the plan structure (GB/T 9704 PL-06):
// level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）".
import type { ChildNumbering, HeadingMarker, NumberForm, NumberingOptions, Section } from '../model/plan.js';

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
  /** the heading level printed: 1 (一、) to 4 （1）, from the depth, `numbering.start` and `childNumbering` */
  level: number;
  /** "一、", "（一）", "1.", "（1）" */
  number: string;
  /** index path from the plan root, for diagnostics: [0, 'children', 2] */
  path: Array<string | number>;
  children: NumberedSection[];
}

/** The four number forms, by level: what `numbering.start` and `childNumbering` name. */
export const NUMBER_FORMS: readonly NumberForm[] = ['一、', '（一）', '1.', '（1）'];

export function levelOfForm(form: ChildNumbering | undefined): number | undefined {
  const index = form === undefined ? -1 : NUMBER_FORMS.indexOf(form as NumberForm);
  return index < 0 ? undefined : index + 1;
}

/** "——", "一是" and "不编号" mark headings without a number; their heading style is their level's. */
function markText(marker: HeadingMarker, n: number): string {
  if (marker === '一是') return `${chineseNumeral(n)}是`;
  return marker === '——' ? '——' : '';
}

function isMarker(form: ChildNumbering | undefined): form is HeadingMarker {
  return form === '——' || form === '一是' || form === '不编号';
}

/** A section's own tree node, numbered: only the fields numbering reads. */
interface Numberable {
  children?: readonly Numberable[];
  childNumbering?: ChildNumbering;
  marker?: HeadingMarker;
}

/**
 * Ordinals of siblings: numbered ones count among themselves, each marker
 * among the siblings carrying it ("一是、二是" beside numbered heads).
 */
class SiblingCounter {
  private readonly marks = new Map<HeadingMarker, number>();
  private own = 1;

  constructor(private readonly shared: { next: number } | undefined) {}

  next(marker: HeadingMarker | undefined): number {
    if (marker) {
      const n = (this.marks.get(marker) ?? 0) + 1;
      this.marks.set(marker, n);
      return n;
    }
    return this.shared ? this.shared.next++ : this.own++;
  }
}

/**
 * Numbers the whole body. The top level is 一、 unless `start` says the
 * document begins at （一） or 1. (工作要点, short plans); a section's
 * `childNumbering` lets its children skip a level (一、 → 1.), as summaries
 * do. Level-3 numbers either restart under every level-2 node (`restart`,
 * the default) or run on through the whole top-level section (`continue`, as
 * in documents that number tasks 1.–10. across 三、).
 */
export function numberSections(sections: readonly Section[], options: NumberingOptions = {}): NumberedSection[] {
  const continueLevel3 = options.level3 === 'continue';
  const top = levelOfForm(options.start) ?? 1;
  const counter = new SiblingCounter(undefined);
  return sections.map((section, index) => {
    const level3Counter = { next: 1 };
    const n = counter.next(section.marker);
    const node = numberNode(section, top, n, ['sections', index], (level) => {
      if (level <= top || !continueLevel3) return undefined;
      return level3Counter;
    });
    return section.marker ? { ...node, number: markText(section.marker, n) } : node;
  });
}

/** The level a section's children are numbered at: the next one, or the one `childNumbering` names when it is deeper. */
export function childLevel(section: Numberable, level: number): number {
  const named = levelOfForm(section.childNumbering);
  return named !== undefined && named > level ? named : level + 1;
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
  const level2 = childLevel(section, level);
  const counter = new SiblingCounter(level2 === 3 ? shared : undefined);
  const inherited = isMarker(section.childNumbering) ? section.childNumbering : undefined;
  const children = (section.children ?? []).map((child, index) => {
    const marker = child.marker ?? inherited;
    const n = counter.next(marker);
    const node = numberNode(child, level2, n, [...path, 'children', index], sharedLevel3);
    return marker ? { ...node, number: markText(marker, n) } : node;
  });
  return { section, level, number: headingNumber(level, ordinal), path, children };
}
