// Writing-convention rules (spec/gbt9704.md TX-01…TX-06, PL-06, PL-07, PL-11) as
// pure functions over one piece of prose. Offsets are UTF-16 indexes into that
// text; the callers map them back to file positions.
import type { Severity } from '../load/diagnostic.js';

export interface TextFix {
  replacement: string;
  /** safe fixes are applied by `lint --fix`; unsafe ones are only suggested */
  safe: boolean;
}

export interface TextFinding {
  start: number;
  end: number;
  code: string;
  severity: Severity;
  message: string;
  hint: string;
  fix?: TextFix;
}

/** What the text is: titles have their own rules (no typed numbers, no final mark). */
export type TextRole = 'prose' | 'title' | 'sectionTitle' | 'markdownHeading';

type Rule = (text: string, role: TextRole) => TextFinding[];

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '，。、；：？！（）“”‘’《》〔〕【】…—～';
const CJK = `${HAN}${CJK_PUNCT}`;
const CN_NUM = '一二三四五六七八九十';
const UNIT_AFTER_NUMBER = `${HAN}%‰℃`;

/**
 * Every writing-convention finding is a warning, in every command (check,
 * lint, render, build): the document is still right in substance and can be
 * rendered. `plandoc lint` exits 1 while any remains, so CI can still require
 * a clean text.
 */
export const CONVENTION_SEVERITY: Severity = 'warning';

function finding(start: number, end: number, code: string, message: string, fix?: TextFix, hint?: string): TextFinding {
  const fixHint = fix ? `改为“${fix.replacement || '（删去）'}”${fix.safe ? '（plandoc lint --fix 可自动修改）' : ''}。` : '';
  return { start, end, code, severity: CONVENTION_SEVERITY, message, hint: hint ?? fixHint, ...(fix ? { fix } : {}) };
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK_CHAR.test(ch);

function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  let i = index;
  while (i >= 0 && i < text.length && text[i] === ' ') i += step;
  return text[i];
}

// ---------------------------------------------------------------- TX-01

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Parentheses around a bare heading number, e.g. "(一)", are PL-06's to report. */
const NUMBER_IN_PARENS = new RegExp(`^\\((?:\\d{1,2}|[${CN_NUM}]{1,3})\\)`);

function parenPairs(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const j = open.pop();
      if (j !== undefined) {
        pairs.set(i, j);
        pairs.set(j, i);
      }
    }
  }
  return pairs;
}

const halfWidthPunctuation: Rule = (text) => {
  const out: TextFinding[] = [];
  const pairs = parenPairs(text);
  const nextToCjk = (i: number) => isCjk(neighbour(text, i - 1, -1)) || isCjk(neighbour(text, i + 1, 1));
  for (const m of matches(/[,;:?!()]/, text)) {
    const i = m.index;
    const ch = m[0];
    if (NUMBER_IN_PARENS.test(text.slice(ch === ')' ? (pairs.get(i) ?? i) : i))) continue;
    // 10:54, 1,000: digits on both sides are not prose punctuation
    if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    const partner = pairs.get(i);
    if (!nextToCjk(i) && !(partner !== undefined && nextToCjk(partner))) continue;
    // swallow the blanks a typist put around half-width punctuation
    let start = i;
    let end = i + 1;
    if (ch !== '(') while (text[end] === ' ') end++;
    if (ch === '(' || ch === ')') while (start > 0 && text[start - 1] === ' ' && isCjk(neighbour(text, start - 1, -1))) start--;
    out.push(finding(start, end, 'TX-01', `中文里用了半角标点“${ch}”，应使用全角“${FULL_WIDTH[ch]}”`, { replacement: FULL_WIDTH[ch]!, safe: true }));
  }
  return out;
};

/** "活动.现将" (a full stop between Chinese characters) and "青山云雾" in straight quotes. */
const halfWidthStopsAndQuotes: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(new RegExp(`(?<=[${HAN}])\\.(?=[${HAN}])`, 'u'), text)) {
    // "一.总体要求" is a heading number in the wrong form (PL-06), not a sentence end
    if (new RegExp(`^\\s*[${CN_NUM}]{1,3}$`).test(text.slice(0, m.index))) continue;
    out.push(finding(m.index, m.index + 1, 'TX-01', '中文里用了半角句点“.”，应使用句号“。”', { replacement: '。', safe: true }));
  }
  // a pair of straight double quotes around text with Chinese in it
  for (const m of matches(new RegExp(`"([^"\n]*[${HAN}][^"\n]*)"`, 'u'), text)) {
    out.push(finding(m.index, m.index + m[0].length, 'TX-01', `中文里用了直引号“"”，应使用弯引号“”`, { replacement: `“${m[1]}”`, safe: true }));
  }
  return out;
};

