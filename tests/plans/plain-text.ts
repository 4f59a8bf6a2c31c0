// Test-only helpers: turn an example plan into the plain lines a reader sees
// (numbers derived from the tree, run-in headings joined to their text,
// citations expanded) and turn a reference web copy into the same shape, so the
// two can be compared line by line. Numbering and layout are re-derived here
// from the model contract, independently of the renderer.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Nodes, Root } from 'mdast';
import { blockStrings, type Block, type Metric, type Plan, type Section, type Target, type Text } from '../../src/model/plan.js';
import { describeTarget } from '../../src/derive/targets.js';
import { basisCitation, buildCitationIndex, expandCitations, type ComposeProblem } from '../../src/compose/text.js';

export interface LoadedPlan {
  plan: Plan;
  source: string;
  yamlProblems: string[];
}

export function readPlanYaml(path: string): LoadedPlan {
  const source = readFileSync(path, 'utf8');
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => e.message);
  return { plan: doc.toJS() as Plan, source, yamlProblems };
}

// ---- citations --------------------------------------------------------------
// The real expander (src/compose) and target phrases (src/derive), so the test
// proves the plans read like the originals once rendered.

export function targetPhrase(target: Target, unit = ''): string {
  return describeTarget(target, unit);
}

export const CITATION = /(?<!\\)\[\[([^\]]+)\]\]/g;

export function citationTable(plan: Plan): Map<string, string> {
  const table = new Map<string, string>();
  for (const m of plan.metrics ?? []) table.set(m.id, targetPhrase(m.target, m.unit));
  for (const b of plan.basis ?? []) if (b.id) table.set(b.id, basisCitation(b));
  return table;
}

/** Expands citations; unknown ids are returned in `problems`. */
export function expandPlanText(text: string, plan: Plan, problems: ComposeProblem[]): string {
  return expandCitations(text, buildCitationIndex(plan.metrics, plan.basis), [], problems);
}

// ---- walking the plan -------------------------------------------------------

export function blocksOf(text: Text | undefined): Block[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : text;
}

export function paragraphsOf(text: Text | undefined): string[] {
  return blocksOf(text).flatMap(blockStrings);
}

export function allSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children ?? [])]);
}

/** Every piece of prose a plan prints, unexpanded. */
export function allProse(plan: Plan): string[] {
  return [
    plan.title,
    ...paragraphsOf(plan.opening),
    ...allSections(plan.sections).flatMap((s) => [
      ...(s.title ? [s.title] : []),
      ...paragraphsOf(s.text),
      ...paragraphsOf(s.closing),
    ]),
  ];
}

export function citedIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  for (const prose of allProse(plan)) for (const m of prose.matchAll(CITATION)) ids.add(m[1]!);
  return ids;
}

export function metricsWithNumbers(plan: Plan): Metric[] {
  return (plan.metrics ?? []).filter((m) => !['vsLastYear', 'achieve'].includes(m.target.kind));
}

// ---- plain rendering --------------------------------------------------------

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_DIGITS[n]!;
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  const tens = `${CHINESE_DIGITS[Math.floor(n / 10)]}十`;
  return n % 10 === 0 ? tens : `${tens}${CHINESE_DIGITS[n % 10]}`;
}

function numberLabel(level: number, n: number): string {
  if (level === 1) return `${chineseNumber(n)}、`;
  if (level === 2) return `（${chineseNumber(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** The plan as the lines of the document body, one paragraph per line. */
export function plainLines(plan: Plan, problems: ComposeProblem[] = []): string[] {
  const expand = (s: string): string => expandPlanText(s, plan, problems);
  const defaultMark = plan.numbering?.runInMark ?? '。';
  const continueLevel3 = plan.numbering?.level3 === 'continue';
  const lines: string[] = [plan.title, ...paragraphsOf(plan.opening).map(expand)];
  let level3Counter = 0;

  const walk = (sections: Section[], level: number): void => {
    sections.forEach((section, index) => {
      if (level === 1 || (level === 2 && !continueLevel3)) level3Counter = 0;
      const n = level === 3 ? ++level3Counter : index + 1;
      const heading = `${numberLabel(level, n)}${section.title ?? ''}`;
      const body = paragraphsOf(section.text).map(expand);
      const mark = section.runIn === true ? defaultMark : section.runIn || undefined;
      const firstIsParagraph = typeof blocksOf(section.text)[0] === 'string';
      if (mark && firstIsParagraph) lines.push(`${heading}${mark}${body.shift()}`);
      else lines.push(mark ? `${heading}${mark}` : heading);
      lines.push(...body);
      walk(section.children ?? [], level + 1);
      lines.push(...paragraphsOf(section.closing).map(expand));
    });
  };
  walk(plan.sections, 1);
  return lines;
}

// ---- reference normalisation ------------------------------------------------

export interface Correction {
  from: string;
  to: string;
  why: string;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '~': '～' };

/** Full-width punctuation (TX-01) and em-dash ranges (TX-02) in a line of the web copy. */
export function normaliseLine(line: string): string {
  return line
    .replace(/\s+/g, '')
    .replace(/^-(?=\S)/, '') // a Markdown bullet in the web copy
    .replace(/(\d)-(\d)/g, '$1—$2')
    .replace(/[,:;()~]/g, (c) => HALF_TO_FULL[c]!);
}

const DEBRIS = [/^•/, /^来源[:：]/, /^\|[\s|]*$/];

export function referenceLines(text: string, corrections: Correction[]): string[] {
  let body = text.replaceAll('[bookmark: _GoBack]', '');
  for (const c of corrections) {
    if (!body.includes(c.from)) throw new Error(`correction not applicable: ${c.from}`);
    body = body.replace(c.from, c.to);
  }
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !DEBRIS.some((d) => d.test(l)))
    .map(normaliseLine);
}

/** The 政务公开 block at the top of the 000 web copy, as key → value. */
export function publicationBlock(text: string): Map<string, string> {
  const block = new Map<string, string>();
  for (const m of text.matchAll(/^\s*•\s*(.+?):(.+)$/gm)) block.set(m[1]!.replace(/\s+/g, ''), m[2]!.trim());
  return block;
}

// ---- rendered Markdown ------------------------------------------------------

function nodeText(node: Nodes): string {
  if ('value' in node && node.type !== 'yaml' && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map((child) => nodeText(child as Nodes)).join('') : '';
}

/** The body of a parsed Markdown document as plain lines: one per heading, paragraph or list item. */
export function markdownLines(root: Root): string[] {
  return root.children.flatMap((node) => {
    if (node.type === 'list') return node.children.map(nodeText);
    if (node.type === 'heading' || node.type === 'paragraph') return [nodeText(node)];
    return [];
  });
}
