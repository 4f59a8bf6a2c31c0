// Markdown (docs/markdown-convention.md) → mdast + the document furniture from
// the YAML front matter. Pure: no file access; `file` only labels diagnostics.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { isMap, isScalar } from 'yaml';
import { parseYaml, syntaxDiagnostics, toData } from '../load/yaml.js';
import { excessiveLinePrefix, excessiveTreeDepth, MAX_MARKDOWN_NESTING } from './depth.js';
import type { Root, Yaml } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import type { Furniture } from '../model/plan.js';
import { documentFurniture } from './furniture.js';
import { dropHtmlComments } from './comments.js';

export interface ParsedMarkdown {
  root: Root;
  /** title is '' when neither the front matter nor a `#` heading gives one */
  furniture: Furniture;
  diagnostics: Diagnostic[];
}

// remark-cjk-friendly: CommonMark does not close `**…。**` before a Chinese
// character (the closing run follows punctuation), which run-in headings need.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(md: string, file = '<markdown>'): ParsedMarkdown {
  const tooDeep = nestingDiagnostic(md, file);
  if (tooDeep) return { root: { type: 'root', children: [] }, furniture: { title: '' }, diagnostics: [tooDeep] };
  const root = processor.parse(md) as Root;
  const deepNode = excessiveTreeDepth(root);
  if (deepNode) {
    const start = deepNode.position?.start;
    return { root: { type: 'root', children: [] }, furniture: { title: '' }, diagnostics: [tooDeepDiagnostic(file, start?.line ?? 1, start?.column ?? 1)] };
  }
  dropHtmlComments(root);
  const diagnostics: Diagnostic[] = [];
  const yamlNode = root.children.find((node): node is Yaml => node.type === 'yaml');
  const data = yamlNode ? readFrontMatter(yamlNode, file, diagnostics) : {};
  const furniture = documentFurniture(data, root, keyLocator(data, yamlNode), file, diagnostics);
  return { root, furniture, diagnostics };
}

function nestingDiagnostic(md: string, file: string): Diagnostic | undefined {
  const excess = excessiveLinePrefix(md);
  return excess ? tooDeepDiagnostic(file, excess.line, excess.column) : undefined;
}

function tooDeepDiagnostic(file: string, line: number, column: number): Diagnostic {
  return {
    file, line, column, severity: 'error', code: 'markdown-too-deep',
    message: `引用（>）、列表或强调嵌套超过 ${MAX_MARKDOWN_NESTING} 层，无法排版`,
    hint: '公文的层次不超过四级：检查是不是多写了“>”或缩进出了错。',
  };
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

function keyLocator(data: Record<string, unknown>, node: Yaml | undefined) {
  const positions = ((data as Record<symbol, unknown>)[POSITIONS] as Map<string, { line: number; col: number }>) ?? new Map();
  return (key: string) => positions.get(key) ?? { line: node?.position?.start.line ?? 1, col: 1 };
}
