// The change list: what the leader's edits mean for the plan, element by
// element. Built from the paired paragraphs; writes nothing.
import type { Plan, Section } from '../../model/plan.js';
import type { PlanPath } from '../anchors.js';
import { mapParagraphEdit, type FieldChange, type TargetChange } from './edit-text.js';
import { firstParagraph, layoutOf, layoutText, pathKey, runInMark, valueAt, type PlanLayouts } from './layout.js';
import type { BodyParagraph, Pairing } from './match.js';
import { isoDate } from './write.js';

export type Change =
  | ({ type: 'text'; /** paired by text: the anchor was lost */ byText: boolean } & FieldChange)
  | { type: 'insert'; list: PlanPath; after: number; value: string | NewSection; what: 'paragraph' | 'list-item' | 'section'; text: string }
  | { type: 'delete'; path: PlanPath; what: 'paragraph' | 'list-item' | 'section'; text: string }
  | { type: 'move'; list: PlanPath; order: number[]; moved: Array<{ path: PlanPath; text: string }> };

export interface NewSection {
  id: string;
  title?: string;
  runIn?: true | '。' | '：';
  text?: string | string[];
}

export interface Unmapped {
  text: string;
  reason: string;
  path?: PlanPath;
}

export interface CommentNote {
  author: string;
  comment: string;
  /** the element the comment is attached to; undefined for a paragraph the leader added */
  path?: PlanPath;
  paragraph: string;
}

export interface ChangeList {
  changes: Change[];
  targets: TargetChange[];
  unmapped: Unmapped[];
  comments: CommentNote[];
}

export interface ChangeInput {
  layouts: PlanLayouts;
  original: BodyParagraph[];
  edited: BodyParagraph[];
  pairing: Pairing;
  comments: Map<string, { author: string; text: string }>;
}

export function buildChangeList(input: ChangeInput): ChangeList {
  const list: ChangeList = { changes: [], targets: [], unmapped: [], comments: [] };
  const deleted = deletions(input, list);
  const gone = (path: PlanPath) => deleted.some((section) => isPrefix(section, path));
  textChanges(input, list, gone);
  insertions(input, list);
  moves(input, list, gone);
  commentNotes(input, list);
  return list;
}

// ---------------------------------------------------------------- edits

function textChanges(input: ChangeInput, list: ChangeList, gone: (path: PlanPath) => boolean): void {
  for (const paragraph of input.edited) {
    const o = input.pairing.partner.get(paragraph.index);
    if (o === undefined) continue;
    const original = input.original[o]!;
    const path = original.anchor?.path;
    const [before, after] = titleLike(path) ? [original.text.replace(/\n/g, ''), paragraph.text.replace(/\n/g, '')] : [original.text, paragraph.text];
    if (before === after || (path && gone(path))) continue;
    if (!path) {
      list.unmapped.push({ text: paragraph.text, reason: '这一段不是由正文字段生成的（版头、主送机关、附件说明、版记等），请直接在 YAML 的开头设置里改' });
      continue;
    }
    const layout = layoutOf(input.layouts, path);
    if (!layout || layoutText(layout) !== before) {
      list.unmapped.push({ text: paragraph.text, path, reason: path.at(-1) === 'taskInfo' ? '（牵头单位、责任单位、完成时限）一行由 lead、units、deadline、milestones 生成，请在 YAML 里改这几项' : '这一段无法逐字对应到 YAML 字段' });
      continue;
    }
    const outcome = mapParagraphEdit(input.layouts, layout, after);
    if (!outcome.ok) {
      list.unmapped.push({ text: paragraph.text, path, reason: outcome.reason });
      continue;
    }
    const byText = input.pairing.byText.has(paragraph.index);
    const dates = outcome.fields.filter((field) => field.kind === 'date');
    if (dates.some((field) => isoDate(field.after) === undefined)) {
      list.unmapped.push({ text: paragraph.text, path, reason: '成文日期要写成“2026年1月14日”这样的日期' });
      continue;
    }
    list.changes.push(...outcome.fields.map((field) => ({ type: 'text' as const, byText, ...field, after: field.kind === 'date' ? isoDate(field.after)! : field.after })));
    list.targets.push(...outcome.targets);
  }
}

function titleLike(path: PlanPath | undefined): boolean {
  return path !== undefined && path.at(-1) === 'title' && (path.length === 1 || path[0] === 'attachments');
}

// ---------------------------------------------------------------- deletions

