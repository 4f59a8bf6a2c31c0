// Markdown (docs/markdown-convention.md) → mdast + the document furniture from
// the YAML front matter. Pure: no file access; `file` only labels diagnostics.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { isMap, isScalar } from 'yaml';
import { parseYaml, syntaxDiagnostics, toData } from '../load/yaml.js';
import type { Root, Yaml } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import type { Furniture } from '../model/plan.js';

export interface ParsedMarkdown {
  root: Root;
  /** title is '' when neither the front matter nor a `#` heading gives one */
  furniture: Furniture;
  diagnostics: Diagnostic[];
}

type FieldKind = 'string' | 'stringList' | 'date' | 'boolean' | 'attachments' | 'header' | 'publication';

const FURNITURE_FIELDS: Record<keyof Furniture, FieldKind> = {
  title: 'string',
  issuer: 'string',
  date: 'date',
  docNumber: 'string',
  recipients: 'stringList',
  attachments: 'attachments',
  note: 'string',
  copyTo: 'stringList',
  printedBy: 'string',
  printedDate: 'date',
  header: 'header',
  sealed: 'boolean',
  publication: 'publication',
};

/** Keys a plan's front matter may carry besides the furniture (compose writes them). */
const OTHER_KNOWN_KEYS = new Set(['kind', 'year', 'period', 'generator']);

// remark-cjk-friendly: CommonMark does not close `**…。**` before a Chinese
// character (the closing run follows punctuation), which run-in headings need.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(md: string, file = '<markdown>'): ParsedMarkdown {
  const root = processor.parse(md) as Root;
  const diagnostics: Diagnostic[] = [];
  const yamlNode = root.children.find((node): node is Yaml => node.type === 'yaml');
  const data = yamlNode ? readFrontMatter(yamlNode, file, diagnostics) : {};
  const furniture = toFurniture(data, yamlNode, file, diagnostics);
  if (!furniture.title) furniture.title = firstTitle(root);
  return { root, furniture, diagnostics };
}

/** Front matter through the plan loader's YAML reader: the same limits (nesting, aliases) and Chinese messages. */
function readFrontMatter(node: Yaml, file: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const parsed = parseYaml(node.value, file);
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const syntax = syntaxDiagnostics(parsed);
  const data: { value?: unknown; diagnostics: Diagnostic[] } = syntax.length > 0 ? { diagnostics: [] } : toData(parsed);
  const problems = [...syntax, ...data.diagnostics];
  for (const problem of problems) {
    diagnostics.push({ ...problem, line: firstLine + problem.line - 1, code: 'front-matter-syntax', message: `开头的 YAML 设置（front matter）：${problem.message}` });
  }
  if (problems.length > 0) return {};
  const { doc, lineCounter } = parsed;
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    diagnostics.push({ file, line: firstLine, column: 1, severity: 'error', code: 'front-matter-type', message: '开头的 YAML 设置应当是“键: 值”的列表。' });
    return {};
  }
  const positions = new Map<string, { line: number; col: number }>();
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key) && pair.key.range) {
      const pos = lineCounter.linePos(pair.key.range[0]);
      positions.set(String(pair.key.value), { line: firstLine + pos.line - 1, col: pos.col });
    }
  }
  const value = (data.value ?? {}) as Record<string, unknown>;
  Object.defineProperty(value, POSITIONS, { value: positions, enumerable: false });
  return value;
}

const POSITIONS = Symbol('positions');

function toFurniture(data: Record<string, unknown>, node: Yaml | undefined, file: string, diagnostics: Diagnostic[]): Furniture {
  const positions = ((data as Record<symbol, unknown>)[POSITIONS] as Map<string, { line: number; col: number }>) ?? new Map();
  const furniture: Record<string, unknown> = { title: '' };
  const at = (key: string) => positions.get(key) ?? { line: node?.position?.start.line ?? 1, col: 1 };
  for (const [key, value] of Object.entries(data)) {
    const kind = FURNITURE_FIELDS[key as keyof Furniture];
    if (!kind) {
      if (!OTHER_KNOWN_KEYS.has(key)) {
        const { line, col } = at(key);
        diagnostics.push({ file, line, column: col, severity: 'warning', code: 'front-matter-unknown-key', message: `开头设置中的“${key}”不认识，已忽略。`, hint: '可用的键见 docs/markdown-convention.md。' });
      }
      continue;
    }
    const checked = checkField(kind, value);
    if (checked === undefined) {
      const { line, col } = at(key);
      diagnostics.push({ file, line, column: col, severity: 'error', code: 'front-matter-type', message: `开头设置中的“${key}”${KIND_LABEL[kind]}。` });
      continue;
    }
    furniture[key] = checked;
  }
  return furniture as unknown as Furniture;
}

const KIND_LABEL: Record<FieldKind, string> = {
  string: '应当是一段文字',
  stringList: '应当是文字列表，如 [各村（社区）, 镇直各部门]',
  date: '应当是日期，如 2026-01-14',
  boolean: '应当是 true 或 false',
  attachments: '应当是附件列表，每项带 title，如 - title: 主要指标完成情况表',
  header: '应当写成 { organ: 发文机关名称 }',
  publication: '应当是一组“键: 文字”',
};

function checkField(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    case 'stringList':
      if (typeof value === 'string') return [value];
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{1,2}-\d{1,2}$/.test(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'attachments':
      return Array.isArray(value) && value.every((v) => isRecord(v) && typeof v.title === 'string') ? value : undefined;
    case 'header':
      return isRecord(value) && typeof value.organ === 'string' ? value : undefined;
    case 'publication':
      return isRecord(value) && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]))
        : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstTitle(root: Root): string {
  const heading = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (!heading || heading.type !== 'heading') return '';
  return heading.children.map((child) => ('value' in child ? child.value : '')).join('');
}