/** [start, end) of each 《…》 and “…” in a text */
function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/《[^《》\n]*》|“[^“”\n]*”/g)].map((m) => [m.index, m.index + m[0].length]);
}

// ---------------------------------------------------------------- TX-02

const dashesAndEllipses: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(/-{2,}|－{2,}|―{1,2}/, text)) {
    if (!isCjk(neighbour(text, m.index - 1, -1)) && !isCjk(neighbour(text, m.index + m[0].length, 1))) continue;
    out.push(finding(m.index, m.index + m[0].length, 'TX-02', `破折号应为两个“—”（——），不是“${m[0]}”`, { replacement: '——', safe: true }));
  }
  for (const m of matches(new RegExp(`(?<=[${HAN}])—(?=[${HAN}])`, 'u'), text)) {
    out.push(finding(m.index, m.index + 1, 'TX-02', '单个“—”夹在汉字之间：破折号应为“——”，表示地点范围时才用一个“—”', { replacement: '——', safe: false }));
  }
  for (const m of matches(/\.{3,}|。{3,}|…+|···+/, text)) {
    if (m[0] === '……') continue;
    if (m[0].startsWith('.') && !isCjk(neighbour(text, m.index - 1, -1)) && !isCjk(neighbour(text, m.index + m[0].length, 1))) continue;
    out.push(finding(m.index, m.index + m[0].length, 'TX-02', `省略号应为“……”，不是“${m[0]}”`, { replacement: '……', safe: true }));
  }
  for (const m of matches(/(?<=\d[年月日])\s*[-－–~〜]\s*(?=\d)/, text)) {
    out.push(finding(m.index, m.index + m[0].length, 'TX-02', `时间范围应使用“—”连接，不是“${m[0].trim()}”`, { replacement: '—', safe: true }));
  }
  out.push(...numericRanges(text));
  return out;
};

const RANGE = new RegExp(`(?<![\\d./-])(\\d+(?:\\.\\d+)?)(%?)\\s*([-－–~〜～—])\\s*(\\d+(?:\\.\\d+)?)(?=([${UNIT_AFTER_NUMBER}]))`, 'gu');

function numericRanges(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of matches(RANGE, text)) {
    const [whole, from, fromPercent, sep, to] = m as unknown as [string, string, string, string, string];
    const after = m[5];
    if (/^[-－–]/.test(text.slice(m.index + whole.length + 1))) continue; // 2026-01-14 style dates
    const end = m.index + whole.length;
    if (after === '%' && !fromPercent) {
      out.push(finding(m.index, end + 1, 'TX-02', `范围“${whole}%”省略了前一个数的“%”，容易误解`, { replacement: `${from}%～${to}%`, safe: true }));
      continue;
    }
    if (sep === '—' || sep === '～') {
      if (whole.includes(' ')) out.push(finding(m.index, end, 'TX-02', '数值范围的连接号两侧不要留空格', { replacement: `${from}${fromPercent}${sep}${to}`, safe: true }));
      continue;
    }
    const replacement = `${from}${fromPercent}${/[~〜]/.test(sep) ? '～' : '—'}${to}`;
    out.push(finding(m.index, end, 'TX-02', `数值范围应使用“—”或“～”连接，不是“${sep}”`, { replacement, safe: true }));
  }
  return out;
}

// ---------------------------------------------------------------- TX-03

const fullWidthDigits: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(/[０-９]+(?:[．.][０-９]+)?/, text)) {
    const replacement = m[0].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace('．', '.');
    out.push(finding(m.index, m.index + m[0].length, 'TX-03', `数字应使用半角阿拉伯数字，不是全角“${m[0]}”`, { replacement, safe: true }));
  }
  return out;
};

// ---------------------------------------------------------------- TX-04

