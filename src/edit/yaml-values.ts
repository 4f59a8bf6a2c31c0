// The in-place YAML value editor shared by `plandoc collect` and the workbench:
// it changes or appends entries of a progress file's `values` and `tasks` lists
// by splicing the source text, so every comment, blank line, key order and
// flow/block style the writer chose stays exactly as it was. Pure functions:
// text in, text out.
import type { MetricValue } from '../model/progress.js';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export type EditScalar = string | number | boolean;

/** One tracked value (a `values` entry); the entry with the same metric and date is updated. */
export type ValueEdit = MetricValue;

/** One task's progress (a `tasks` entry); the entry with the same task is updated. */
export interface TaskEdit {
  task: string;
  status: string;
  progress?: string;
}

/** Key order of a new entry, as the example progress files write them. */
const VALUE_KEYS = ['metric', 'value', 'unit', 'date', 'lastYear', 'note', 'source'] as const;
const TASK_KEYS = ['task', 'status', 'progress'] as const;

/** The text cannot be edited safely (a syntax error, or `values` is not a list). */
export class YamlEditError extends Error {}

/** Sets one metric value: updates the entry of that metric and date, or appends one. */
export function setProgressValue(text: string, edit: ValueEdit): string {
  return keepingLineEndings(text, (lf) => upsertListEntry(lf, 'values', orderedFields(edit, VALUE_KEYS),
    (entry) => entry.metric === edit.metric && String(entry.date) === edit.date));
}

/** Applies several value edits in order. */
export function setProgressValues(text: string, edits: readonly ValueEdit[]): string {
  return edits.reduce(setProgressValue, text);
}

/** Sets one task's status (and progress sentence): updates its entry, or appends one. */
export function setTaskProgress(text: string, edit: TaskEdit): string {
  return keepingLineEndings(text, (lf) => upsertListEntry(lf, 'tasks', orderedFields(edit, TASK_KEYS), (entry) => entry.task === edit.task));
}

/** A file saved with Windows line endings (CRLF throughout) gets its new lines with CRLF too. */
export function keepingLineEndings(text: string, edit: (lf: string) => string): string {
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  if (!crlf) return edit(text);
  return edit(text.replace(/\r\n/g, '\n')).replace(/\n/g, '\r\n');
}

function orderedFields<T extends object>(edit: T, keys: readonly string[]): Array<[string, EditScalar]> {
  const record = edit as Record<string, EditScalar | undefined>;
  return keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]!]);
}

// ---------------------------------------------------------------- list entries

