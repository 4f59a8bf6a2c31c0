// Next year's draft of a plan, edited on the YAML document so the writer's
// comments and layout survive: the plan year shifted where the text names it,
// the issued-document furniture cleared, last year's actual values made
// baselines, and every target kept but marked for review. Pure: text in, text out.
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';

export interface RolloverOptions {
  /** the new plan year; default: the old year + 1 */
  year?: number;
  /** last year's actual value per metric id (numbers only) */
  actuals?: ReadonlyMap<string, number>;
}

export interface YearReplacement {
  /** 1-based line in the old file */
  line: number;
  /** where in the plan: "title", "sections[1].children[0].text" */
  field: string;
  before: string;
  after: string;
}

export interface RolloverResult {
  text: string;
  fromYear: number;
  toYear: number;
  replacements: YearReplacement[];
  /** furniture that belonged to the issued old document and was removed */
  cleared: Array<{ field: string; value: string }>;
  baselines: Array<{ metric: string; value: number; year: number }>;
  /** ids of metrics whose targets were kept and marked for review */
  reviewedTargets: string[];
}

/** Belongs to last year's issued document; the new draft gets its own. */
const CLEARED_FIELDS: Array<[string, string]> = [
  ['date', '成文日期'],
  ['docNumber', '文号'],
  ['printedDate', '印发日期'],
  ['publication', '政务公开信息'],
];

/** Fields whose text never names the plan year in running text (ids, higher documents, enums). */
const UNTOUCHED_FIELDS = new Set(['id', 'task', 'basis', 'kind', 'wording', 'relation', 'unit', 'separator', 'runIn', 'numbering', 'metric']);

export function rolloverSource(source: string, options: RolloverOptions = {}): RolloverResult {
  const doc = parseDocument(source, { keepSourceTokens: false });
  const fromYear = Number(doc.get('year'));
  const toYear = options.year ?? fromYear + 1;
  const lines = lineStarts(source);
  const cleared = clearFurniture(doc);
  const replacements = [...shiftYear(doc, fromYear, toYear, lines), ...shiftComparisonYears(doc, toYear - fromYear, lines)];
  doc.set('year', toYear);
  const { baselines, reviewedTargets } = updateMetrics(doc, fromYear, options.actuals ?? new Map());
  const note = ` 由 plandoc rollover 从${fromYear}年计划生成：年份已改为${toYear}年，目标沿用上年（标注“待复核”处请逐项确认），成文日期定稿时填写。`;
  doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${note}` : note;
  return { text: doc.toString({ lineWidth: 0 }), fromYear, toYear, replacements, cleared, baselines, reviewedTargets };
}

function clearFurniture(doc: Document): RolloverResult['cleared'] {
  const cleared: RolloverResult['cleared'] = [];
  for (const [key, label] of CLEARED_FIELDS) {
    if (!doc.has(key)) continue;
    const value = doc.get(key);
    cleared.push({ field: label, value: isMap(value) ? '（全部）' : String(value) });
    doc.delete(key);
  }
  return cleared;
}

// "2026年" names the plan year; "2024—2026年" (the end of a span) and "12026年" do not.
function yearPattern(year: number): RegExp {
  return new RegExp(`(?<![\\d—\\-～~至到])${year}(?=年)`, 'g');
}

function isoPattern(year: number): RegExp {
  return new RegExp(`^${year}(?=-\\d{2}-\\d{2}$)`);
}

function shiftYear(doc: Document, fromYear: number, toYear: number, lines: number[]): YearReplacement[] {
  const replacements: YearReplacement[] = [];
  const words = yearPattern(fromYear);
  const iso = isoPattern(fromYear);
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const field = fieldPath(path, node);
      if (field.split(/[.[\]]/).some((part) => UNTOUCHED_FIELDS.has(part))) return;
      const before = node.value;
      const after = before.replace(words, String(toYear)).replace(iso, String(toYear));
      if (after === before) return;
      node.value = after;
      replacements.push({ line: lineOf(lines, node.range?.[0] ?? 0), field, before, after });
    },
  });
  return replacements;
}

/**
 * A "higher than last year" target may name the year it compares with
 * (`year: 2025` prints 高于2025年); it moves with the plan year.
 */
function shiftComparisonYears(doc: Document, delta: number, lines: number[]): YearReplacement[] {
  const metrics = doc.get('metrics');
  if (!isSeq(metrics)) return [];
  const replacements: YearReplacement[] = [];
  metrics.items.forEach((item, index) => {
    const target = isMap(item) ? item.get('target', true) : undefined;
    if (!isMap(target) || target.get('kind') !== 'vsLastYear') return;
    const year = target.get('year', true);
    if (!isScalar(year) || typeof year.value !== 'number') return;
    const before = year.value;
    year.value = before + delta;
    replacements.push({ line: lineOf(lines, year.range?.[0] ?? 0), field: `metrics[${index}].target.year`, before: String(before), after: String(year.value) });
  });
  return replacements;
}

/** "sections[1].children[0].text" from a visitor path. */
function fieldPath(path: readonly unknown[], node: unknown): string {
  const chain = [...path, node];
  let out = '';
  chain.forEach((step, index) => {
    if (isPair(step) && isScalar(step.key)) out += `${out ? '.' : ''}${String(step.key.value)}`;
    else if (isSeq(step)) out += `[${step.items.indexOf(chain[index + 1] as never)}]`;
  });
  return out;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function updateMetrics(doc: Document, fromYear: number, actuals: ReadonlyMap<string, number>) {
  const baselines: RolloverResult['baselines'] = [];
  const reviewedTargets: string[] = [];
  const metrics = doc.get('metrics');
  if (!isSeq(metrics)) return { baselines, reviewedTargets };
  for (const item of metrics.items) {
    if (!isMap(item)) continue;
    const id = String(item.get('id'));
    const actual = actuals.get(id);
    if (actual !== undefined) {
      item.set('baseline', doc.createNode({ value: actual, year: fromYear }, { flow: true }));
      baselines.push({ metric: id, value: actual, year: fromYear });
    }
    if (markForReview(item, `待复核：沿用${fromYear}年目标`)) reviewedTargets.push(id);
  }
  return { baselines, reviewedTargets };
}

/** Puts the review comment on the target: after a flow map, above a block map. */
function markForReview(metric: YAMLMap, comment: string): boolean {
  const pair = metric.items.find((entry: Pair) => isScalar(entry.key) && entry.key.value === 'target');
  if (!pair || !isScalar(pair.key)) return false;
  const value = pair.value as { flow?: boolean; comment?: string | null } | null;
  if (value && isMap(value) && value.flow) value.comment = joinComment(value.comment, comment);
  else (pair.key as Scalar).commentBefore = joinComment((pair.key as Scalar).commentBefore, comment);
  return true;
}

function joinComment(existing: string | null | undefined, added: string): string {
  return existing ? `${existing}\n ${added}` : ` ${added}`;
}