/** Records deletions; returns the paths of deleted sections (nothing else is changed inside them). */
function deletions(input: ChangeInput, list: ChangeList): PlanPath[] {
  const paired = new Set(input.pairing.partner.values());
  const missing = input.original.filter((p) => !paired.has(p.index));
  const sections = deletedSections(input, missing);
  for (const section of sections) {
    const heading = input.original.find((p) => p.anchor && pathKey(p.anchor.path) === pathKey([...section, 'heading']));
    list.changes.push({ type: 'delete', path: section, what: 'section', text: heading?.text ?? '' });
  }
  const listsEmptied = new Map<string, number>();
  for (const paragraph of missing) {
    const path = paragraph.anchor?.path;
    if (path && sections.some((s) => isPrefix(s, path))) continue;
    const item = path && deletableItem(path);
    if (!item) {
      list.unmapped.push({ text: paragraph.text, path, reason: deletionRefusal(path) });
      continue;
    }
    list.changes.push({ type: 'delete', path: item, what: item.at(-2) === 'list' ? 'list-item' : 'paragraph', text: paragraph.text });
    if (item.at(-2) === 'list') listsEmptied.set(pathKey(item.slice(0, -1)), (listsEmptied.get(pathKey(item.slice(0, -1))) ?? 0) + 1);
  }
  dropEmptiedLists(input.layouts.plan, list, listsEmptied);
  return sections;
}

/** Sections none of whose paragraphs are left (the topmost such section of a deleted subtree). */
function deletedSections(input: ChangeInput, missing: BodyParagraph[]): PlanPath[] {
  const missingKeys = new Set(missing.flatMap((p) => (p.anchor ? [pathKey(p.anchor.path)] : [])));
  const result: PlanPath[] = [];
  for (const [key, node] of input.layouts.sections) {
    if (!missingKeys.has(`${key}.heading`)) continue;
    const own = input.original.filter((p) => p.anchor && isPrefix(node.path, p.anchor.path));
    if (own.every((p) => missingKeys.has(pathKey(p.anchor!.path))) && !result.some((r) => isPrefix(r, node.path))) result.push(node.path);
  }
  return result;
}

/** The list item a deleted paragraph is: a text block, a list item, an opening or closing paragraph. */
function deletableItem(path: PlanPath): PlanPath | undefined {
  const last = path[path.length - 1];
  const key = path[path.length - 2];
  if (typeof last === 'number' && (key === 'text' || key === 'list' || key === 'opening' || key === 'closing')) return path;
  if (last === 'text' || last === 'opening' || last === 'closing') return path;
  return undefined;
}

function deletionRefusal(path: PlanPath | undefined): string {
  if (!path) return '删去了不是由正文字段生成的一段（版头、主送机关、附件说明、版记等），请直接在 YAML 里改';
  const last = path[path.length - 1];
  if (last === 'heading') return '删去了标题，但这一部分的正文还在：要删除整个部分，请连同正文一起删去，或在 YAML 里调整';
  if (last === 'taskInfo') return '删去了（牵头单位、责任单位、完成时限）一行：请在 YAML 里删去 lead、units、deadline、milestones';
  return '删去的是标题、署名或日期，没有写回：请在 YAML 里改';
}

/** A list whose every item was deleted goes as a whole block. */
function dropEmptiedLists(plan: Plan, list: ChangeList, counts: Map<string, number>): void {
  for (const [key, count] of counts) {
    const change = list.changes.find((c) => c.type === 'delete' && c.what === 'list-item' && pathKey(c.path.slice(0, -1)) === key) as Extract<Change, { type: 'delete' }>;
    const block = change.path.slice(0, -2);
    const items = valueAt(plan, [...block, 'list']);
    if (!Array.isArray(items) || items.length !== count) continue;
    list.changes = list.changes.filter((c) => !(c.type === 'delete' && c.what === 'list-item' && pathKey(c.path.slice(0, -1)) === key));
    list.changes.push({ type: 'delete', path: block, what: 'paragraph', text: items.join('；') });
  }
}

