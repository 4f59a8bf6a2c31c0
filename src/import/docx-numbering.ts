// Word list numbering (word/numbering.xml): the numbers Word draws before a
// paragraph ("一、", "（一）", "1.") are not in the text; count them as Word does.
import { chineseNumeral } from '../derive/numbering.js';
import { attr, scanXml } from './xml.js';

interface Level {
  format: string;
  text: string;
  start: number;
}

export interface ListNumber {
  /** the number as Word prints it, e.g. "（二）"; "" for a bullet */
  text: string;
  bullet: boolean;
}

export interface ListNumbers {
  next(numId: string, ilvl: number): ListNumber | undefined;
}

const CHINESE_FORMATS = new Set(['chineseCounting', 'chineseCountingThousand', 'ideographTraditional', 'japaneseCounting', 'taiwaneseCounting', 'ideographLegalTraditional', 'ideographDigital']);
const MAX_LEVELS = 9;

function formatCounter(format: string, n: number): string {
  if (CHINESE_FORMATS.has(format)) return n >= 1 && n <= 9999 ? chineseNumeral(n) : String(n);
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : String(n);
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(65 + ((n - 1) % 26));
    return format === 'upperLetter' ? letter : letter.toLowerCase();
  }
  return String(n);
}

export function readNumbering(xml: string | undefined): ListNumbers {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  if (xml) parseNumbering(xml, abstracts, nums);
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const num = nums.get(numId);
      const levels = num && abstracts.get(num.abstract);
      const level = levels?.[ilvl];
      if (!num || !levels || !level || ilvl < 0 || ilvl >= MAX_LEVELS) return undefined;
      // instances of one abstract list share its counters, unless an instance restarts them
      const key = num.starts.size ? numId : num.abstract;
      const counter = counters.get(key) ?? levels.map((l, i) => (num.starts.get(i) ?? l.start) - 1);
      counters.set(key, counter);
      counter[ilvl] = (counter[ilvl] ?? 0) + 1;
      for (let deeper = ilvl + 1; deeper < counter.length; deeper++) counter[deeper] = (num.starts.get(deeper) ?? levels[deeper]?.start ?? 1) - 1;
      if (level.format === 'bullet') return { text: '', bullet: true };
      if (level.format === 'none') return { text: level.text.replace(/%\d/g, ''), bullet: false };
      const text = level.text.replace(/%([1-9])/g, (_m, d: string) => {
        const i = Number(d) - 1;
        return formatCounter(levels[i]?.format ?? 'decimal', Math.max(counter[i] ?? 1, 1));
      });
      return { text, bullet: false };
    },
  };
}

function parseNumbering(xml: string, abstracts: Map<string, Level[]>, nums: Map<string, { abstract: string; starts: Map<number, number> }>): void {
  let levels: Level[] | undefined;
  let level: Level | undefined;
  let num: { abstract: string; starts: Map<number, number> } | undefined;
  let overrideLevel: number | undefined;
  for (const token of scanXml(xml)) {
    if (token.type !== 'open') continue;
    const value = attr(token.attrs, 'w:val');
    switch (token.name) {
      case 'w:abstractNum':
        levels = [];
        num = undefined;
        abstracts.set(attr(token.attrs, 'w:abstractNumId') ?? '', levels);
        break;
      case 'w:lvl': {
        const i = Number(attr(token.attrs, 'w:ilvl') ?? -1);
        level = { format: 'decimal', text: '', start: 1 };
        if (levels && i >= 0 && i < MAX_LEVELS) levels[i] = level;
        break;
      }
      case 'w:num':
        levels = undefined;
        num = { abstract: '', starts: new Map() };
        nums.set(attr(token.attrs, 'w:numId') ?? '', num);
        break;
      case 'w:abstractNumId':
        if (num) num.abstract = value ?? '';
        break;
      case 'w:lvlOverride':
        overrideLevel = Number(attr(token.attrs, 'w:ilvl') ?? -1);
        break;
      case 'w:startOverride':
        if (num && overrideLevel !== undefined && overrideLevel >= 0) num.starts.set(overrideLevel, Number(value ?? 1));
        break;
      case 'w:numFmt':
        if (level && levels && value) level.format = value;
        break;
      case 'w:lvlText':
        if (level && levels) level.text = value ?? '';
        break;
      case 'w:start':
        if (level && levels) level.start = Number(value ?? 1) || 1;
        break;
    }
  }
}
