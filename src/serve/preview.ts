// Live preview of an unsaved buffer: compose it the way render does, lay the
// blocks out on A4 pages, and tie every block to the YAML line it came from so
// a click on the page can move the editor there.
import { isMap, isPair, isScalar, visit } from 'yaml';
import type { Plan, Section } from '../model/plan.js';
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
  markdown?: string;
  parsed?: ParsedYaml;
  diagnostics: Diagnostic[];
  /** a progress file's plan: section and metric ids → the titles and names the summary prints */
  names?: Map<string, string>;
}

/** `file` is the absolute path the text belongs to (a progress file finds its plan beside it). */
export async function previewSource(text: string, file: string): Promise<Preview> {
  const composed = await composeSource(text, file);
  if (composed.markdown === undefined || hasErrors(composed.diagnostics)) return { blocks: [], pageCount: 0, diagnostics: composed.diagnostics };
  const { parseMarkdown } = await import('../markdown/parse.js');
  const { root, furniture, diagnostics } = parseMarkdown(composed.markdown, file);
  const blocks = previewBlocks(root, furniture);
  const lines = composed.parsed ? sourceLines(blocks, composed.parsed, composed.names) : markdownLines(blocks, text);
  const placed = layOut(blocks.map((block, i) => ({ ...block, line: lines[i] })));
  return { ...placed, diagnostics: [...composed.diagnostics, ...diagnostics] };
}

async function composeSource(text: string, file: string): Promise<Composed> {
  if (/\.(md|markdown)$/i.test(file)) return { markdown: text, diagnostics: [] };
  const { isProgressSource, loadPlanSource } = await import('../load/index.js');
  const { locate, parseYaml } = await import('../load/yaml.js');
  if (isProgressSource(text)) {
    const { loadProgressSource, composeSummaryMarkdown } = await import('../summary/index.js');
    const loaded = await loadProgressSource(text, file);
    if (!loaded.value) return { diagnostics: loaded.diagnostics, parsed: loaded.parsed };
    const at = (path: Array<string | number>) => (loaded.parsed ? locate(loaded.parsed, path) : undefined);
    const composed = composeSummaryMarkdown(loaded.value, loaded.plan, { file, locate: at });
    // the progress loader does not hand back its parse; positions need one
    const parsed = loaded.parsed ?? parseYaml(loaded.source, file);
    return { markdown: composed.markdown, parsed, diagnostics: [...loaded.diagnostics, ...composed.diagnostics], names: planNames(loaded.plan) };
  }
  const { composePlanMarkdown } = await import('../compose/index.js');
  const loaded = loadPlanSource(text, file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics, parsed: loaded.parsed };
  const at = (path: Array<string | number>) => (loaded.parsed ? locate(loaded.parsed, path) : undefined);
  const composed = composePlanMarkdown(loaded.value, { file, locate: at });
  return { markdown: composed.markdown, parsed: loaded.parsed, diagnostics: [...loaded.diagnostics, ...composed.diagnostics] };
}

/**
 * Places the blocks on the grid the way Word breaks the pages: a paragraph
 * longer than what is left on a page continues on the next one; an attachment
 * starts a new page; a heading is kept with the text after it; the 版记 ends
 * at the foot of a page; a blank line never starts a page.
 */
export function layOut(blocks: Array<PreviewBlock & { line?: number }>): { blocks: PlacedBlock[]; pageCount: number } {
  const placed: PlacedBlock[] = [];
  let top = 0;
  const left = () => LINES_PER_PAGE - (top % LINES_PER_PAGE);
  const toNextPage = () => {
    if (top % LINES_PER_PAGE !== 0) top += left();
  };
  for (const block of blocks) {
    if (block.pageBreak) toNextPage();
    if (block.kind === 'blank' && top % LINES_PER_PAGE === 0 && top > 0) continue;
    if (block.kind.startsWith('heading') && left() <= block.lines) toNextPage();
    if (block.kind === 'record') {
      if (left() < block.lines) toNextPage();
      top += left() - block.lines;
    }
    placed.push({ ...block, top });
    top += block.lines;
  }
  return { blocks: placed, pageCount: Math.max(1, Math.ceil(top / LINES_PER_PAGE)) };
}

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