export function isPrefix(prefix: PlanPath, path: PlanPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

// ---------------------------------------------------------------- insertions

const HEADING_NUMBER: Array<[RegExp, number]> = [
  [/^[一二三四五六七八九十百零]+、/u, 1],
  [/^（[一二三四五六七八九十百零]+）/u, 2],
  [/^\d+[.．]/u, 3],
  [/^（\d+）/u, 4],
];

function insertions(input: ChangeInput, list: ChangeList): void {
  const ids = new Set(allIds(input.layouts.plan.sections ?? []));
  let previous: PlanPath | undefined | null = null;
  let openSection: { change: Extract<Change, { type: 'insert' }>; section: NewSection } | undefined;
  let run: { list: PlanPath; after: number; what: 'paragraph' | 'list-item' } | undefined;
  for (const paragraph of input.edited) {
    const o = input.pairing.partner.get(paragraph.index);
    if (o !== undefined) {
      previous = input.original[o]!.anchor?.path;
      openSection = undefined;
      run = undefined;
      continue;
    }
    const heading = newSection(input, paragraph, ids);
    if (heading) {
      openSection = heading;
      run = undefined;
      list.changes.push(heading.change);
      continue;
    }
    if (openSection) {
      addText(openSection.section, paragraph.text);
      openSection.change.text += `\n${paragraph.text}`;
      continue;
    }
    run ??= previous ? insertionPoint(input.layouts, previous) : undefined;
    if (!run) {
      list.unmapped.push({ text: paragraph.text, reason: '新增的这一段前面不是正文（在标题、版头、署名或日期旁），不知道该放进 YAML 的哪一项' });
      continue;
    }
    list.changes.push({ type: 'insert', list: run.list, after: run.after, value: paragraph.text, what: run.what, text: paragraph.text });
  }
}

/** Where a paragraph added after the element at `path` goes: a list and the index it follows (-1: first). */
function insertionPoint(layouts: PlanLayouts, path: PlanPath): { list: PlanPath; after: number; what: 'paragraph' | 'list-item' } | undefined {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (path.length === 1 && last === 'title') return { list: ['opening'], after: -1, what: 'paragraph' };
  if (last === 'heading') {
    const section = valueAt(layouts.plan, parent) as Section;
    const consumed = runInMark(section, layouts.plan) !== undefined || section.title === undefined ? firstParagraph(section, parent) !== undefined : false;
    return { list: [...parent, 'text'], after: consumed ? 0 : -1, what: 'paragraph' };
  }
  if (last === 'taskInfo') {
    const text = valueAt(layouts.plan, [...parent, 'text']);
    return { list: [...parent, 'text'], after: Array.isArray(text) ? text.length - 1 : text === undefined ? -1 : 0, what: 'paragraph' };
  }
  if (typeof last === 'number' && path[path.length - 2] === 'list') return { list: parent, after: last, what: 'list-item' };
  if (typeof last === 'number' && ['text', 'opening', 'closing'].includes(String(path[path.length - 2]))) return { list: parent, after: last, what: 'paragraph' };
  if (last === 'text' || last === 'opening' || last === 'closing') return { list: path, after: 0, what: 'paragraph' };
  if (path[0] === 'attachments' && last === 'title') return { list: [...parent, 'text'], after: -1, what: 'paragraph' };
  return undefined;
}

/** A paragraph that starts with a heading number (二、（三）4.（5）) is a new section placed by its level. */
function newSection(input: ChangeInput, paragraph: BodyParagraph, ids: Set<string>): { change: Extract<Change, { type: 'insert' }>; section: NewSection } | undefined {
  const found = HEADING_NUMBER.map(([pattern, level]) => ({ match: pattern.exec(paragraph.text), level })).find((f) => f.match);
  if (!found?.match) return undefined;
  const place = sectionPlace(input, paragraph.index, found.level);
  if (!place) return undefined;
  const section = sectionFromText(paragraph.text.slice(found.match[0].length).trim(), uniqueId(ids), input.layouts.plan);
  return { section, change: { type: 'insert', list: place.list, after: place.after, value: section, what: 'section', text: paragraph.text } };
}

/** Sibling after the nearest earlier section of the same level, or first child of the nearest one level up. */
function sectionPlace(input: ChangeInput, editedIndex: number, level: number): { list: PlanPath; after: number } | undefined {
  for (let e = editedIndex - 1; e >= 0; e--) {
    const o = input.pairing.partner.get(e);
    const path = o === undefined ? undefined : input.original[o]!.anchor?.path;
    if (!path || path[path.length - 1] !== 'heading') continue;
    const node = input.layouts.sections.get(pathKey(path.slice(0, -1)));
    if (!node || node.level > level) continue;
    if (node.level === level) return { list: node.path.slice(0, -1), after: node.path[node.path.length - 1] as number };
    return level === node.level + 1 ? { list: [...node.path, 'children'], after: -1 } : undefined;
  }
  return undefined;
}

/** "标题：正文" → a run-in section; a short line without a full stop → a title; else a numbered paragraph. */
function sectionFromText(rest: string, id: string, plan: Plan): NewSection {
  const mark = /^(.{1,40}?)([：。])(.+)$/su.exec(rest);
  if (mark) {
    const defaultMark = plan.numbering?.runInMark ?? '。';
    return { id, title: mark[1]!, runIn: mark[2] === defaultMark ? true : (mark[2] as '。' | '：'), text: mark[3]! };
  }
  if (rest.length <= 40 && !/[。；]/u.test(rest)) return { id, title: rest };
  return { id, text: rest };
}

function addText(section: NewSection, text: string): void {
  if (section.text === undefined) section.text = text;
  else section.text = [...(Array.isArray(section.text) ? section.text : [section.text]), text];
}

function allIds(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [...(s.id ? [s.id] : []), ...allIds(s.children ?? [])]);
}

