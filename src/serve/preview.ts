// Live preview of an unsaved buffer: compose it the way render does, lay the
// blocks out on A4 pages, and tie every block to the YAML line it came from so
// a click on the page can move the editor there.
import { isMap, isScalar, visit } from 'yaml';
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
}

/** `file` is the absolute path the text belongs to (a progress file finds its plan beside it). */
export async function previewSource(text: string, file: string): Promise<Preview> {
  const composed = await composeSource(text, file);
  if (composed.markdown === undefined || hasErrors(composed.diagnostics)) return { blocks: [], pageCount: 0, diagnostics: composed.diagnostics };
  const { parseMarkdown } = await import('../markdown/parse.js');
  const { root, furniture, diagnostics } = parseMarkdown(composed.markdown, file);
  const blocks = previewBlocks(root, furniture);
  const lines = composed.parsed ? sourceLines(blocks, composed.parsed) : markdownLines(blocks, text);
  const placed = layOut(blocks.map((block, i) => ({ ...block, line: lines[i] })));
  return { ...placed, diagnostics: [...composed.diagnostics, ...diagnostics] };
}

async function composeSource(text: string, file: string): Promise<Composed> {
  if (/\.(md|markdown)$/i.test(file)) return { markdown: text, diagnostics: [] };
  const { isProgressSource, loadPlanSource } = await import('../load/index.js');
  const { locate } = await import('../load/yaml.js');
  if (isProgressSource(text)) {
    const { loadProgressSource, composeSummaryMarkdown } = await import('../summary/index.js');
    const loaded = await loadProgressSource(text, file);
    if (!loaded.value) return { diagnostics: loaded.diagnostics, parsed: loaded.parsed };
    const at = (path: Array<string | number>) => (loaded.parsed ? locate(loaded.parsed, path) : undefined);
    const composed = composeSummaryMarkdown(loaded.value, loaded.plan, { file, locate: at });
    return { markdown: composed.markdown, parsed: loaded.parsed, diagnostics: [...loaded.diagnostics, ...composed.diagnostics] };
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
export function sourceLines(blocks: PreviewBlock[], parsed: ParsedYaml): Array<number | undefined> {
  const texts = stringValues(parsed);
  const topLines = new Map(texts.filter((t) => t.topKey).map((t) => [t.topKey!, t.line]));
  return blocks.map((block) => {
    if (block.key && topLines.has(block.key)) return topLines.get(block.key);
    return bestMatch(block.text.replace(/\s+/g, ''), texts);
  });
}

function bestMatch(text: string, texts: SourceText[]): number | undefined {
  if (!text) return undefined;
  let best: SourceText | undefined;
  for (const candidate of texts) {
    if (candidate.key.length < 2 || (best && candidate.key.length <= best.key.length)) continue;
    if (text.includes(candidate.key)) best = candidate;
  }
  return best?.line;
}

function stringValues(parsed: ParsedYaml): SourceText[] {
  const found: SourceText[] = [];
  const lineOf = (offset: number) => parsed.lineCounter.linePos(offset).line;
  const contents = parsed.doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.range) found.push({ line: lineOf(pair.key.range[0]), key: '', topKey: String(pair.key.value) });
    }
  }
  visit(parsed.doc, {
    Scalar(key, node) {
      if (key === 'key' || !node.range || (typeof node.value !== 'string' && typeof node.value !== 'number')) return;
      found.push({ line: lineOf(node.range[0]), key: printedStretch(String(node.value)) });
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
