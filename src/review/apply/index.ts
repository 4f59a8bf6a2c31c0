// plandoc apply, the pure part: the plan's YAML text and a leader's edited
// DOCX in, the change list and the plan's new YAML text out. The original
// rendering (the plan as it is) is made again here, so the anchors of the
// edited document are read against exactly the paragraphs they named.
import type { Diagnostic } from '../../load/diagnostic.js';
import { hasErrors } from '../../load/diagnostic.js';
import { loadPlanSource } from '../../load/index.js';
import { renderPlanInMemory } from '../../index.js';
import { similarity } from '../../diff/text.js';
import { buildChangeList, type ChangeList } from './changes.js';
import { bodyParagraphs, pairParagraphs, type BodyParagraph } from './match.js';
import { planLayouts } from './layout.js';
import { DocxRefusal, readDocx, type DocxParagraph, type ReadDocx } from './read-docx.js';
import { writeChanges } from './write.js';
import { excerpt } from './report.js';

export { DocxRefusal } from './read-docx.js';
export type { ChangeList, Change, Unmapped, CommentNote } from './changes.js';

export interface ApplyOptions {
  acceptTargets: boolean;
}

export type ApplyOutcome =
  | { ok: true; list: ChangeList; after: string }
  | { ok: false; diagnostics: Diagnostic[] };

/** Fewer original paragraphs than this found again (by anchor or by text) means another document. */
const SAME_DOCUMENT = 0.3;

export async function planApply(planFile: string, source: string, edited: Uint8Array, options: ApplyOptions): Promise<ApplyOutcome> {
  const loaded = loadPlanSource(source, planFile);
  if (!loaded.value || hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics };
  const rendered = await renderPlanInMemory(source, planFile);
  if (hasErrors(rendered.diagnostics)) return { ok: false, diagnostics: rendered.diagnostics };
  const editedDocx = readDocx(edited);
  const originalDocx = readDocx(rendered.docx);
  const original = bodyParagraphs(originalDocx.paragraphs);
  const editedBody = bodyParagraphs(editedDocx.paragraphs);
  const pairing = pairParagraphs(original, editedBody);
  refuseOtherDocument(original, editedBody, pairing.partner);
  const layouts = planLayouts(loaded.value);
  const list = buildChangeList({ layouts, original, edited: editedBody, pairing, comments: editedDocx.comments });
  list.unmapped.push(...tableChanges(originalDocx, editedDocx));
  const after = writeChanges(source, loaded.value, list.changes, options.acceptTargets ? list.targets : []);
  const typedNumbers = new Set(editedBody.filter((p) => numberTyped(p, original, pairing.partner)).map((p) => p.text));
  list.unmapped.push(...(await renderedDifferences(planFile, writeChanges(source, loaded.value, list.changes, list.targets), editedBody, list, typedNumbers)));
  return { ok: true, list, after };
}

/**
 * The safety net: the plan with every change written (targets too) is
 * rendered again, and each edited paragraph that the new rendering does not
 * print, or prints out of order, is reported, unless it is reported already.
 * Heading numbers are compared too: a number the leader typed that the
 * structure does not give shows up here.
 */
async function renderedDifferences(planFile: string, written: string, edited: BodyParagraph[], list: ChangeList, typedNumbers: Set<string>): Promise<Array<{ text: string; reason: string }>> {
  const again = await renderPlanInMemory(written, planFile);
  if (hasErrors(again.diagnostics)) return [];
  const rendered = bodyParagraphs(readDocx(again.docx).paragraphs).map((p) => p.text);
  const reported = new Set(list.unmapped.map((u) => u.text));
  const positions = new Map<string, number[]>();
  rendered.forEach((text, i) => positions.set(withoutNumber(text), [...(positions.get(withoutNumber(text)) ?? []), i]));
  const found: Array<{ text: string; at: number }> = [];
  const missing: string[] = [];
  for (const { text } of edited) {
    const at = positions.get(withoutNumber(text))?.shift();
    if (at === undefined) missing.push(text);
    else found.push({ text, at });
  }
  const inOrder = longestIncreasingRun(found.map((f) => f.at));
  const notes = [
    ...missing.map((text) => ({ text, reason: '写回后重新排版，这一段与修改稿不同，请核对' })),
    ...found.filter((f) => !inOrder.has(f.at)).map((f) => ({ text: f.text, reason: '写回后重新排版，这一段的位置与修改稿不同（移到了另一部分之下？），请在 YAML 里调整' })),
    ...found.filter((f) => inOrder.has(f.at) && rendered[f.at] !== f.text && typedNumbers.has(f.text)).map((f) => ({ text: f.text, reason: `编号由层级自动生成，文件里改的编号不写回：重新排版后是“${excerpt(rendered[f.at]!, 12)}”` })),
  ];
  return notes.filter((note) => !reported.has(note.text));
}

const HEADING_NUMBER = /^(?:[一二三四五六七八九十百零]+、|（[一二三四五六七八九十百零]+）|\d+[.．]|（\d+）)/u;

/** The leader changed the heading number of this paragraph (a number left as it was is not reported). */
function numberTyped(paragraph: BodyParagraph, original: BodyParagraph[], partner: Map<number, number>): boolean {
  const o = partner.get(paragraph.index);
  const number = (text: string) => HEADING_NUMBER.exec(text)?.[0] ?? '';
  return o !== undefined && number(original[o]!.text) !== number(paragraph.text);
}

function withoutNumber(text: string): string {
  return text.replace(HEADING_NUMBER, '');
}

/** Values of a longest increasing subsequence (patience sorting, n log n). */
function longestIncreasingRun(values: number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid]! < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
    tailIndex[low] = i;
    previous[i] = low > 0 ? tailIndex[low - 1]! : -1;
  });
  const kept = new Set<number>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(values[i]!);
  return kept;
}

function refuseOtherDocument(original: BodyParagraph[], edited: BodyParagraph[], partner: Map<number, number>): void {
  let found = 0;
  for (const [e, o] of partner) if (similarity(edited[e]!.text, original[o]!.text) >= 0.5) found++;
  if (original.length === 0 || found / original.length < SAME_DOCUMENT) {
    throw new DocxRefusal('这份 .docx 看来不是由这个计划生成的：正文几乎都对应不上。请确认 --onto 给的是生成这份文件的计划');
  }
}

/** Tables are not written back: any change in their text is reported once per table. */
function tableChanges(original: ReadDocx, edited: ReadDocx): Array<{ text: string; reason: string }> {
  const cells = (paragraphs: DocxParagraph[]) => paragraphs.filter((p) => p.inTable).map((p) => p.text);
  const before = cells(original.paragraphs);
  const after = cells(edited.paragraphs);
  if (before.join('\n') === after.join('\n')) return [];
  const first = after.findIndex((text, i) => text !== before[i]);
  return [{ text: after[first] ?? before[first] ?? '', reason: '表格里的文字有改动：表格不写回，请在 YAML 的表格（table）里改' }];
}
