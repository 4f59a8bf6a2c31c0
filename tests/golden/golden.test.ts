// Golden tests over the example plans: the rendered text equals the text of the
// real documents they reproduce, the .md is checked in byte for byte, and the
// DOCX says what the Markdown says. UPDATE_GOLDEN=1 rewrites the .md files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Nodes, Root } from 'mdast';
import { loadPlanFile } from '../../src/load/index.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { markdownToDocx } from '../../src/docx/index.js';
import { chineseDate } from '../../src/compose/view.js';
import { ROOT } from '../helpers/cli.js';

interface Example {
  name: string;
  reference: string;
  /**
   * The only differences allowed between the reference and the rendering, as
   * [reference text, rendered text] after normalising: the original's numbering
   * errors and the typos the plan author corrected (documented in the YAML).
   */
  corrections: Array<[string, string]>;
}

const EXAMPLES: Example[] = [
  { name: 'changshou-2026', reference: '000_changshou-2026-plan.txt', corrections: [] },
  {
    name: 'songtao-2022',
    reference: '004_songtao-2022-plan.txt',
    corrections: [
      ['13.推进社会帮扶', '11.推进社会帮扶'], // typed numbering skipped 11 and 12
      ['（2021一2025年）', '（2021—2025年）'], // a Chinese 一 typed for the dash
      ['扎实推进十四五”农村', '扎实推进“十四五”农村'], // missing opening quotation mark
      ['目标任务，。', '目标任务。'], // doubled punctuation
    ],
  },
];

const REFERENCE_DIR = join(ROOT, 'tests', 'fixtures', 'reference');

/** Website and Word-export debris that is not part of the document. */
function isDebris(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.startsWith('•') || // 政务公开 metadata (索引号, 发布机构, …)
    /^来源[:：]/.test(trimmed) ||
    /^\|(\s*\|)+$/.test(trimmed)
  );
}

/** Removes white space and folds ASCII punctuation to the full-width forms (TX-01, TX-02). */
export function normalise(text: string): string {
  return text
    .replace(/\[bookmark: _GoBack\]/g, '')
    .replace(/^\s*- /, '')
    .replace(/[\s\u00A0\u3000]+/g, '')
    .replace(/(\d)[-~～](?=\d)/g, (_, d: string) => `${d}—`)
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\?/g, '？')
    .replace(/!/g, '！')
    .replace(/~/g, '～');
}

function referenceParagraphs(example: Example): string[] {
  const text = readFileSync(join(REFERENCE_DIR, example.reference), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() && !isDebris(line))
    .map(normalise)
    .map((paragraph) => example.corrections.reduce((p, [from, to]) => p.replace(from, to), paragraph));
}

function inlineText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}

/** One string per printed paragraph: headings, paragraphs, and each list item. */
function markdownParagraphs(root: Root): string[] {
  return root.children.flatMap((node): string[] => {
    if (node.type === 'yaml' || node.type === 'thematicBreak') return [];
    if (node.type === 'list') return node.children.map((item) => inlineText(item));
    return [inlineText(node)];
  });
}

async function docxParagraphs(docx: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(''))
    .filter((text) => text.trim() !== '');
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

async function render(example: Example) {
  const file = join(ROOT, 'plans', `${example.name}.yaml`);
  const loaded = await loadPlanFile(file);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const plan = loaded.value!;
  const composed = composePlanMarkdown(plan);
  expect(composed.diagnostics).toEqual([]);
  return { plan, markdown: composed.markdown };
}

describe.each(EXAMPLES.map((example) => [example.name, example] as const))('golden: plans/%s.yaml', (_name, example) => {
  it('renders the checked-in Markdown byte for byte', async () => {
    const { markdown } = await render(example);
    const golden = join(ROOT, 'tests', 'golden', `${example.name}.md`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markdown);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden, then read it`).toBe(true);
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });

  it('says, paragraph by paragraph, what the reference document says', async () => {
    const { markdown } = await render(example);
    const rendered = markdownParagraphs(parseMarkdown(markdown).root).map(normalise);
    const reference = referenceParagraphs(example);
    for (let i = 0; i < Math.max(rendered.length, reference.length); i++) {
      expect(rendered[i], `paragraph ${i + 1}`).toBe(reference[i]);
    }
  });

  it('prints the same text in the DOCX as in the Markdown, plus the signature and date', async () => {
    const { plan, markdown } = await render(example);
    const fromMarkdown = markdownParagraphs(parseMarkdown(markdown).root).map(normalise);
    const furniture = [plan.issuer, plan.date && chineseDate(plan.date)].filter((x): x is string => Boolean(x));
    const fromDocx = (await docxParagraphs(await markdownToDocx(markdown))).map(normalise);
    expect(fromDocx).toEqual([...fromMarkdown, ...furniture.map(normalise)]);
  });
});
