// In-place edits of a plan's YAML by data path, for `plandoc apply`: set a
// text or number, and rewrite a list (keep, drop, reorder and add items). The
// source text is spliced, so every comment, blank line, key order, quoting
// style and untouched line stays byte for byte as the writer left it.
import { isMap, isScalar, isSeq, Scalar, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { applySplices, assertParses, columnOf, keepingLineEndings, lastOffset, lineEndAfter, parseForEdit, scalarText, YamlEditError } from './yaml-values.js';

export type YamlPath = Array<string | number>;

/** An item of a rewritten list: an existing item by its current index, or a new value. */
export type ListItem = { from: number } | { value: unknown };

/** Key order of a plan's maps, for placing a key that was not there. */
const KEY_ORDER = ['id', 'title', 'kind', 'year', 'issuer', 'date', 'runIn', 'opening', 'text', 'list', 'lead', 'units', 'deadline', 'milestones', 'children', 'sections', 'closing', 'attachments'];

/** Sets the string or number at `path` (which must exist and be a scalar), keeping its quoting style where it can. */
export function setScalarAt(text: string, path: YamlPath, value: string | number): string {
  return keepingLineEndings(text, (lf) => {
    const doc = parseForEdit(lf);
    const node = doc.getIn(path, true) as Node | undefined;
    if (!isScalar(node) || !node.range) throw new YamlEditError(`no scalar at ${path.join('.')}`);
    if (node.value === value) return lf;
    const edited = applySplices(lf, [{ start: node.range[0], end: node.range[1], text: scalarSource(lf, node, value) }]);
    const check = parseForEdit(edited).getIn(path);
    if (typeof value === 'number' ? check !== value : String(check).replace(/\n$/, '') !== value) throw new YamlEditError(`the edit of ${path.join('.')} did not read back`);
    return edited;
  });
}

/**
 * Rewrites the list at `path` to `items`. A string there is a list of one
 * item (it becomes a block list when items are added); a missing key is
 * added; an empty result removes the key.
 */
export function rewriteList(text: string, path: YamlPath, items: readonly ListItem[]): string {
  return keepingLineEndings(text, (lf) => {
    const doc = parseForEdit(lf);
    const node = doc.getIn(path, true) as Node | undefined | null;
    let edited: string;
    if (node === undefined || node === null) edited = items.length ? addKey(lf, doc, path, items) : lf;
    else if (items.length === 0) edited = removeKey(lf, doc, path);
    else if (isSeq(node) && !node.flow) edited = rewriteBlockList(lf, node, items);
    else if (isScalar(node) && typeof node.value === 'string') edited = scalarToList(lf, doc, path, node, items);
    else throw new YamlEditError(`${path.join('.')} is not a block list`);
    assertParses(edited);
    return edited;
  });
}

// ---------------------------------------------------------------- lists

interface ItemSpan {
  /** line start of the item's dash */
  start: number;
  /** the item's lines, ending with a newline, without blank lines after it */
  core: string;
}

function rewriteBlockList(text: string, list: YAMLSeq, items: readonly ListItem[]): string {
  const spans = itemSpans(text, list);
  const dashColumn = columnOf(text, dashBefore(text, list.items[0] as Node));
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  const gap = blankLinesAfter(text, first.start + first.core.length, spans[1]?.start ?? first.start + first.core.length);
  const cores = items.map((item) => ('from' in item ? spanOf(spans, item.from).core : itemSource(item.value, dashColumn)));
  return applySplices(text, [{ start: first.start, end: last.start + last.core.length, text: cores.join(gap) }]);
}

function spanOf(spans: ItemSpan[], index: number): ItemSpan {
  const span = spans[index];
  if (!span) throw new YamlEditError(`no list item ${index}`);
  return span;
}

function itemSpans(text: string, list: YAMLSeq): ItemSpan[] {
  const starts = list.items.map((item) => lineStart(text, dashBefore(text, item as Node)));
  return starts.map((start, i) => {
    const last = i === starts.length - 1;
    const end = last ? Math.min(lineEndAfter(text, lastOffset(list.items[i] as Node)) + 1, text.length) : starts[i + 1]!;
    const core = text.slice(start, end).replace(/\n(?:[ \t]*\n)+$/, '\n');
    return { start, core: core.endsWith('\n') ? core : `${core}\n` };
  });
}

/** The blank lines between two items (kept between every item of the rewritten list). */
function blankLinesAfter(text: string, coreEnd: number, nextStart: number): string {
  const between = text.slice(coreEnd, nextStart);
  return /^(?:[ \t]*\n)+$/.test(between) ? between : '';
}

function dashBefore(text: string, item: Node | null): number {
  if (!item?.range) throw new YamlEditError('a list item without source');
  let at = item.range[0] - 1;
  while (at >= 0 && text[at] !== '-') {
    if (!/[ \t]/.test(text[at]!)) throw new YamlEditError('a list item not written as "- item"');
    at--;
  }
  return at;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A new list item as source lines at `dashColumn`, ending with a newline. */
function itemSource(value: unknown, dashColumn: number): string {
  const pad = ' '.repeat(dashColumn);
  const body = typeof value === 'string' ? stringSource(value, dashColumn + 2) : stringify(value, { lineWidth: 0 }).trimEnd();
  const lines = body.split('\n');
  return `${lines.map((line, i) => (i === 0 ? `${pad}- ${line}` : line === '' ? '' : `${pad}  ${line}`)).join('\n')}\n`;
}

// ---------------------------------------------------------------- keys

/** `text: abc` → `text:` followed by a block list whose items are `items`. */
function scalarToList(text: string, doc: Document, path: YamlPath, node: Scalar, items: readonly ListItem[]): string {
  if (items.length === 1 && 'from' in items[0]! && items[0].from === 0) return text;
  const pair = pairOf(doc, path);
  const dashColumn = columnOf(text, pair.key.range![0]) + 2;
  const lines = items.map((item) => itemSource('from' in item ? node.value : item.value, dashColumn)).join('');
  let start = node.range![0];
  while (start > 0 && text[start - 1] === ' ') start--;
  return applySplices(text, [{ start, end: node.range![1], text: `\n${lines.replace(/\n$/, '')}` }]);
}

/** Adds `key:` to the map at path[..-1], before the first key that comes after it. */
function addKey(text: string, doc: Document, path: YamlPath, items: readonly ListItem[]): string {
  const key = path[path.length - 1];
  const map = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (typeof key !== 'string' || !isMap(map) || map.flow || !map.items.length) throw new YamlEditError(`cannot add ${path.join('.')}`);
  const values = items.map((item) => ('value' in item ? item.value : undefined));
  const column = columnOf(text, (map.items[0] as Pair<Node, Node>).key.range![0]);
  const pad = ' '.repeat(column);
  const source = values.length === 1 && typeof values[0] === 'string'
    ? `${pad}${key}: ${stringSource(values[0], column + 2)}\n`
    : `${pad}${key}:\n${values.map((value) => itemSource(value, column + 2)).join('')}`;
  const rank = KEY_ORDER.indexOf(key);
  const next = map.items.find((pair) => isScalar(pair.key) && KEY_ORDER.indexOf(String(pair.key.value)) > rank) as Pair<Node, Node> | undefined;
  const at = next ? lineStart(text, next.key.range![0]) : Math.min(lineEndAfter(text, lastOffset(map as Node)) + 1, text.length);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return applySplices(text, [{ start: at, end: at, text: prefix + source }]);
}

/** Removes `key: …` (its lines) from its block map. */
function removeKey(text: string, doc: Document, path: YamlPath): string {
  const map = doc.getIn(path.slice(0, -1), true) as YAMLMap | undefined;
  const pair = pairOf(doc, path);
  if (!map || map.flow) throw new YamlEditError(`cannot remove ${path.join('.')}`);
  const index = map.items.indexOf(pair as Pair);
  const next = map.items[index + 1] as Pair<Node, Node> | undefined;
  const start = lineStart(text, pair.key.range![0]);
  const end = next ? lineStart(text, next.key.range![0]) : Math.min(lineEndAfter(text, pair.value ? lastOffset(pair.value) : pair.key.range![1]) + 1, text.length);
  return applySplices(text, [{ start, end, text: '' }]);
}

function pairOf(doc: Document, path: YamlPath): Pair<Node, Node> {
  const map = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  const key = path[path.length - 1];
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  if (!pair?.key || !(pair.key as Node).range) throw new YamlEditError(`no key ${path.join('.')}`);
  return pair as Pair<Node, Node>;
}

// ---------------------------------------------------------------- scalars

/** A string as a value whose continuation lines start at `indent` (a block literal when it has line breaks). */
function stringSource(value: string, indent: number): string {
  if (!value.includes('\n')) return scalarText(value, false);
  const [header, ...lines] = stringify(value, { lineWidth: 0, blockQuote: 'literal' }).trimEnd().split('\n');
  const base = ' '.repeat(Math.max(indent - 2, 0));
  return [header, ...lines.map((line) => (line.trim() === '' ? '' : base + line))].join('\n');
}

/** The new value in the style of the scalar it replaces. */
function scalarSource(text: string, node: Scalar, value: string | number): string {
  if (typeof value === 'number') return String(value);
  const indent = indentOfLine(text, node.range![0]) + 2;
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'QUOTE_SINGLE':
      return value.includes('\n') ? JSON.stringify(value) : `'${value.replaceAll("'", "''")}'`;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return blockSource(text, node, value);
    default:
      return stringSource(value, indent);
  }
}

/** Keeps the block header (| or >, chomping) and the content indentation the writer used. */
function blockSource(text: string, node: Scalar, value: string): string {
  const start = node.range![0];
  const headerEnd = text.indexOf('\n', start);
  const header = text.slice(start, headerEnd).trim();
  const firstContent = /^([ ]+)\S/m.exec(text.slice(headerEnd + 1, node.range![1]));
  const pad = firstContent?.[1] ?? ' '.repeat(indentOfLine(text, start) + 2);
  const folded = header.startsWith('>');
  const useHeader = folded && value.includes('\n') ? header.replace('>', '|') : header;
  const body = value.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : pad + line)).join('\n');
  // the content ends where the old one did: a trailing newline of the old source stays outside
  return `${useHeader}\n${body}${text.slice(start, node.range![1]).endsWith('\n') ? '\n' : ''}`;
}

function indentOfLine(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return /^ */.exec(text.slice(start))![0].length;
}