const suspiciousForms: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(/(?<=\d)一(?=\d)/, text)) {
    out.push(finding(m.index, m.index + 1, 'TX-04', '两个数字之间的“一”像是连接号“—”打错了', { replacement: '—', safe: true }));
  }
  for (const m of matches(/(?<=\d)[OoＯ〇](?=\d)|(?<=\d{3})[OoＯ〇](?=年)/, text)) {
    out.push(finding(m.index, m.index + 1, 'TX-04', `数字中的“${m[0]}”像是“0”打错了`, { replacement: '0', safe: true }));
  }
  const blank = '[ \\u00a0\\u3000]+';
  const stray = `(?<=[${CJK}])${blank}(?=[${CJK}])|(?<=[${CJK_PUNCT}])${blank}|(?<=[${HAN}])${blank}(?=[${CJK_PUNCT}\\d])|(?<=\\d)${blank}(?=[${CJK_PUNCT}])`;
  const quoted = quotedSpans(text);
  for (const m of matches(new RegExp(stray, 'u'), text)) {
    // a space inside a title or a quotation is the quoted text's own
    if (quoted.some(([from, to]) => m.index > from && m.index < to)) continue;
    out.push(finding(m.index, m.index + m[0].length, 'TX-04', '中文之间多了空格', { replacement: '', safe: true }));
  }
  const indent = /^[\u3000\u00a0 ]+(?=\S)/.exec(text);
  if (indent && /\u3000/.test(indent[0])) {
    out.push(finding(0, indent[0].length, 'TX-04', '段首不用全角空格缩进：排版时自动缩进两个字', { replacement: '', safe: true }));
  }
  return out;
};

// ---------------------------------------------------------------- TX-05 (punctuation pairs)

const PAIRS: Array<[string, string]> = [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》'], ['〔', '〕']];

const doubledPunctuation: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(/[，。；：、！？]{2,}/, text)) {
    const run = m[0];
    if (/^。{3,}$/.test(run)) continue; // an ellipsis typed as 。。。 is TX-02's
    const same = new Set(run).size === 1;
    const fix = same ? { replacement: run[0]!, safe: true } : { replacement: run[run.length - 1]!, safe: false };
    out.push(finding(m.index, m.index + run.length, 'TX-05', `标点重复“${run}”`, fix, same ? undefined : `保留一个合适的标点，例如“${fix.replacement}”。`));
  }
  return out;
};

const unbalancedPairs: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const [open, close] of PAIRS) {
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === open) stack.push(i);
      else if (text[i] === close && stack.pop() === undefined) {
        out.push(finding(i, i + 1, 'TX-05', `“${close}”前面缺少与之配对的“${open}”`, undefined, `补上“${open}”或删去多余的“${close}”。`));
      }
    }
    for (const i of stack) {
      out.push(finding(i, i + 1, 'TX-05', `“${open}”后面缺少与之配对的“${close}”`, undefined, `补上“${close}”或删去多余的“${open}”。`));
    }
  }
  return out;
};

// ---------------------------------------------------------------- TX-06 and PL-11

const DOC_NUMBER = new RegExp(`(?<=[${HAN}])([\\[【(（〔［])(\\d{4})([\\]】)）〕］])(第)?(\\d+)号`, 'gu');

const documentNumbers: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(DOC_NUMBER, text)) {
    const [whole, open, year, close, di, serial] = m as unknown as [string, string, string, string, string | undefined, string];
    const problems: string[] = [];
    if (open !== '〔' || close !== '〕') problems.push(`年份应括在“〔〕”里，不是“${open}${close}”`);
    if (di) problems.push('文号里不加“第”');
    if (/^0\d/.test(serial)) problems.push('序号不编虚位（不加前导 0）');
    if (!problems.length) continue;
    const replacement = `〔${year}〕${String(Number(serial))}号`;
    out.push(finding(m.index, m.index + whole.length, 'TX-06', `文号写法不对：${problems.join('；')}`, { replacement, safe: true }));
  }
  return out;
};

const datesWithLeadingZeros: Rule = (text) => {
  const out: TextFinding[] = [];
  for (const m of matches(/(\d{4}年)?(\d{1,2})月(\d{1,2})日|(\d{4})年(\d{2})月(?!\d)/, text)) {
    const parts = m[4] ? { y: `${m[4]}年`, mo: m[5]!, d: undefined } : { y: m[1] ?? '', mo: m[2]!, d: m[3] };
    if (!/^0/.test(parts.mo) && !(parts.d && /^0/.test(parts.d))) continue;
    const replacement = `${parts.y}${Number(parts.mo)}月${parts.d === undefined ? '' : `${Number(parts.d)}日`}`;
    out.push(finding(m.index, m.index + m[0].length, 'PL-11', `日期“${m[0]}”的月、日不加前导 0`, { replacement, safe: true }));
  }
  return out;
};

