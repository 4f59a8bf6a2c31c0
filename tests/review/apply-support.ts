// Shared steps of the apply tests: render a plan, let a script edit the DOCX,
// apply it back, and read what a re-render prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { renderPlanInMemory } from '../../src/index.js';
import { planApply } from '../../src/review/apply/index.js';
import type { ChangeList } from '../../src/review/apply/index.js';
import { readDocx } from '../../src/review/apply/read-docx.js';
import { bodyParagraphs } from '../../src/review/apply/match.js';
import { ROOT } from '../helpers/cli.js';
import { EditedDocx } from './edit-docx.js';

export const CHANGSHOU = 'plans/changshou-2026.yaml';
export const MINIMAL = 'tests/fixtures/minimal-plan.yaml';

export function planSource(relative: string): string {
  return readFileSync(join(ROOT, relative), 'utf8');
}

const rendered = new Map<string, Uint8Array>();

export async function renderedDocx(relative: string, source = planSource(relative)): Promise<Uint8Array> {
  const key = `${relative}\u0000${source}`;
  if (!rendered.has(key)) {
    const result = await renderPlanInMemory(source, relative);
    expect(result.docx.length).toBeGreaterThan(0);
    rendered.set(key, result.docx);
  }
  return rendered.get(key)!;
}

export interface Applied {
  source: string;
  after: string;
  list: ChangeList;
  edited: Uint8Array;
}

export async function applyEdits(relative: string, edit: (docx: EditedDocx) => EditedDocx | Uint8Array, options = { acceptTargets: false }): Promise<Applied> {
  const source = planSource(relative);
  const result = edit(new EditedDocx(await renderedDocx(relative, source)));
  const edited = result instanceof Uint8Array ? result : result.bytes();
  const outcome = await planApply(relative, source, edited, options);
  if (!outcome.ok) throw new Error(`apply failed: ${JSON.stringify(outcome.diagnostics)}`);
  return { source, after: outcome.after, list: outcome.list, edited };
}

/** The body text a reader sees (revisions accepted), paragraph by paragraph, tables left out. */
export function bodyTexts(docx: Uint8Array): string[] {
  return bodyParagraphs(readDocx(docx).paragraphs).map((p) => p.text);
}

/** Re-rendering the new YAML prints exactly the edited document's text. */
export async function expectRerenderMatches(relative: string, applied: Applied): Promise<void> {
  const again = await renderPlanInMemory(applied.after, relative);
  expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // heading numbers are derived: a moved task is renumbered on the next render
  expect(bodyTexts(again.docx).map(withoutNumber)).toEqual(bodyTexts(applied.edited).map(withoutNumber));
}

function withoutNumber(text: string): string {
  return text.replace(/^(?:[一二三四五六七八九十百零]+、|（[一二三四五六七八九十百零]+）|\d+[.．]|（\d+）)/u, '');
}

/** `source` with each [from, to] replaced once: the intended change, written out by hand. */
export function withReplacements(source: string, ...pairs: Array<[string, string]>): string {
  return pairs.reduce((text, [from, to]) => {
    expect(text.includes(from), from).toBe(true);
    return text.replace(from, to);
  }, source);
}
