// YAML with positions: parse a source text into a document whose every node
// can be found again by its JSON path, and translate the yaml library's own
// errors into plain-Chinese diagnostics.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError } from 'yaml';
import type { Document, Node, Pair, YAMLError } from 'yaml';
import type { Diagnostic, Severity } from './diagnostic.js';
import { excessiveNesting } from './depth.js';
import { boundedStructureErrors, MAP_TOO_LARGE_MESSAGE, MAX_MAP_KEYS, SELF_ALIAS_MESSAGE } from './yaml-bounds.js';

export type JsonPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Aliases expanded beyond this count are treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

export function parseYaml(text: string, file: string): ParsedYaml {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) return refusedAsTooDeep(text, file, tooDeep);
  const lineCounter = new LineCounter();
  // duplicate keys are found by boundedStructureErrors in linear time
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: false });
  if (doc.errors.length === 0) doc.errors.push(...boundedStructureErrors(doc));
  return { file, text, doc, lineCounter };
}

/** Line starts of a text the parser did not read (it fills a LineCounter as it goes). */
export function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/** An empty document carrying the error the parser gives for a stack overflow, at `offset`. */
function refusedAsTooDeep(text: string, file: string, offset: number): ParsedYaml {
  const lineCounter = lineCounterFor(text);
  const doc = parseDocument('', { prettyErrors: false });
  doc.errors.push(new YAMLParseError([offset, offset + 1], 'RESOURCE_EXHAUSTION', 'nesting too deep'));
  return { file, text, doc, lineCounter };
}

export function positionAt(parsed: ParsedYaml, offset: number): Position {
  const { line, col } = parsed.lineCounter.linePos(Math.max(0, Math.min(offset, parsed.text.length)));
  return { line, column: col };
}

export function makeDiagnostic(
  parsed: Pick<ParsedYaml, 'file'>,
  position: Position,
  severity: Severity,
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { file: parsed.file, line: position.line, column: position.column, severity, code, message, ...(hint ? { hint } : {}) };
}

// ---------------------------------------------------------------- syntax errors

interface SyntaxText {
  code: string;
  message: string;
  hint: string;
}

function describeYamlError(error: YAMLError, parsed: ParsedYaml): SyntaxText {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyTextAt(parsed.text, error.pos[0]);
      return {
        code: 'duplicate-key',
        message: `键${key ? `“${key}”` : ''}在同一层出现了两次`,
        hint: '同一层的键只能写一次：删掉重复的一个，或把两处内容合并。',
      };
    }
    case 'TAB_AS_INDENT':
      return { code: 'yaml-tab', message: '缩进里有制表符（Tab）', hint: 'YAML 只能用空格缩进：把这一行开头的 Tab 换成空格（每级两个空格）。' };
    case 'BAD_INDENT':
      return { code: 'yaml-indent', message: '缩进没有对齐', hint: '同一层的键要左对齐；下一级比上一级多缩进两个空格。' };
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        return { code: 'yaml-quote', message: '引号没有闭合', hint: '在这段文字末尾补上配对的引号（" 或 \'），或者去掉开头的引号。' };
      }
      if (/- indicator/.test(error.message)) {
        return { code: 'yaml-indent', message: '缩进没有对齐（这一行既不像上一项的键，也不是新的一项）', hint: '列表项里的键要和“- ”后面的第一个键左对齐；新的一项以“- ”开头。' };
      }
      return { code: 'yaml-syntax', message: '缺少配对的符号（括号、引号等）', hint: '检查这一行的括号和引号是否成对。' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { code: 'yaml-syntax', message: '这一行缺少“键: 值”中的冒号，或者上一行的文字换行了', hint: '每行写成“键: 值”（冒号后有一个空格）；长文字不要直接换行，请写在一行内或用“|”块。' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { code: 'yaml-colon', message: '一行里出现了两个“: ”', hint: '文字里含有“: ”时，把整段文字用引号括起来，或改用中文冒号“：”。' };
    case 'BAD_DQ_ESCAPE':
      return { code: 'yaml-escape', message: '双引号里的反斜杠（\\）写法不对', hint: '双引号里的反斜杠要写成 \\\\；或者改用单引号，或去掉引号。' };
    case 'MULTIPLE_DOCS':
      return { code: 'yaml-multiple-docs', message: '文件里有多份 YAML 文档（用“---”分隔）', hint: '一个文件只写一份计划：删掉多余的“---”和它后面的内容，或拆成几个文件。' };
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
      if (error.message === SELF_ALIAS_MESSAGE) {
        return { code: 'yaml-alias-cycle', message: '别名引用了包含它自己的锚点，内容会无限展开', hint: '别名（*名称）不能写在它引用的“&名称”那一项里面；计划文件通常不需要别名。' };
      }
      return { code: 'yaml-alias', message: '别名（*名称）写法不对', hint: '别名要引用前面用“&名称”定义过的内容；计划文件通常不需要别名。' };
    case 'RESOURCE_EXHAUSTION':
      if (error.message === MAP_TOO_LARGE_MESSAGE) {
        return { code: 'yaml-too-many-keys', message: `这一项（合并键“<<”展开后）有超过 ${MAX_MAP_KEYS} 个键，不可能是计划的内容`, hint: '检查是不是粘贴错了内容，或删掉“<<”合并。' };
      }
      // the yaml library reports a stack overflow this way; so does parseYaml for text past load/depth.ts's limits
      return { code: 'yaml-too-deep', message: '嵌套层次太深，无法读取', hint: '计划文件通常不超过十几层：检查是不是括号没有配对或缩进出了错。' };
    case 'KEY_OVER_1024_CHARS':
      return { code: 'yaml-syntax', message: '键太长（超过 1024 个字符）', hint: '检查这一行是不是漏了冒号后的空格或换行。' };
    default:
      return { code: 'yaml-syntax', message: '这里的 YAML 写法不对', hint: '检查冒号（后面要有空格）、引号、括号和缩进。' };
  }
}

