// Live preview of an unsaved buffer: compose it the way render does, lay the
// blocks out on A4 pages, and tie every block to the YAML line it came from so
// a click on the page can move the editor there.
import { isMap, isPair, isScalar, visit } from 'yaml';
import type { Root } from 'mdast';
import type { ComposedDocument } from '../compose/index.js';
import type { Furniture, Plan, Section } from '../model/plan.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { hasErrors } from '../load/diagnostic.js';
import type { ParsedYaml } from '../load/yaml.js';
import { LINES_PER_PAGE, previewBlocks, type PreviewBlock } from './preview-blocks.js';

export type PlacedBlock = PreviewBlock & {
  /** the YAML (or Markdown) line the block came from */
  line?: number;
  /** first grid line of the block, counted from the top of page 1 */
  top: number;
};

export interface Preview {
  /** the document as one column of grid lines; page n shows lines (n-1)×22 to n×22 */
  blocks: PlacedBlock[];
  pageCount: number;
  /** compose problems (the loader's are reported by check) */
  diagnostics: Diagnostic[];
}

interface Composed {
  document?: ComposedDocument;
  parsed?: ParsedYaml;
  diagnostics: Diagnostic[];
  /** a progress file's plan: section and metric ids → the titles and names the summary prints */
  names?: Map<string, string>;
}

/** `file` is the absolute path the text belongs to (a progress file finds its plan beside it). */
export async function previewSource(text: string, file: string): Promise<Preview> {
  const composed = await composeSource(text, file);
  if (composed.document === undefined || hasErrors(composed.diagnostics)) return { blocks: [], pageCount: 0, diagnostics: composed.diagnostics };
  const { root, furniture, diagnostics } = await documentParts(composed.document, file);
  const blocks = previewBlocks(root, furniture);
  const lines = composed.parsed ? sourceLines(blocks, composed.parsed, composed.names) : markdownLines(blocks, text);
  const placed = layOut(blocks.map((block, i) => ({ ...block, line: lines[i] })));
  return { ...placed, diagnostics: [...composed.diagnostics, ...diagnostics] };
}

/**
 * What the DOCX writer reads: the composed tree itself with the furniture from
 * its front matter data (as render's treeToDocx), or, for a Markdown file or a
 * user's template, the Markdown parsed as render parses it.
 */
async function documentParts(document: ComposedDocument, file: string): Promise<{ root: Root; furniture: Furniture; diagnostics: Diagnostic[] }> {
  if ('markdown' in document) {
    const { parseMarkdown } = await import('../markdown/parse.js');
    return parseMarkdown(document.markdown, file);
  }
  const { documentFurniture } = await import('../markdown/furniture.js');
  const diagnostics: Diagnostic[] = [];
  const { frontMatter, root } = document.tree;
  return { root, furniture: documentFurniture(frontMatter.data, root, () => ({ line: 0, col: 0 }), file, diagnostics), diagnostics };
}

/** Composes as render does, with the user's templates from plandoc.config.yaml when it names some. */
async function composeSource(text: string, file: string): Promise<Composed> {
  if (/\.(md|markdown)$/i.test(file)) return { document: { markdown: text }, diagnostics: [] };
  const { isProgressSource, loadPlanSource } = await import('../load/index.js');
  const { locate, parseYaml } = await import('../load/yaml.js');
  const templatesDir = await configuredTemplates();
  if (isProgressSource(text)) {
    const { loadProgressSource, composeSummary } = await import('../summary/index.js');
    const loaded = await loadProgressSource(text, file);
    if (!loaded.value) return { diagnostics: loaded.diagnostics, parsed: loaded.parsed };
    const at = (path: Array<string | number>) => (loaded.parsed ? locate(loaded.parsed, path) : undefined);
    const composed = composeSummary(loaded.value, loaded.plan, { file, locate: at, templatesDir });
    // the progress loader does not hand back its parse; positions need one
    const parsed = loaded.parsed ?? parseYaml(loaded.source, file);
    return { document: composed.document, parsed, diagnostics: [...loaded.diagnostics, ...composed.diagnostics], names: planNames(loaded.plan) };
  }
  const { composePlan } = await import('../compose/index.js');
  const loaded = loadPlanSource(text, file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics, parsed: loaded.parsed };
  const at = (path: Array<string | number>) => (loaded.parsed ? locate(loaded.parsed, path) : undefined);
  const composed = composePlan(loaded.value, { file, locate: at, templatesDir });
  return { document: composed.document, parsed: loaded.parsed, diagnostics: [...loaded.diagnostics, ...composed.diagnostics] };
}

/** The downloads use the current directory's configuration; so does the preview (a broken one is check's to report). */
async function configuredTemplates(): Promise<string | undefined> {
  const { loadConfig } = await import('../config/index.js');
  const config = await loadConfig({ cwd: process.cwd() });
  return hasErrors(config.diagnostics) ? undefined : config.config.templates;
}

/**
 * Places the blocks on the grid the way Word breaks the pages: a paragraph
 * longer than what is left on a page continues on the next one; an attachment
 * starts a new page; a heading (with the headings under it) or a table's
 * title is kept with the first line of what follows;
 * a table row that does not fit starts the next page under the table's header
 * again, and the text after a table is back on the grid; the 版记 ends at the
 * foot of an even page of its own (FU-05); a blank line never starts a page.
 */
