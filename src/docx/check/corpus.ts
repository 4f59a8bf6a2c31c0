// The documents every DOCX check runs over: each example plan and progress
// file in plans/ (plans and summaries), each Markdown fixture, and a
// 修订对照表 (diff -o x.docx) between two example plans.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors } from '../../load/diagnostic.js';

export interface CorpusDocument {
  name: string;
  docx: Uint8Array;
}

const DIFF_PAIR = ['plans/songtao-2022.yaml', 'plans/changshou-2026.yaml'] as const;

export function corpusInputs(root: string): string[] {
  const inDir = (dir: string, pattern: RegExp) =>
    readdirSync(join(root, dir)).filter((name) => pattern.test(name)).sort().map((name) => `${dir}/${name}`);
  return [...inDir('plans', /\.ya?ml$/), ...inDir('tests/fixtures/md', /\.md$/)];
}

export async function renderInput(root: string, input: string): Promise<CorpusDocument> {
  const { prepareRender } = await import('../../render/index.js');
  const prepared = await prepareRender(join(root, input), { outDir: 'out', formats: ['docx'] });
  const docx = prepared.files.find((file) => file.path.endsWith('.docx'))?.data;
  if (hasErrors(prepared.diagnostics) || !(docx instanceof Uint8Array)) throw new Error(`${input} does not render: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
  return { name: input, docx };
}

export async function diffTableDocument(root: string): Promise<CorpusDocument> {
  const { loadPlanSource } = await import('../../load/index.js');
  const { diffPlans } = await import('../../diff/index.js');
  const { formatDiffMarkdown } = await import('../../diff/format.js');
  const { diffTableDocx } = await import('../../diff/docx.js');
  const [older, newer] = DIFF_PAIR.map((file) => loadPlanSource(readFileSync(join(root, file), 'utf8'), file).value!);
  const markdown = formatDiffMarkdown(diffPlans(older!, newer!), { title: newer!.title });
  return { name: `diff ${DIFF_PAIR.join(' ')} -o 修订对照表.docx`, docx: await diffTableDocx(markdown) };
}

export async function corpus(root: string): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for (const input of corpusInputs(root)) documents.push(await renderInput(root, input));
  documents.push(await diffTableDocument(root));
  return documents;
}
