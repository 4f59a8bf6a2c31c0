// Finds metric targets typed into prose ("300人次以上", "不低于65%", "2—3场",
// "同比增长10%以上", "实现“村村通快递”全覆盖"…) so the importer can move the
// number into a metric and cite it from the text.
import type { Target } from '../model/plan.js';
import { describeTarget } from '../derive/targets.js';

export interface MetricCandidate {
  start: number;
  end: number;
  /** the phrase as typed; the citation replaces exactly this */
  phrase: string;
  target: Target;
  unit?: string;
  /** the name, when the phrasing says it (distributive lists) */
  name?: string;
}

// Longest first, so "人次" wins over "人" and "万元" over "元".
const UNITS = [
  '万人次', '人次', '万元', '亿元', '元', '万亩', '亩', '公里', '千米', '平方米', '万吨', '吨', '个百分点', '万人', '万户',
  '个', '家', '次', '场', '名', '人', '户', '所', '处', '项', '期', '批', '座', '条', '间', '套', '台', '支', '村', '篇', '件', '%',
];
const UNIT = `(${UNITS.join('|')})`;
const NUM = '(\\d+(?:\\.\\d+)?)';

interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray) => { target: Target; unit?: string } | undefined;
}

const PATTERNS: Pattern[] = [
  { re: new RegExp(`增长${NUM}%(以上)?`, 'g'), build: (m) => ({ target: { kind: 'growth', rate: Number(m[1]), ...(m[2] ? {} : { orMore: false }) }, unit: '%' }) },
  { re: /不低于上年度规模/g, build: () => ({ target: { kind: 'vsLastYear', relation: 'notBelow' } }) },
  { re: /高于上年(?![度份])/g, build: () => ({ target: { kind: 'vsLastYear', relation: 'above' } }) },
  { re: /实现[^，。；：、]{1,24}?全覆盖/g, build: (m) => ({ target: { kind: 'achieve', statement: m[0] } }) },
  { re: new RegExp(`不低于${NUM}${UNIT}`, 'g'), build: (m) => ({ target: { kind: 'atLeast', value: Number(m[1]), wording: '不低于' }, unit: m[2] }) },
  { re: new RegExp(`至少${NUM}${UNIT}`, 'g'), build: (m) => ({ target: { kind: 'atLeast', value: Number(m[1]), wording: '至少' }, unit: m[2] }) },
  { re: new RegExp(`不少于${NUM}${UNIT}`, 'g'), build: (m) => ({ target: { kind: 'atLeast', value: Number(m[1]), wording: '不少于' }, unit: m[2] }) },
  { re: new RegExp(`不超过${NUM}${UNIT}`, 'g'), build: (m) => ({ target: { kind: 'atMost', value: Number(m[1]), wording: '不超过' }, unit: m[2] }) },
  // "以下" also states facts ("人均纯收入1万元以下"); "以内" and "控制在…以下" set a ceiling
  { re: new RegExp(`(?<![\\d.—～])${NUM}${UNIT}以内`, 'g'), build: (m) => ({ target: { kind: 'atMost', value: Number(m[1]), wording: '以内' }, unit: m[2] }) },
  { re: new RegExp(`(?<=控制在)${NUM}${UNIT}以下`, 'g'), build: (m) => ({ target: { kind: 'atMost', value: Number(m[1]), wording: '以下' }, unit: m[2] }) },
  {
    re: new RegExp(`(?<![\\d.])${NUM}(%?)([—～])${NUM}${UNIT}`, 'g'),
    build: (m) => {
      const [min, max] = [Number(m[1]), Number(m[4])];
      if (!(min < max) || (m[2] && m[5] !== '%')) return undefined;
      return { target: { kind: 'range', min, max, separator: m[3] as '—' | '～' }, unit: m[5] };
    },
  },
  { re: new RegExp(`(?<![\\d.—～])${NUM}${UNIT}以上`, 'g'), build: (m) => ({ target: { kind: 'atLeast', value: Number(m[1]), wording: '以上' }, unit: m[2] }) },
  { re: new RegExp(`(?<=(?:达到?|率))${NUM}%(?!以[上下内])`, 'g'), build: (m) => ({ target: { kind: 'exact', value: Number(m[1]) }, unit: '%' }) },
];

