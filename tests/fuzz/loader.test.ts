// Fuzzing the loader: whatever the text, loadPlanSource returns diagnostics
// with positions (or a plan), never throws, never hangs.
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadPlanSource } from '../../src/load/index.js';
import type { Diagnostic } from '../../src/load/diagnostic.js';
import { checkProperty } from './support.js';

const EXAMPLE = readFileSync(new URL('../../plans/changshou-2026.yaml', import.meta.url), 'utf8');
const FILE = 'fuzz.yaml';

/** The contract of a load result, whatever the input. */
function assertSoundResult(text: string, result: { value?: unknown; diagnostics: Diagnostic[] }): void {
  const lineCount = text.split(/\r\n|\r|\n/).length; // a lone CR ends a line for YAML and for editors
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.value === undefined && errors.length === 0) throw new Error('no plan and no error diagnostic');
  if (result.value !== undefined && errors.length > 0) throw new Error('a plan was returned despite errors');
  for (const d of result.diagnostics) {
    if (d.file !== FILE) throw new Error(`diagnostic names file ${d.file}`);
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 0 || d.column < 0) throw new Error(`bad position ${d.line}:${d.column}`);
    if (d.line > lineCount + 1) throw new Error(`line ${d.line} beyond the ${lineCount} lines of the text`);
    if (typeof d.message !== 'string' || !/[\u4e00-\u9fff]/.test(d.message)) throw new Error(`message is not Chinese: ${d.message}`);
    if (!/^[a-z0-9-]+$/.test(d.code)) throw new Error(`odd code ${d.code}`);
  }
}

function loadSound(text: string): true {
  assertSoundResult(text, loadPlanSource(text, FILE));
  return true;
}

/** Pieces that stress YAML: indicators, control characters, lone surrogates, CJK text. */
const hostileChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\n', ' ', '  ', ':', ': ', '- ', '#', '[', ']', '{', '}', ',', '"', "'", '|', '>', '&a ', '*a', '<<: ', '!!str ', '%YAML', '---', '...', '\t', '\\', '[[', ']]') },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\uFEFF', '\uFFFE', '\uD800', '\uDFFF', '\r', '\r\n') },
  { weight: 3, arbitrary: fc.constantFrom('title', 'year', 'sections', 'children', 'text', 'metrics', 'target', 'kind', 'id', 'task', '__proto__', 'constructor') },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom('长寿镇', '工作计划', '2026', '-1', '1e400', '0x1F', 'null', '~', 'true', '。', '：') },
);
const hostileText = fc.array(hostileChar, { maxLength: 120 }).map((parts) => parts.join(''));

/** Random data shaped loosely like a plan, written out as YAML. */
const planKeys = ['title', 'year', 'kind', 'issuer', 'date', 'sections', 'metrics', 'opening', 'numbering', 'basis', 'attachments', 'recipients', 'extra'];
const sectionLike = fc.letrec((tie) => ({
  section: fc.dictionary(
    fc.constantFrom('id', 'title', 'text', 'children', 'runIn', 'closing', 'lead', 'units', 'deadline', 'milestones', 'oops'),
    fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('section'), { maxLength: 3 })),
    { maxKeys: 6 },
  ),
}));
const planLike = fc.dictionary(
  fc.constantFrom(...planKeys),
  fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(sectionLike.section, { maxLength: 4 }), fc.integer({ min: 1900, max: 2100 })),
  { maxKeys: 8 },
);

/** Edits of a real plan: delete, duplicate, splice hostile text into, or re-indent a line. */
const lineEdit = fc.record({
  line: fc.nat(),
  op: fc.constantFrom('delete', 'duplicate', 'insert', 'indent', 'dedent', 'truncate'),
  text: hostileText,
});

function applyEdits(source: string, edits: Array<{ line: number; op: string; text: string }>): string {
  const lines = source.split('\n');
  for (const edit of edits) {
    const at = edit.line % lines.length;
    const current = lines[at]!;
    if (edit.op === 'delete') lines.splice(at, 1);
    if (edit.op === 'duplicate') lines.splice(at, 0, current);
    if (edit.op === 'insert') lines[at] = current.slice(0, edit.text.length % (current.length + 1)) + edit.text + current.slice(edit.text.length % (current.length + 1));
    if (edit.op === 'indent') lines[at] = ` ${current}`;
    if (edit.op === 'dedent') lines[at] = current.replace(/^ /, '');
    if (edit.op === 'truncate') lines[at] = current.slice(0, Math.floor(current.length / 2));
  }
  return lines.join('\n');
}

describe('fuzzing loadPlanSource', () => {
  it('random strings of YAML indicators, control characters and lone surrogates', async () => {
    await checkProperty(fc.property(hostileText, loadSound), 400);
  });

  it('random YAML structures shaped like a plan', async () => {
    await checkProperty(fc.property(planLike, (data) => loadSound(stringify(data))), 200);
  });

  it('random JSON values at the top level', async () => {
    await checkProperty(fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => loadSound(stringify(data) ?? '')), 200);
  });

  it('random edits of a real plan', async () => {
    await checkProperty(fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 4 }), (edits) => loadSound(applyEdits(EXAMPLE, edits))), 150);
  });

  it('10,000 tasks load as a plan', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => `      - title: 任务${i}\n        text: 开展第${i}项工作。\n`).join('');
    const text = `title: 测试计划\nyear: 2026\nsections:\n  - title: 重点任务\n    children:\n${tasks}`;
    const result = loadPlanSource(text, FILE);
    assertSoundResult(text, result);
    if (result.value?.sections[0]?.children?.length !== 10_000) throw new Error('the 10,000 tasks did not load');
  });
});
