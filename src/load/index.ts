// Loading YAML inputs: bytes → text → YAML with positions → schema → semantic
// rules, every problem a Diagnostic with file:line:col. Nothing here throws at
// the user and nothing here writes.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Plan } from '../model/plan.js';
import { planSchema } from '../schema/index.js';
import { hasErrors, sortDiagnostics } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';
import { checkPlanRules, RuleContext } from './plan-rules.js';
import { schemaDiagnostics } from './schema-errors.js';
import { preflightText, readSourceFile } from './source.js';
import { rootCausesFirst } from './root-causes.js';
import { scanTraps } from './traps.js';
import { makeDiagnostic, parseYaml, positionAt, syntaxDiagnostics, toData } from './yaml.js';
import { escapedControlDiagnostics } from './control-chars.js';
import type { ParsedYaml } from './yaml.js';
import { validatorFor } from './validate.js';

export { RuleContext } from './plan-rules.js';
export type { JsonPath, Position } from './yaml.js';
export { MAX_SOURCE_BYTES } from './source.js';

export interface LoadResult<T> {
  /** undefined when there are errors */
  value?: T;
  diagnostics: Diagnostic[];
  /** the text the positions refer to (byte-order mark removed); '' when unreadable */
  source: string;
  /** the parsed document, for callers that report positions of their own without parsing again */
  parsed?: ParsedYaml;
}

/** Semantic rules report through the context (`ctx.error(path, …)`) or return diagnostics. */
export type SemanticContext = RuleContext;

export interface YamlLoadOptions<T> {
  schema: object;
  semantic?: (value: T, ctx: SemanticContext) => Diagnostic[] | void;
  /**
   * Run `semantic` even when the schema rejects the data, so all problems are
   * reported in one run; the rules then see unvalidated data and must guard it.
   */
  semanticOnInvalid?: boolean;
  /** what the file is called in messages, e.g. 计划文件 */
  noun?: string;
}

const SCHEMA_CODES_SUPERSEDED = new Set(['schema-type', 'schema-enum', 'schema-range', 'date-format', 'id-format', 'number-too-large']);

export function loadYamlSource<T>(raw: string, file: string, options: YamlLoadOptions<T>): LoadResult<T> {
  const pre = preflightText(raw, file);
  if (pre.text === undefined) return { diagnostics: pre.diagnostics, source: '' };
  const parsed = parseYaml(pre.text, file);
  const read = readData(parsed, options.noun ?? '文件');
  const checked = read.value === undefined ? [] : checkData(parsed, read.value, options);
  const diagnostics = rootCausesFirst(sortDiagnostics(dedupe([...pre.diagnostics, ...read.diagnostics, ...checked])), read.value);
  const ok = read.value !== undefined && !hasErrors(diagnostics);
  return { ...(ok ? { value: read.value as T } : {}), diagnostics, source: pre.text, parsed };
}

/** YAML text → plain data, or the syntax and shape problems that prevent it. */
function readData(parsed: ParsedYaml, noun: string): { value?: unknown; diagnostics: Diagnostic[] } {
  const traps = scanTraps(parsed.text, parsed.file);
  const syntax = syntaxDiagnostics(parsed);
  // the slip itself rather than the parser's errors it caused, which go away with it
  if (syntax.length > 0 && traps.rootCauses.length > 0) return { diagnostics: [...traps.rootCauses, ...unexplained(syntax, traps.rootCauses), ...traps.warnings] };
  const certain = traps.rootCauses.filter((d) => ALWAYS_ROOT_CAUSES.has(d.code));
  if (certain.length > 0) return { diagnostics: [...certain, ...traps.warnings] };
  // duplicate keys leave a usable document; other syntax errors do not
  if (syntax.some((d) => d.code !== 'duplicate-key')) return { diagnostics: [...syntax, ...traps.warnings] };
  syntax.push(...escapedControlDiagnostics(parsed));
  const shape = shapeDiagnostic(parsed, noun);
  if (shape) return { diagnostics: [...syntax, shape] };
  const data = toData(parsed);
  // a limit (too many keys after merging, an alias into itself) is the problem whatever else looks off
  const limits = data.diagnostics.filter((d) => LIMIT_CODES.has(d.code));
  if (limits.length > 0) return { diagnostics: limits };
  if (data.diagnostics.length > 0 && traps.rootCauses.length > 0) return { diagnostics: [...traps.rootCauses, ...traps.warnings] };
  return { value: data.value, diagnostics: [...syntax, ...traps.warnings, ...data.diagnostics] };
}

