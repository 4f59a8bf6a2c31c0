// One paragraph's edit, mapped onto the fields it was printed from: changed
// literal text becomes the field's new source; a changed citation becomes a
// proposed change to the metric's target (when the new wording is exactly
// what that target would print); anything else (a changed heading number, an
// edit across a field boundary) makes the paragraph unmappable.
import type { Metric, Target } from '../../model/plan.js';
import { targetPhrase } from '../../derive/targets.js';
import { diffTextExact } from '../../diff/text.js';
import { fieldSource, layoutText, type Layout, type PlanLayouts } from './layout.js';
import type { PlanPath } from '../anchors.js';

export interface FieldChange {
  path: PlanPath;
  kind: 'text' | 'plain' | 'date';
  before: string;
  after: string;
}

export interface TargetChange {
  path: PlanPath;
  metricId: string;
  before: number;
  after: number;
  /** the cited words, before and after */
  wording: { before: string; after: string };
}

export type ParagraphOutcome =
  | { ok: true; fields: FieldChange[]; targets: TargetChange[] }
  | { ok: false; reason: string };

interface Hunk {
  start: number;
  end: number;
  text: string;
}

/** Hunks of the edit script, as ranges of `before` and their replacement. */
export function hunksOf(before: string, after: string): Hunk[] {
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | undefined;
  for (const edit of diffTextExact(before, after)) {
    if (edit.op === 'equal') {
      open = undefined;
      at += edit.text.length;
      continue;
    }
    if (!open) hunks.push((open = { start: at, end: at, text: '' }));
    if (edit.op === 'delete') {
      at += edit.text.length;
      open.end = at;
    } else open.text += edit.text;
  }
  return hunks;
}

export function mapParagraphEdit(layouts: PlanLayouts, layout: Layout, typed: string): ParagraphOutcome {
  const edited = withOwnNumber(layout, typed);
  const spans = pieceSpans(layout);
  const texts = layout.pieces.map((p) => p.text);
  const local: Array<Hunk[]> = layout.pieces.map(() => []);
  for (const hunk of hunksOf(layoutText(layout), edited)) {
    const owner = ownerOf(layout, spans, hunk);
    if (typeof owner === 'string') return { ok: false, reason: owner };
    local[owner]!.push({ start: hunk.start - spans[owner]!.start, end: hunk.end - spans[owner]!.start, text: hunk.text });
  }
  local.forEach((hunks, i) => {
    texts[i] = hunks.reduceRight((text, h) => text.slice(0, h.start) + h.text + text.slice(h.end), texts[i]!);
  });
  const targets: TargetChange[] = [];
  for (const [i, piece] of layout.pieces.entries()) {
    if (piece.kind !== 'cite' || texts[i] === piece.text) continue;
    const proposal = targetProposal(layouts, piece.id, piece.before, piece.text, texts[i]!);
    if (typeof proposal === 'string') return { ok: false, reason: proposal };
    targets.push(...proposal);
  }
  return { ok: true, fields: fieldChanges(layout, texts), targets };
}

const HEADING_NUMBERS = [/^[一二三四五六七八九十百零]+、/u, /^（[一二三四五六七八九十百零]+）/u, /^\d+[.．]/u, /^（\d+）/u];

/**
 * Numbers are derived from the order: a leader who renumbers after moving a
 * task has changed nothing the YAML holds. A number of the same form as the
 * heading's own is read as that number.
 */
function withOwnNumber(layout: Layout, edited: string): string {
  const first = layout.pieces[0];
  if (first?.kind !== 'fixed') return edited;
  const form = HEADING_NUMBERS.find((pattern) => pattern.test(first.text));
  const typed = form?.exec(edited)?.[0];
  return typed === undefined ? edited : first.text + edited.slice(typed.length);
}

function pieceSpans(layout: Layout): Array<{ start: number; end: number }> {
  let at = 0;
  return layout.pieces.map((piece) => {
    const span = { start: at, end: at + piece.text.length };
    at = span.end;
    return span;
  });
}

/** The piece a hunk changes, or why it cannot be mapped. */
function ownerOf(layout: Layout, spans: Array<{ start: number; end: number }>, hunk: Hunk): number | string {
  const { pieces } = layout;
  if (hunk.start === hunk.end) {
    const at = hunk.start;
    const inside = spans.findIndex((s, i) => s.start < at && at < s.end && pieces[i]!.kind !== 'fixed');
    if (inside >= 0) return inside;
    const ending = spans.findIndex((s, i) => s.end === at && pieces[i]!.kind === 'literal');
    if (ending >= 0) return ending;
    const starting = spans.findIndex((s, i) => s.start === at && pieces[i]!.kind === 'literal');
    if (starting >= 0) return starting;
    return '在自动生成的编号旁加了文字';
  }
  const touched = spans.flatMap((s, i) => (s.start < hunk.end && s.end > hunk.start ? [i] : []));
  if (touched.length === 1 && pieces[touched[0]!]!.kind !== 'fixed') return touched[0]!;
  if (touched.some((i) => pieces[i]!.kind === 'fixed')) return '改动了自动生成的编号或标点（编号由层级生成，不能在文件里改）';
  return '一处改动跨过了引用的指标数字和正文，无法分开写回';
}

function fieldChanges(layout: Layout, texts: string[]): FieldChange[] {
  return layout.fields.flatMap((field, i) => {
    const after = fieldSource(layout, i, texts);
    const before = fieldSource(layout, i, layout.pieces.map((p) => p.text));
    if (after === before) return [];
    return [{ path: field.path, kind: field.kind, before: field.source, after }];
  });
}

const TARGET_FIELDS: Partial<Record<Target['kind'], string[]>> = {
  atLeast: ['value'],
  atMost: ['value'],
  exact: ['value'],
  range: ['min', 'max'],
  growth: ['rate'],
};

/** The target change that prints exactly `after` where the citation printed `before`, or why there is none. */
export function targetProposal(layouts: PlanLayouts, id: string, context: string, before: string, after: string): TargetChange[] | string {
  const metrics = layouts.plan.metrics ?? [];
  const index = metrics.findIndex((m) => m.id === id);
  const metric = metrics[index];
  const refuse = `“${before}”是引用的${metric ? `指标 ${id} 的目标` : `上级文件 ${id}`}，改成“${after}”无法对应到${metric ? '目标数值' : '数据'}：请在 YAML 里改`;
  if (!metric) return refuse;
  const keys = TARGET_FIELDS[metric.target.kind];
  const numbers = after.match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  if (!keys || numbers.length !== keys.length) return refuse;
  const target = { ...metric.target, ...Object.fromEntries(keys.map((key, i) => [key, numbers[i]])) } as Target;
  if (targetPhrase({ ...metric, target } as Metric, context) !== after) return refuse;
  const old = metric.target as unknown as Record<string, number>;
  const next = target as unknown as Record<string, number>;
  return keys
    .filter((key) => old[key] !== next[key])
    .map((key) => ({ path: ['metrics', index, 'target', key], metricId: id, before: old[key]!, after: next[key]!, wording: { before, after } }));
}