export function layOut(blocks: Array<PreviewBlock & { line?: number }>): { blocks: PlacedBlock[]; pageCount: number } {
  const placed: PlacedBlock[] = [];
  let top = 0;
  let tableHeader: PlacedBlock | undefined;
  const page = () => Math.floor(top / LINES_PER_PAGE + EPSILON);
  const left = () => (page() + 1) * LINES_PER_PAGE - top;
  const atPageStart = () => Math.abs(top - page() * LINES_PER_PAGE) < EPSILON;
  const toNextPage = () => {
    if (!atPageStart()) top = (page() + 1) * LINES_PER_PAGE;
  };
  const place = (block: PreviewBlock & { line?: number }) => {
    const at = { ...block, top };
    placed.push(at);
    top += block.lines;
    return at;
  };
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'table-row' && tableHeader) {
      top = Math.ceil(top - EPSILON);
      tableHeader = undefined;
    }
    if (block.pageBreak) toNextPage();
    if (block.kind === 'blank' && atPageStart() && top > 0) continue;
    if (block.kind.startsWith('heading') && left() < keptWithNext(blocks, index)) toNextPage();
    if (block.kind === 'caption' && left() < block.lines + 1.5) toNextPage();
    if (block.kind === 'table-header' && left() < block.lines + 0.75) toNextPage();
    if (block.kind === 'table-row' && left() < block.lines - EPSILON) {
      toNextPage();
      if (tableHeader) place({ ...tableHeader, pageBreak: false });
    }
    if (block.kind === 'record') {
      // FU-05: the 版记 alone on the last page, an even one (a blank page before it when the body ends on one)
      toNextPage();
      if (page() % 2 === 0) top += LINES_PER_PAGE;
      top += left() - block.lines;
    }
    const at = place(block);
    if (block.kind === 'table-header') tableHeader = at;
  }
  return { blocks: placed, pageCount: Math.max(1, Math.ceil(top / LINES_PER_PAGE - EPSILON)) };
}

/** A heading, the headings right after it and the first line of the text they open stay on one page. */
function keptWithNext(blocks: PreviewBlock[], index: number): number {
  let lines = 0;
  let next = index;
  while (blocks[next]?.kind.startsWith('heading')) lines += blocks[next++]!.lines;
  return lines + (blocks[next] ? 1 : 0);
}

/** Table rows take fractions of a line: page arithmetic allows for rounding. */
const EPSILON = 1e-6;

// ---- source lines -------------------------------------------------------------

interface SourceText {
  line: number;
  /** the longest stretch of the value that prints verbatim (citations [[…]] are replaced by numbers) */
  key: string;
  /** the top-level key, for furniture */
  topKey?: string;
}

/** Each block's YAML line: the furniture key it prints, or the string value whose text it contains. */
export function sourceLines(blocks: PreviewBlock[], parsed: ParsedYaml, names = new Map<string, string>()): Array<number | undefined> {
  const texts = stringValues(parsed, names);
  const topLines = new Map(texts.filter((t) => t.topKey).map((t) => [t.topKey!, t.line]));
  return blocks.map((block) => {
    if (block.key && topLines.has(block.key)) return topLines.get(block.key);
    return bestMatch(block.text.replace(/\s+/g, ''), texts);
  });
}

/** The value whose printed text the block holds: whole, or its first 12 characters (a summary may end it differently). */
function bestMatch(text: string, texts: SourceText[]): number | undefined {
  if (!text) return undefined;
  let best: { line: number; score: number } | undefined;
  for (const candidate of texts) {
    const score = text.includes(candidate.key) ? candidate.key.length : candidate.key.length >= 12 && text.includes(candidate.key.slice(0, 12)) ? 12 : 0;
    if (score >= 2 && (!best || score > best.score)) best = { line: candidate.line, score };
  }
  return best?.line;
}

/** Section titles and metric names of a progress file's plan, by id: `section: x` / `task: x` / `metric: x` print them. */
function planNames(plan: Plan | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (sections: readonly Section[] = []) => {
    for (const section of sections) {
      if (section.id && section.title) names.set(section.id, section.title);
      walk(section.children);
    }
  };
  walk(plan?.sections);
  for (const metric of plan?.metrics ?? []) names.set(metric.id, metric.name);
  return names;
}

const ID_KEYS = new Set(['section', 'task', 'metric']);

function stringValues(parsed: ParsedYaml, names: Map<string, string>): SourceText[] {
  const found: SourceText[] = [];
  const lineOf = (offset: number) => parsed.lineCounter.linePos(offset).line;
  const contents = parsed.doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.range) found.push({ line: lineOf(pair.key.range[0]), key: '', topKey: String(pair.key.value) });
    }
  }
  visit(parsed.doc, {
    Scalar(key, node, path) {
      // numbers and short words would match any paragraph that happens to print them
      if (key === 'key' || !node.range || typeof node.value !== 'string') return;
      found.push({ line: lineOf(node.range[0]), key: printedStretch(String(node.value)) });
      const pair = path.at(-1);
      const name = isPair(pair) && isScalar(pair.key) && ID_KEYS.has(String(pair.key.value)) ? names.get(String(node.value)) : undefined;
      if (name) found.push({ line: lineOf(node.range[0]), key: printedStretch(name) });
    },
  });
  return found;
}

/** The longest part of a value between citations, without white space. */
function printedStretch(value: string): string {
  return value.split(/\[\[[^\]]*\]\]/).reduce((a, b) => (b.length > a.length ? b : a), '').replace(/\s+/g, '');
}

/** A Markdown file: the line of the source that holds the block's first words. */
function markdownLines(blocks: PreviewBlock[], text: string): Array<number | undefined> {
  const lines = text.split('\n').map((line) => line.replace(/[\s*#>|`_-]+/g, ''));
  return blocks.map((block) => {
    const probe = block.text.replace(/\s+/g, '').slice(0, 12);
    if (probe.length < 2) return undefined;
    const index = lines.findIndex((line) => line.includes(probe));
    return index < 0 ? undefined : index + 1;
  });
}