/** parser errors that stand on their own (an unclosed quote), on lines without a root cause */
function unexplained(syntax: Diagnostic[], rootCauses: Diagnostic[]): Diagnostic[] {
  const lines = new Set(rootCauses.map((d) => d.line));
  return syntax.filter((d) => SELF_EXPLAINED.has(d.code) && !lines.has(d.line));
}

const SELF_EXPLAINED = new Set(['yaml-quote', 'yaml-escape', 'yaml-multiple-docs']);

const LIMIT_CODES = new Set(['yaml-too-many-keys', 'yaml-alias-cycle']);

/** slips reported even when the parser read the file without complaint (its reading is then wrong) */
const ALWAYS_ROOT_CAUSES = new Set(['yaml-fullwidth-colon', 'yaml-tab', 'yaml-fullwidth-space']);

/** Schema validation, then the semantic rules (also on invalid data when asked). */
function checkData<T>(parsed: ParsedYaml, value: unknown, options: YamlLoadOptions<T>): Diagnostic[] {
  const validate = validatorFor(options.schema);
  const valid = validate(value) as boolean;
  const schemaDiags = valid ? [] : schemaDiagnostics(validate.errors ?? [], parsed, options.schema as Record<string, unknown>, options.noun);
  const ruleDiags = valid || options.semanticOnInvalid ? runSemantic(parsed, value as T, options) : [];
  return [...withoutSuperseded(schemaDiags, ruleDiags), ...ruleDiags];
}

function runSemantic<T>(parsed: ParsedYaml, value: T, options: YamlLoadOptions<T>): Diagnostic[] {
  if (!options.semantic) return [];
  const ctx = new RuleContext(parsed);
  const returned = options.semantic(value, ctx) ?? [];
  return [...new Set([...ctx.diagnostics, ...returned])];
}

/** A placeholder or an oversized number says more than "wrong type" about the same value. */
function withoutSuperseded(schemaDiags: Diagnostic[], ruleDiags: Diagnostic[]): Diagnostic[] {
  const placeholderLines = new Set(ruleDiags.filter((d) => d.code === 'placeholder').map((d) => d.line));
  const hugeNumbers = new Set(ruleDiags.filter((d) => d.code === 'number-too-large').map((d) => `${d.line}:${d.column}`));
  return schemaDiags.filter((d) => !(SCHEMA_CODES_SUPERSEDED.has(d.code) && (placeholderLines.has(d.line) || hugeNumbers.has(`${d.line}:${d.column}`))));
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shapeDiagnostic(parsed: ParsedYaml, noun: string): Diagnostic | undefined {
  const contents = parsed.doc.contents;
  const topHint = `${noun}从顶格书写的“键: 值”开始，例如“title: ……”；用 plandoc schema 可以查看所有的键。`;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return makeDiagnostic(parsed, { line: 1, column: 1 }, 'error', 'empty-file', `${noun}是空的（或只有注释）`, topHint);
  }
  if (isMap(contents)) return undefined;
  const at = positionAt(parsed, contents.range?.[0] ?? 0);
  if (isSeq(contents)) {
    return makeDiagnostic(parsed, at, 'error', 'top-level-list', `${noun}最外层是一个列表（以“- ”开头），应当是“键: 值”`, topHint);
  }
  return makeDiagnostic(parsed, at, 'error', 'top-level-scalar', `${noun}里只有一段文字，不是“键: 值”的形式`, topHint);
}

// ---------------------------------------------------------------- plans

const PLAN_OPTIONS: YamlLoadOptions<Plan> = {
  schema: planSchema,
  semantic: (plan, ctx) => checkPlanRules(plan, ctx),
  semanticOnInvalid: true,
  noun: '计划文件',
};

export function loadPlanSource(text: string, file: string): LoadResult<Plan> {
  return loadYamlSource<Plan>(text, file, PLAN_OPTIONS);
}

export async function loadPlanFile(path: string): Promise<LoadResult<Plan>> {
  return loadYamlFile(path, PLAN_OPTIONS);
}

/** Reads a file (size, encoding and binary checks first) and loads it. */
export async function loadYamlFile<T>(path: string, options: YamlLoadOptions<T>): Promise<LoadResult<T>> {
  const read = await readSourceFile(path);
  if (read.text === undefined) return { diagnostics: read.diagnostics, source: '' };
  return loadYamlSource<T>(read.text, path, options);
}

/** A progress file is a YAML file with a top-level `period` key. */
export function isProgressSource(text: string): boolean {
  return /^period\s*:/m.test(text);
}

/** A plan file has a top-level `sections` key (and no `period`). */
export function isPlanSource(text: string): boolean {
  return !isProgressSource(text) && /^sections\s*:/m.test(text);
}