function uniqueId(ids: Set<string>): string {
  let n = 1;
  while (ids.has(`new-${n}`)) n++;
  ids.add(`new-${n}`);
  return `new-${n}`;
}

// ---------------------------------------------------------------- moves

/** Lists whose surviving items appear in the edited document in another order. */
function moves(input: ChangeInput, list: ChangeList, gone: (path: PlanPath) => boolean): void {
  const positions = new Map<string, { list: PlanPath; items: Map<number, number> }>();
  for (const paragraph of input.edited) {
    const o = input.pairing.partner.get(paragraph.index);
    const path = o === undefined ? undefined : input.original[o]!.anchor?.path;
    if (!path || gone(path)) continue;
    for (const item of itemPrefixes(input.layouts, path)) {
      const key = pathKey(item.slice(0, -1));
      const entry = positions.get(key) ?? { list: item.slice(0, -1), items: new Map() };
      const index = item[item.length - 1] as number;
      if (!entry.items.has(index)) entry.items.set(index, paragraph.index);
      positions.set(key, entry);
    }
  }
  for (const { list: listPath, items } of positions.values()) {
    const order = [...items.keys()].sort((a, b) => items.get(a)! - items.get(b)!);
    if (order.every((index, i) => i === 0 || index > order[i - 1]!)) continue;
    list.changes.push({ type: 'move', list: listPath, order, moved: movedItems(input, listPath, order) });
  }
}

/** The list items a paragraph belongs to: its section, its ancestors, its text block or list item. */
function itemPrefixes(layouts: PlanLayouts, path: PlanPath): PlanPath[] {
  const prefixes: PlanPath[] = [];
  path.forEach((part, i) => {
    const key = path[i - 1];
    if (typeof part === 'number' && (key === 'sections' || key === 'children' || key === 'text' || key === 'list' || key === 'opening' || key === 'closing')) prefixes.push(path.slice(0, i + 1));
  });
  // a run-in heading prints the first paragraph: it stays first
  if (path[path.length - 1] === 'heading') {
    const section = valueAt(layouts.plan, path.slice(0, -1)) as Section;
    const first = firstParagraph(section, path.slice(0, -1));
    if (first && first.path[first.path.length - 1] === 0 && (section.title === undefined || runInMark(section, layouts.plan))) prefixes.push(first.path);
  }
  return prefixes;
}

/** The items that left their place: those outside a longest run kept in order. */
function movedItems(input: ChangeInput, listPath: PlanPath, order: number[]): Array<{ path: PlanPath; text: string }> {
  const kept = longestIncreasing(order);
  return order.filter((index) => !kept.has(index)).map((index) => ({ path: [...listPath, index], text: itemText(input, [...listPath, index]) }));
}

function itemText(input: ChangeInput, item: PlanPath): string {
  const paragraph = input.original.find((p) => p.anchor && isPrefix(item, p.anchor.path));
  return paragraph?.text ?? '';
}

function longestIncreasing(values: number[]): Set<number> {
  const best: number[][] = [];
  for (const value of values) {
    let chain: number[] = [];
    for (const candidate of best) if (candidate[candidate.length - 1]! < value && candidate.length > chain.length) chain = candidate;
    best.push([...chain, value]);
  }
  return new Set(best.reduce((a, b) => (b.length > a.length ? b : a), [] as number[]));
}

// ---------------------------------------------------------------- comments

function commentNotes(input: ChangeInput, list: ChangeList): void {
  for (const paragraph of input.edited) {
    for (const id of paragraph.comments) {
      const comment = input.comments.get(id);
      if (!comment) continue;
      const o = input.pairing.partner.get(paragraph.index);
      list.comments.push({ author: comment.author, comment: comment.text, path: o === undefined ? undefined : input.original[o]!.anchor?.path, paragraph: paragraph.text });
    }
  }
}