// ---------------------------------------------------------------- PL-06 and PL-07

const CIRCLED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const TYPED_HEADING_NUMBER = new RegExp(
  `^\\s*(?:[${CN_NUM}]{1,3}[、，,.．]|[（(][${CN_NUM}]{1,3}[）)]|\\d{1,2}(?:[、，,．]|\\.(?!\\d))|[（(]\\d{1,2}[）)]|[${CIRCLED}])\\s*`,
);

const headingNumberForms: Rule = (text, role) => {
  const out: TextFinding[] = [];
  const typed = role === 'sectionTitle' ? TYPED_HEADING_NUMBER.exec(text) : null;
  if (typed) {
    out.push(finding(0, typed[0].length, 'PL-06', `标题里手写了编号“${typed[0].trim()}”：编号由结构自动生成`, { replacement: '', safe: true }));
    return out;
  }
  if (role === 'markdownHeading') return out;
  // "1、" starting a paragraph or a clause
  for (const m of matches(/(?<=^|[。；：！？;:!?\n]\s*)(\d{1,2})、/, text)) {
    out.push(finding(m.index, m.index + m[0].length, 'PL-06', `序号“${m[0]}”应写作“${m[1]}.”`, { replacement: `${m[1]}.`, safe: true }));
  }
  for (const m of matches(new RegExp(`\\((\\d{1,2}|[${CN_NUM}]{1,3})\\)|([${CIRCLED}])`), text)) {
    const n = m[1] ?? String(CIRCLED.indexOf(m[2]!) + 1);
    out.push(finding(m.index, m.index + m[0].length, 'PL-06', `序号“${m[0]}”应写作全角括号“（${n}）”`, { replacement: `（${n}）`, safe: true }));
  }
  return out;
};

const titleTerminalPunctuation: Rule = (text, role) => {
  if (role === 'prose') return [];
  const m = /(?:[。，；：、！？,;:!?]|(?<=[^\d.])\.)+\s*$/.exec(text);
  if (!m || m.index === 0) return [];
  const why = role === 'sectionTitle' ? '：需要句号或冒号时用 runIn 设置' : '';
  return [finding(m.index, text.length, 'PL-07', `标题末尾不加标点“${m[0].trim()}”${why}`, { replacement: '', safe: true })];
};

export const RULES: readonly Rule[] = [
  halfWidthPunctuation,
  halfWidthStopsAndQuotes,
  dashesAndEllipses,
  fullWidthDigits,
  suspiciousForms,
  doubledPunctuation,
  unbalancedPairs,
  documentNumbers,
  datesWithLeadingZeros,
  headingNumberForms,
  titleTerminalPunctuation,
];

// ---------------------------------------------------------------- PL-06 in hand-written Markdown

/** How each heading level of a Markdown document is numbered: ## 一、 ### （一） #### 1. ##### （1） */
const HEADING_FORMS: Array<{ pattern: RegExp; shown: (n: string) => string; ordinal: (n: string) => number }> = [
  { pattern: new RegExp(`^([${CN_NUM}]{1,3})\\s*([、.．，,]?)`), shown: (n) => `${n}、`, ordinal: chineseOrdinal },
  { pattern: new RegExp(`^[（(]\\s*([${CN_NUM}]{1,3})\\s*[）)]\\s*([、.．，,]?)`), shown: (n) => `（${n}）`, ordinal: chineseOrdinal },
  { pattern: /^(\d{1,2})\s*([、.．，,]?)(?!\d)/, shown: (n) => `${n}.`, ordinal: Number },
  { pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*([、.．，,]?)/, shown: (n) => `（${n}）`, ordinal: Number },
];

function chineseOrdinal(text: string): number {
  const digit = (ch: string | undefined): number => CN_NUM.indexOf(ch ?? '') + 1;
  if (text.length === 1) return digit(text);
  if (text[0] === '十') return 10 + digit(text[1]);
  return digit(text[0]) * 10 + (text.length === 3 ? digit(text[2]) : 0);
}