const FLOW_SENSITIVE_CODES = new Set(['yaml-syntax', 'yaml-indent', 'yaml-colon']);

export const CITATION_QUOTE_HINT = '这一行的引用 [[编号]] 被 YAML 当成了方括号列表：把整段文字用引号括起来，例如 text: "达到[[rate]]。"';

/** `[[id]]` at the start of a value or inside `[...]` reads as nested YAML lists. */
export function citationInFlow(parsed: ParsedYaml, line: number): boolean {
  const starts = parsed.lineCounter.lineStarts;
  const text = parsed.text.slice(starts[line - 1] ?? 0, starts[line] ?? parsed.text.length);
  return /(?::|-|\[|,)\s*\[\[/.test(text) || (/\[[^\]]*\[\[/.test(text) && !/["']/.test(text));
}

function aliasBombText(): SyntaxText {
  return {
    code: 'yaml-alias-bomb',
    message: '别名（*名称）展开后内容过多，文件可能是恶意构造的',
    hint: `计划文件不需要大量别名；展开次数上限为 ${MAX_ALIAS_COUNT}。`,
  };
}

function keyTextAt(text: string, offset: number): string | undefined {
  const match = /^[^:\n]*/.exec(text.slice(offset, offset + 200));
  const key = match?.[0].trim().replace(/^["']|["']$/g, '');
  return key || undefined;
}

export function syntaxDiagnostics(parsed: ParsedYaml): Diagnostic[] {
  const errors = parsed.doc.errors.map((error) => {
    const text = describeYamlError(error, parsed);
    const offset = text.code === 'yaml-quote' ? openingQuoteOffset(parsed, error.pos[0]) : error.pos[0];
    const where = positionAt(parsed, offset);
    const flowMistake = FLOW_SENSITIVE_CODES.has(text.code) && citationInFlow(parsed, where.line);
    const hint = flowMistake ? CITATION_QUOTE_HINT : text.hint;
    return makeDiagnostic(parsed, where, 'error', text.code, text.message, hint);
  });
  return [...errors, ...unresolvedAliasDiagnostics(parsed)];
}

/** An unclosed quote is reported where the text ends; the writer needs where it opened. */
function openingQuoteOffset(parsed: ParsedYaml, errorOffset: number): number {
  let best = errorOffset;
  visit(parsed.doc, {
    Scalar(_, scalar) {
      const [start, end] = scalar.range ?? [0, 0];
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      if (quoted && start < errorOffset && end >= errorOffset - 1 && (best === errorOffset || start > best)) best = start;
    },
  });
  return best;
}

/**
 * One pass in document order: an alias resolves when its anchor came before it.
 * (alias.resolve() walks the whole document per alias: thousands of merge-key
 * aliases took minutes.)
 */
function unresolvedAliasDiagnostics(parsed: ParsedYaml): Diagnostic[] {
  const found: Diagnostic[] = [];
  const anchors = new Set<string>();
  visit(parsed.doc, (_, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        const alias = node;
        found.push(
          makeDiagnostic(parsed, positionAt(parsed, alias.range?.[0] ?? 0), 'error', 'yaml-alias',
            `别名“*${alias.source}”找不到对应的锚点“&${alias.source}”`,
            '锚点（&名称）要写在别名（*名称）之前；计划文件通常不需要别名。'),
        );
      }
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      anchors.add(node.anchor);
    }
  });
  return found;
}

/** Converts the document to plain data; an alias bomb becomes a diagnostic. */
export function toData(parsed: ParsedYaml): { value?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [] };
  } catch (error) {
    if (isBadMergeError(error)) return { diagnostics: [badMergeDiagnostic(parsed)] };
    if (!(error instanceof ReferenceError)) throw error;
    const text = aliasBombText();
    const offset = firstAliasOffset(parsed);
    return { diagnostics: [makeDiagnostic(parsed, positionAt(parsed, offset), 'error', text.code, text.message, text.hint)] };
  }
}

/** `<<: text` (a merge key whose value is not a map) makes the yaml library throw. */
function isBadMergeError(error: unknown): boolean {
  return error instanceof Error && /^Merge sources must be maps/.test(error.message);
}

function badMergeDiagnostic(parsed: ParsedYaml): Diagnostic {
  let offset = 0;
  visit(parsed.doc, {
    Pair(_, pair) {
      const value = isAlias(pair.value) ? pair.value.resolve(parsed.doc) : pair.value;
      if (!isMergePair(pair) || isMap(value) || (isSeq(value) && value.items.every((item) => isMap(isAlias(item) ? item.resolve(parsed.doc) : item)))) return undefined;
      offset = (pair.key as Node).range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return makeDiagnostic(parsed, positionAt(parsed, offset), 'error', 'yaml-merge', '合并键“<<”后面只能是“键: 值”的内容或它的别名',
    '计划文件不需要“<<”：把“<<: ……”这一行删掉，或者把“<<”改成普通的键名。');
}

function firstAliasOffset(parsed: ParsedYaml): number {
  let offset = 0;
  visit(parsed.doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

// ---------------------------------------------------------------- paths → nodes

function resolveAlias(parsed: ParsedYaml, node: unknown): unknown {
  return isAlias(node) ? node.resolve(parsed.doc) : node;
}

function keyMatches(pair: Pair<unknown, unknown>, segment: string | number): boolean {
  const key = pair.key;
  return isScalar(key) && String(key.value) === String(segment);
}

function isMergePair(pair: Pair<unknown, unknown>): boolean {
  // with `merge: true` the yaml library keys a merge with a symbol, not the string "<<"
  return isScalar(pair.key) && (typeof pair.key.value === 'symbol' || pair.key.value === '<<');
}

function findPair(parsed: ParsedYaml, map: unknown, segment: string | number, depth = 0): Pair<unknown, unknown> | undefined {
  if (!isMap(map) || depth > 10) return undefined;
  const own = map.items.find((pair) => isPair(pair) && keyMatches(pair, segment));
  if (own) return own;
  for (const pair of map.items) {
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = findPair(parsed, resolveAlias(parsed, source), segment, depth + 1);
      if (merged) return merged;
    }
  }
  return undefined;
}

interface Located {
  node?: Node;
  keyNode?: Node;
  /** how many path segments were found before giving up */
  depth: number;
}

function walk(parsed: ParsedYaml, path: JsonPath): Located {
  let current: unknown = parsed.doc.contents;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    const container = resolveAlias(parsed, current);
    let next: unknown;
    if (isMap(container)) {
      const pair = findPair(parsed, container, segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      next = pair.value ?? pair.key;
    } else if (isSeq(container) && typeof segment === 'number') {
      next = container.items[segment];
      keyNode = undefined;
      if (next === undefined) break;
    } else {
      break;
    }
    current = next;
    depth++;
  }
  return { node: current as Node | undefined, keyNode, depth };
}

export function nodeAt(parsed: ParsedYaml, path: JsonPath): Node | undefined {
  const found = walk(parsed, path);
  return found.depth === path.length ? found.node : undefined;
}

/**
 * Where to point for a path: the value node, or with `key` the key that
 * names it. A path that is not in the source (a default, an alias) points at
 * the deepest node that is.
 */
export function locate(parsed: ParsedYaml, path: JsonPath, options: { key?: boolean } = {}): Position {
  const found = walk(parsed, path);
  const complete = found.depth === path.length;
  const node = options.key && complete && found.keyNode ? found.keyNode : found.node;
  const offset = node?.range?.[0];
  return offset === undefined ? { line: 1, column: 1 } : positionAt(parsed, offset);
}

/** The source text of the node at a path, and where it starts. */
export function sourceOf(parsed: ParsedYaml, path: JsonPath): { text: string; offset: number } | undefined {
  const node = nodeAt(parsed, path);
  const range = node?.range;
  if (!range) return undefined;
  return { text: parsed.text.slice(range[0], range[1]), offset: range[0] };
}

/** Position of `needle` inside the source of the node at `path`, or of the node itself. */
export function locateWithin(parsed: ParsedYaml, path: JsonPath, needle: string, occurrence = 0): Position {
  const source = sourceOf(parsed, path);
  if (source) {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
      index = source.text.indexOf(needle, index + 1);
      if (index < 0) break;
    }
    if (index >= 0) return positionAt(parsed, source.offset + index);
  }
  return locate(parsed, path);
}
