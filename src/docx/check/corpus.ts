// The documents every DOCX check runs over: each example plan and progress
// file in plans/ (plans and summaries), the table fixtures, each Markdown fixture, and a
// 修订对照表 (diff -o x.docx) between two example plans.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors } from '../../load/diagnostic.js';

export interface CorpusDocument {
  name: string;
  docx: Uint8Array;
  /** shows tracked revisions: deleted text is on the page too, so line ends (LE-01) are not the document's */
  revisions?: boolean;
}

/** Plans with tables: the derived 责任分工表 with 节点安排 is set on a landscape page (TB-03). */
const TABLE_FIXTURES = ['tests/fixtures/tables-plan.yaml', 'tests/fixtures/quarterly-table.yaml'];

const DIFF_PAIR = ['plans/songtao-2022.yaml', 'plans/changshou-2026.yaml'] as const;

export function corpusInputs(root: string): string[] {
  const inDir = (dir: string, pattern: RegExp) =>
    readdirSync(join(root, dir)).filter((name) => pattern.test(name)).sort().map((name) => `${dir}/${name}`);
  return [...inDir('plans', /\.ya?ml$/), ...TABLE_FIXTURES, ...inDir('tests/fixtures/md', /\.md$/)];
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

/** A 修订稿 (diff --track-changes) of one round of edits to an example plan: reworded, deleted, inserted, moved. */
export async function trackedChangesDocument(root: string): Promise<CorpusDocument> {
  const { renderSourceDocx } = await import('../../render/index.js');
  const { trackedChangesDocx } = await import('../../review/track/index.js');
  const file = TRACKED_PLAN;
  const original = readFileSync(join(root, file), 'utf8');
  const supervision = original.slice(original.indexOf('      - id: supervision'), original.indexOf('      - id: inner-motivation'));
  const edited = original
    .replace('奋力打造具有长寿镇特色的', '全力打造具有长寿镇鲜明特色的')
    .replace(/ {10}- id: goal-construction[\s\S]*?(?= {10}- id: goal-governance)/, '')
    .replace(supervision, '')
    .replace('      - id: leadership', `${supervision}      - id: leadership`);
  const [older, newer] = await Promise.all([original, edited].map((text) => renderSourceDocx(join(root, file), text)));
  if (!older?.docx || !newer?.docx) throw new Error(`${file} does not render for the 修订稿`);
  return { name: `diff ${file} (edited) --track-changes -o 修订稿.docx`, docx: trackedChangesDocx(older.docx, newer.docx, { author: 'plandoc' }).docx, revisions: true };
}

const TRACKED_PLAN = 'plans/changshou-2026.yaml';

export async function corpus(root: string): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for (const input of corpusInputs(root)) documents.push(await renderInput(root, input));
  documents.push(await diffTableDocument(root));
  documents.push(await trackedChangesDocument(root));
  return documents;
}