export interface MarkdownHeading {
  /** 1 for ##, 2 for ###, 3 for ####, 4 for ##### */
  level: number;
  text: string;
}

/**
 * The typed number of each heading of a hand-written Markdown file: its form
 * for the level (## 一.总体要求 → 一、, ### (一) → （一）, ### （二）、 → （二）,
 * #### 1、 → 1.) and its sequence (一、 followed by 三、). Findings come back
 * with the index of the heading they belong to.
 */
export function markdownHeadingFindings(headings: readonly MarkdownHeading[]): Array<{ heading: number; finding: TextFinding }> {
  const out: Array<{ heading: number; finding: TextFinding }> = [];
  const last: number[] = [];
  headings.forEach((heading, index) => {
    const form = HEADING_FORMS[heading.level - 1];
    const typed = form?.pattern.exec(heading.text);
    if (!form || !typed) return;
    const [whole, number, mark] = [typed[0], typed[1]!, typed[2] ?? ''];
    const expected = form.shown(number);
    const right = heading.level === 1 ? mark === '、' : heading.level === 3 ? mark === '.' : mark === '' && whole.startsWith('（') && whole.includes('）');
    if (!right) {
      out.push({ heading: index, finding: finding(0, whole.length, 'PL-06', `第${heading.level}级标题的序号应写作“${expected}”，不是“${whole.trim()}”`, { replacement: expected, safe: true }) });
    }
    const ordinal = form.ordinal(number);
    const previous = last[heading.level - 1] ?? 0;
    if (ordinal !== previous + 1) {
      const wanted = previous + 1;
      out.push({ heading: index, finding: finding(0, whole.length, 'PL-06', `序号从${previous === 0 ? '头' : `第${previous}项`}跳到了“${expected}”：这里应是第${wanted}项`, undefined, '检查是不是漏了一项或编号打错了；序号要从一（1）开始依次编排。') });
    }
    last[heading.level - 1] = ordinal;
    last.length = heading.level;
  });
  return out;
}

/** Every finding in one piece of text, ordered by position. */
export function lintText(text: string, role: TextRole = 'prose'): TextFinding[] {
  // a citation [[id]] is an identifier, not prose
  const citations = [...text.matchAll(/(?<!\\)\[\[[^\]\n]*\]\]/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const inCitation = (f: TextFinding) => citations.some(([s, e]) => f.start < e && s < f.end);
  const findings = RULES.flatMap((rule) => rule(text, role)).filter((f) => !inCitation(f));
  // a title's typed number or final mark is reported once, not again as TX-01
  const titleFindings = findings.filter((f) => f.code === 'PL-06' || f.code === 'PL-07');
  const covered = (f: TextFinding) =>
    f.code !== 'PL-06' && f.code !== 'PL-07' && role !== 'prose' && titleFindings.some((t) => t.start <= f.start && f.end <= t.end);
  return findings.filter((f) => !covered(f)).sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** Non-overlapping safe fixes, in order (the first of two overlapping fixes wins). */
export function safeFixes<T extends { start: number; end: number; fix?: TextFix }>(findings: readonly T[]): T[] {
  const chosen: T[] = [];
  let reached = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!f.fix?.safe || f.start < reached) continue;
    chosen.push(f);
    reached = Math.max(f.end, f.start + 1);
  }
  return chosen;
}

/** Applies non-overlapping fixes in one pass (a big file may have thousands). */
export function applyFixes(text: string, fixes: ReadonlyArray<{ start: number; end: number; fix?: TextFix }>): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of [...fixes].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, f.start), f.fix!.replacement);
    at = f.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Applies the safe fixes until none is left. A fix may uncover another: a
 * half-width mark is made full-width once its neighbour is, so a run like
 * "):?)--)长寿镇" needs a pass per mark. Stops if a text comes back.
 */
export function fixText(text: string, role: TextRole = 'prose'): string {
  let current = text;
  const seen = new Set<string>();
  while (!seen.has(current) && seen.size < MAX_FIX_PASSES) {
    seen.add(current);
    const fixes = safeFixes(lintText(current, role));
    if (!fixes.length) break;
    current = applyFixes(current, fixes);
  }
  return current;
}

export const MAX_FIX_PASSES = 200;