export function findMetricCandidates(text: string): MetricCandidate[] {
  const found: MetricCandidate[] = findDistributive(text);
  const taken = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  for (const { re, build } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const built = build(m as RegExpExecArray);
      if (!built || taken(start, end)) continue;
      if (describeTarget(built.target, built.unit) !== m[0]) continue; // would not read back the same
      found.push({ start, end, phrase: m[0], ...built });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * "地区生产总值、一般公共预算收入分别增长6%、9%以上": one rate per name, in
 * order. The figures are cited where they stand ("分别增长[[m1]]、[[m2]]"),
 * so the sentence reads back unchanged; 以上 stays with the last figure.
 */
const DISTRIBUTIVE = new RegExp(`([^，。；：]{2,60}?)分别(增长|下降|提高|达到)?((?:${NUM}%?、)+${NUM}%?)(以上)?`, 'g');

function findDistributive(text: string): MetricCandidate[] {
  const found: MetricCandidate[] = [];
  for (const m of text.matchAll(DISTRIBUTIVE)) {
    const names = m[1]!.replace(LEADING_VERBS, '').split('、').map((n) => n.trim());
    const figures = m[3]!.split('、');
    if (names.length !== figures.length || names.some((n) => n.length < 2)) continue;
    const verb = m[2] ?? '';
    let at = m.index + m[1]!.length + '分别'.length + verb.length;
    figures.forEach((figure, i) => {
      const last = i === figures.length - 1;
      const unit = figure.endsWith('%') ? '%' : undefined;
      const value = Number(figure.replace('%', ''));
      const orMore = last && m[6] !== undefined;
      const phrase = `${figure}${orMore ? '以上' : ''}`;
      const target: Target = orMore ? { kind: 'atLeast', value, wording: '以上' } : { kind: 'exact', value };
      found.push({ start: at, end: at + phrase.length, phrase, target, ...(unit ? { unit } : {}), name: `${names[i]}${verb}` });
      at += figure.length + 1;
    });
  }
  return found;
}

const LEADING_VERBS = /^(?:全镇|全乡|全县|全区|全市|并|要|确保|力争|实现|完成|达到|保持在|稳定在|持续|每年|全年|今年|年内|组织|开展|举办|建设|培育|新增|推动|促进|其中)+/;
const TRAILING_VERBS = /(?:(?<!户)均|全部|都|要|将|在|为|的|达|达到|提高到|保持|稳定|控制|力争|确保|实现|完成|开展|举办|建设|培育|培养|壮大|新增|同比|较\d{4}年|比上年)+$/;

/** A metric name guessed from the words around the target ("完成转移就业培训300人次以上" → "转移就业培训"). */
export function guessMetricName(text: string, start: number, end: number, target: Target): string {
  if (target.kind === 'achieve') return target.statement.replace(/^实现/, '');
  const before = text.slice(0, start);
  const clause = before.slice(Math.max(...['，', '。', '；', '：', '、', '（', '“'].map((p) => before.lastIndexOf(p))) + 1);
  const name = clause.replace(LEADING_VERBS, '').replace(TRAILING_VERBS, '').trim();
  if (name.length >= 2 && name.length <= 30) return name;
  // "培育壮大1—2个特色主导产业": the words after the target name it
  const after = /^[^，。；：、（]{2,16}/.exec(text.slice(end))?.[0];
  return after ?? text.slice(start, end);
}

export interface Figure {
  start: number;
  end: number;
  value: number;
  unit?: string;
}

/** "6.75万亩", "420人", "98%": an amount with its unit, not part of a range or a date. "12.60" keeps its typed zero, so it is left as text. */
export function findFigures(text: string): Figure[] {
  const figure = new RegExp(`(?<![\\d.—～\\-])${NUM}${UNIT}(?![\\d—～])`, 'g');
  const found: Figure[] = [];
  for (const m of text.matchAll(figure)) {
    if (/\.\d*0$/.test(m[1]!)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, value: Number(m[1]), unit: m[2] });
  }
  return found;
}
