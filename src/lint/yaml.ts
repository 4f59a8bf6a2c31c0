// Finds the prose in a plan or progress YAML file and maps each scalar's
// characters back to source offsets, so findings point at file:line:col and
// fixes edit the source text in place (comments and layout untouched).
import { isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Scalar } from 'yaml';
import { excessiveNesting } from '../load/depth.js';
import { lineCounterFor, type ParsedYaml } from '../load/yaml.js';
import { boundedStructureErrors } from '../load/yaml-bounds.js';
import type { TextRole } from './rules.js';

/** Keys whose values are data, not prose: never linted. */
const DATA_KEYS = new Set([
  'id', 'task', 'kind', 'year', 'date', 'printedDate', 'unit', 'runIn', 'sealed', 'numbering', 'publication',
  'baseline', 'value', 'min', 'max', 'separator', 'wording', 'relation', 'rate', 'orMore', 'cumulative',
  'period', 'asOf', 'plan', 'metric', 'file', 'deadline', '$schema',
]);

const SECTION_CONTAINERS = new Set(['sections', 'children']);

export interface ProseScalar {
  value: string;
  role: TextRole;
  /** a plain (unquoted) scalar, whose first character must not become YAML syntax */
  plain: boolean;
  /** source offset of each character of `value`, or -1 where the source differs (escapes, folded lines) */
  offsets: number[];
}

export interface YamlProse {
  scalars: ProseScalar[];
  lineCounter: LineCounter;
  /** YAML syntax errors: linting stops, `check` reports them */
  syntaxErrors: Array<{ offset: number; message: string }>;
}

/**
 * The prose of `text`. `parsed`, the loader's document of the same text, saves
 * parsing it again: the loader parses with merge keys on, which only turns a
 * plain `<<` key into a symbol (pathKeys reads it as "<<" either way).
 */
export function findProse(text: string, parsed?: Pick<ParsedYaml, 'text' | 'doc' | 'lineCounter'>): YamlProse {
  if (parsed && parsed.text === text && parsed.doc.errors.length === 0) return { scalars: proseOf(parsed.doc, text), lineCounter: parsed.lineCounter, syntaxErrors: [] };
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) return { scalars: [], lineCounter: lineCounterFor(text), syntaxErrors: [{ offset: tooDeep, message: 'nesting too deep' }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length === 0) doc.errors.push(...boundedStructureErrors(doc));
  const syntaxErrors = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message }));
  return { scalars: syntaxErrors.length ? [] : proseOf(doc, text), lineCounter, syntaxErrors };
}

/** The prose scalars of a document without errors. */
function proseOf(doc: Document.Parsed, text: string): ProseScalar[] {
  const scalars: ProseScalar[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const keys = pathKeys(path);
      if (keys.some((k) => DATA_KEYS.has(k))) return;
      if (!/[^\x00-\x7f]/.test(node.value)) return;
      scalars.push({ value: node.value, role: roleOf(keys), plain: node.type === 'PLAIN', offsets: alignOffsets(node as Scalar<string>, text) });
    },
  });
  return scalars;
}

function pathKeys(path: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const node of path) {
    if (isPair(node) && isScalar(node.key)) keys.push(typeof node.key.value === 'symbol' ? '<<' : String(node.key.value));
  }
  return keys;
}

function roleOf(keys: string[]): TextRole {
  if (keys[keys.length - 1] !== 'title') return 'prose';
  return keys.some((k) => SECTION_CONTAINERS.has(k)) ? 'sectionTitle' : 'title';
}

/**
 * Walks the scalar's source and its value together. Characters match one to
 * one except where YAML transforms them (quotes, escapes, indentation, folded
 * line breaks); those value characters get -1 and are never fixed in place.
 */
export function alignOffsets(node: Scalar<string>, text: string): number[] {
  const [start, end] = node.range!;
  const value = node.value;
  const offsets: number[] = new Array<number>(value.length).fill(-1);
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\n' || ch === ' ') {
      // blanks and breaks count only right after a matched character: elsewhere
      // they may be indentation or a folded line break, which a fix must not touch
      const previous = offsets[i - 1] ?? -1;
      if (previous >= 0 && text[previous + 1] === ch) {
        offsets[i] = previous + 1;
        p = previous + 2;
      }
      continue;
    }
    const found = text.indexOf(ch, p);
    if (found >= 0 && found < end && found - p <= 400) {
      offsets[i] = found;
      p = found + 1;
    }
  }
  return offsets;
}

/** The source range of value[start, end) when it is a verbatim copy there, else undefined. */
export function sourceRange(scalar: ProseScalar, start: number, end: number): [number, number] | undefined {
  const first = scalar.offsets[start];
  if (first === undefined || first < 0) return undefined;
  for (let i = start + 1; i < end; i++) if (scalar.offsets[i] !== first + (i - start)) return undefined;
  return [first, first + (end - start)];
}

