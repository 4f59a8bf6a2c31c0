// The measured import report (npm run import-report): imports each document,
// renders the result back and counts what survived: source paragraphs found
// whole in one rendered paragraph, and those whose typed number (一、 （一）
// 1. （1） —— 一是) starts the rendered paragraph too; headings by level;
// metrics and values; furniture; whether check accepts the file.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Nodes } from 'mdast';
import { composePlanMarkdown } from '../compose/index.js';
import { numberSections, type NumberedSection } from '../derive/numbering.js';
import { loadPlanSource } from '../load/index.js';
import { parseMarkdown } from '../markdown/parse.js';
import { composeSummaryMarkdown, loadProgressSource } from '../summary/index.js';
import { decodeText, importFile, ImportError, type ImportOutcome } from './index.js';
import { textToBlocks, type InputBlock } from './blocks.js';
import { docxToBlocks } from './docx.js';
import { dropDebris, takePublication } from './furniture.js';
import { chineseDate } from '../compose/view.js';

export interface ReportRow {
  file: string;
  kind: 'plan' | 'summary' | 'refused';
  paragraphs: number;
  whole: number;
  numbered: number;
  numberedKept: number;
  headings: [number, number, number, number];
  /** non-empty table cells of the source, and those found in a rendered table cell or line */
  cells: number;
  cellsKept: number;
  metrics: number;
  values: number;
  furniture: string[];
  accepted: boolean;
  message?: string;
}

const FURNITURE = ['issuer', 'date', 'docNumber', 'recipients', 'note', 'attachments', 'publication'] as const;
const NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、]|（\d{1,2}）|——|[一二三四五六七八九十]是)/;

/** Punctuation and spacing differ between a web copy and the rendered text (TX-01); compare what is left. */
const comparable = (text: string) => text.replace(/[\s　]/g, '').replace(/[[［]/g, '〔').replace(/[\]］]/g, '〕').replace(/(?<!\d)0(\d)(?=[月日号])/g, '$1').replace(/[,，.．。:：;；!！?？()（）"“”'‘’、]/g, '').replace(/[-—–－~～]/g, '—');

async function sourceBlocks(path: string): Promise<InputBlock[]> {
  const ext = extname(path).toLowerCase();
  const bytes = await readFile(path);
  let blocks: InputBlock[];
  if (ext === '.docx') blocks = await docxToBlocks(bytes);
  // a Markdown file's front matter is furniture, not body paragraphs
  else blocks = textToBlocks(decodeText(bytes).text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ''), { markdown: /\.(md|markdown)$/i.test(path) });
  // web debris and 政务公开 metadata are meant to go; they are not body paragraphs
  return takePublication(dropDebris(blocks).blocks).blocks;
}

const paragraphsOf = (blocks: InputBlock[]) => blocks.filter((b): b is Extract<InputBlock, { kind: 'para' }> => b.kind === 'para').map((b) => b.text);
const cellsOf = (blocks: InputBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().filter((cell) => cell.trim() !== '') : []));

/** What the DOCX prints outside the Markdown body: 主送, 署名, 成文日期, 附注, 附件说明, 文号. */
function furnitureLines(outcome: ImportOutcome): string[] {
  const plan = outcome.plan;
  const lines = [plan.title, plan.issuer, plan.date && chineseDate(plan.date), plan.docNumber, plan.note && `（${plan.note}）`];
  if (plan.recipients) lines.push(`${plan.recipients.join('，')}：`);
  (plan.attachments ?? []).forEach((a, i) => lines.push(`${i === 0 ? '附件：' : ''}${plan.attachments!.length > 1 ? `${i + 1}.` : ''}${a.title}`));
  return lines.filter((l): l is string => Boolean(l));
}

function renderedParagraphs(markdown: string): string[] {
  const lines: string[] = [];
  const text = (node: Nodes): string => ('value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? node.children.map(text).join('') : '');
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') lines.push(text(node));
    else if ('children' in node) node.children.forEach(walk);
  };
  walk(parseMarkdown(markdown).root);
  return lines;
}

/** Headings by the level they print at (一、 （一） 1. （1）), after numbering.start and childNumbering. */
function countHeadings(nodes: NumberedSection[]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const walk = (n: NumberedSection) => {
    counts[Math.min(n.level, 4) - 1]!++;
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return counts;
}

async function rendered(outcome: ImportOutcome): Promise<{ markdown: string; accepted: boolean }> {
  if (outcome.summary) {
    const loaded = await loadProgressSource(outcome.yaml, 'imported.yaml');
    const accepted = !!loaded.value && !loaded.diagnostics.some((d) => d.severity === 'error');
    return { markdown: composeSummaryMarkdown(outcome.summary.progress, undefined).markdown, accepted };
  }
  const accepted = !loadPlanSource(outcome.yaml, 'imported.yaml').diagnostics.some((d) => d.severity === 'error');
  return { markdown: composePlanMarkdown(outcome.plan).markdown, accepted };
}

export async function reportOn(path: string, file = path): Promise<ReportRow> {
  const empty: ReportRow = { file, kind: 'refused', paragraphs: 0, whole: 0, numbered: 0, numberedKept: 0, headings: [0, 0, 0, 0], cells: 0, cellsKept: 0, metrics: 0, values: 0, furniture: [], accepted: false };
  let outcome: ImportOutcome;
  try {
    outcome = await importFile(path);
  } catch (error) {
    if (error instanceof ImportError) return { ...empty, message: error.message };
    throw error;
  }
  const { markdown, accepted } = await rendered(outcome);
  const out = [...renderedParagraphs(markdown).map((line) => line.replace(/\*\*/g, '')), ...furnitureLines(outcome)];
  const outComparable = out.map(comparable);
  const blocks = await sourceBlocks(path);
  const source = paragraphsOf(blocks);
  const cells = cellsOf(blocks);
  const cellsKept = cells.filter((cell) => outComparable.some((line) => line.includes(comparable(cell)))).length;
  let whole = 0;
  let numbered = 0;
  let numberedKept = 0;
  for (const paragraph of source) {
    const wanted = comparable(paragraph);
    const at = outComparable.findIndex((line) => line.includes(wanted));
    if (at >= 0) whole++;
    else if (process.env.PLANDOC_REPORT_MISSES) process.stderr.write(`  not whole: ${paragraph}\n`);
    const number = NUMBER.exec(paragraph)?.[0];
    if (!number) continue;
    numbered++;
    if (at >= 0 && comparable(out[at]!).startsWith(comparable(paragraph))) numberedKept++;
  }
  const plan = outcome.plan;
  return {
    file,
    kind: outcome.summary ? 'summary' : 'plan',
    paragraphs: source.length,
    whole,
    numbered,
    numberedKept,
    headings: countHeadings(numberSections(plan.sections, plan.numbering)),
    cells: cells.length,
    cellsKept,
    metrics: plan.metrics?.length ?? 0,
    values: outcome.summary?.progress.values?.length ?? 0,
    furniture: FURNITURE.filter((key) => plan[key] !== undefined),
    accepted,
  };
}