export function parseForEdit(text: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new YamlEditError(`YAML syntax error: ${doc.errors[0]!.message}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new YamlEditError('the document is not a mapping');
  return doc;
}

function upsertListEntry(
  text: string,
  listKey: string,
  fields: Array<[string, EditScalar]>,
  matches: (entry: Record<string, unknown>) => boolean,
): string {
  const doc = parseForEdit(text);
  const list = doc.get(listKey, true) as Node | undefined | null;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return appendList(text, doc, listKey, fields);
  if (!isSeq(list)) throw new YamlEditError(`${listKey} is not a list`);
  const entry = list.items.find((item) => isMap(item) && matches(item.toJSON() as Record<string, unknown>));
  const edited = entry ? updateEntry(text, entry as YAMLMap, fields) : appendEntry(text, list, fields);
  assertParses(edited);
  return edited;
}

/** Replaces the value of each key the entry has, and adds the keys it lacks. */
function updateEntry(text: string, entry: YAMLMap, fields: Array<[string, EditScalar]>): string {
  const splices: Splice[] = [];
  const missing: Array<[string, EditScalar]> = [];
  for (const [key, value] of fields) {
    const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
    if (pair?.value?.range) {
      if (!sameScalar(pair.value, value)) splices.push({ start: pair.value.range[0], end: pair.value.range[1], text: scalarText(value, entry.flow === true) });
    } else if (!pair) {
      missing.push([key, value]);
    }
  }
  if (missing.length) splices.push(entry.flow ? flowAddition(text, entry, missing) : blockAddition(text, entry, missing));
  return applySplices(text, splices);
}

function sameScalar(node: Node, value: EditScalar): boolean {
  return isScalar(node) && (node.value === value || (typeof value === 'string' && String(node.value) === value));
}

/** `, key: value` before the closing brace of a flow map. */
function flowAddition(text: string, entry: YAMLMap, fields: Array<[string, EditScalar]>): Splice {
  const close = text.lastIndexOf('}', entry.range![1] - 1);
  let at = close;
  while (at > 0 && text[at - 1] === ' ') at--;
  const added = fields.map(([key, value]) => `${key}: ${scalarText(value, true)}`).join(', ');
  const separator = entry.items.length ? ', ' : ' ';
  return { start: at, end: at, text: `${separator}${added}` };
}

/** New `key: value` lines after the last line of a block map. */
function blockAddition(text: string, entry: YAMLMap, fields: Array<[string, EditScalar]>): Splice {
  const first = entry.items[0] as Pair<Node, Node>;
  const indent = ' '.repeat(columnOf(text, first.key.range![0]));
  const at = lineEndAfter(text, lastOffset(entry));
  const lines = fields.map(([key, value]) => `${indent}${key}: ${scalarText(value, false)}`).join('\n');
  return atLineStart(text, at, lines);
}

/** A new entry after the last one, in the style (flow map or block map) of the entries before it. */
function appendEntry(text: string, list: YAMLSeq, fields: Array<[string, EditScalar]>): string {
  if (list.flow) return appendToFlowList(text, list, fields);
  const last = list.items[list.items.length - 1] as Node | undefined;
  const dashColumn = columnOf(text, list.range![0]);
  const at = lineEndAfter(text, last ? lastOffset(last) : list.range![0]);
  const flow = last !== undefined && isMap(last) && last.flow === true;
  return applySplices(text, [atLineStart(text, at, entryText(fields, dashColumn, flow))]);
}

/** `values: []` or `values: [ {…} ]`: the new entry goes inside the brackets. */
function appendToFlowList(text: string, list: YAMLSeq, fields: Array<[string, EditScalar]>): string {
  const close = text.lastIndexOf(']', list.range![1] - 1);
  const item = `{ ${fields.map(([key, value]) => `${key}: ${scalarText(value, true)}`).join(', ')} }`;
  const separator = list.items.length ? ', ' : '';
  return applySplices(text, [{ start: close, end: close, text: `${separator}${item}` }]);
}

/** `listKey:` with its first entry, at the end of the document (or replacing an empty `listKey:`). */
function appendList(text: string, doc: Document, listKey: string, fields: Array<[string, EditScalar]>): string {
  const root = doc.contents as YAMLMap | null;
  const existing = root?.items.find((p) => isScalar(p.key) && p.key.value === listKey) as Pair<Node, Node | null> | undefined;
  const block = `${listKey}:\n${entryText(fields, 2, false)}`;
  let edited: string;
  if (existing) {
    const start = existing.key.range![0];
    const end = lineEndAfter(text, existing.value?.range?.[1] ?? existing.key.range![1]);
    edited = applySplices(text, [{ start, end: Math.min(end + 1, text.length), text: `${block}\n` }]);
  } else {
    const body = text.length && !text.endsWith('\n') ? `${text}\n` : text;
    edited = `${body}\n${block}\n`;
  }
  assertParses(edited);
  return edited;
}

function entryText(fields: Array<[string, EditScalar]>, dashColumn: number, flow: boolean): string {
  const dash = `${' '.repeat(dashColumn)}- `;
  if (flow) return `${dash}{ ${fields.map(([key, value]) => `${key}: ${scalarText(value, true)}`).join(', ')} }`;
  const indent = ' '.repeat(dashColumn + 2);
  return fields.map(([key, value], i) => `${i === 0 ? dash : indent}${key}: ${scalarText(value, false)}`).join('\n');
}

// ---------------------------------------------------------------- scalars

const PLAIN_UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;

/** A scalar as YAML source: plain where that reads back as the same string, else double-quoted. */
export function scalarText(value: EditScalar, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (isPlainSafe(value, inFlow)) return value;
  return JSON.stringify(value);
}

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || PLAIN_UNSAFE_START.test(value)) return false;
  if (/[\n\r\t]|: |:$| #/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const doc = parseDocument(value);
  return !doc.errors.length && doc.contents !== null && isScalar(doc.contents) && doc.contents.value === value;
}

// ---------------------------------------------------------------- text positions

export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(text: string, splices: Splice[]): string {
  return [...splices].sort((a, b) => b.start - a.start).reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

/** Inserts whole lines at `at`, which is a line end (or the end of the text). */
function atLineStart(text: string, at: number, lines: string): Splice {
  if (at >= text.length) return { start: text.length, end: text.length, text: text.endsWith('\n') || text === '' ? `${lines}\n` : `\n${lines}\n` };
  return { start: at, end: at, text: `\n${lines}` };
}

/** The offset of the line end on which `offset` lies (the offset of the `\n`). */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset - 1;
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** The last source offset of a node's own text (without the comments after it). */
export function lastOffset(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length) {
    const pair = node.items[node.items.length - 1] as Pair<Node, Node | null>;
    return pair.value?.range ? lastOffset(pair.value) : pair.key.range![1];
  }
  if (isSeq(node) && !node.flow && node.items.length) return lastOffset(node.items[node.items.length - 1] as Node);
  return node.range![1];
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

export function assertParses(text: string): void {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new YamlEditError(`the edit would break the YAML: ${doc.errors[0]!.message}`);
}
