// Fuzzing compose and the DOCX writer: any plan the model allows, and any
// Markdown, gives Markdown and a well-formed DOCX, or diagnostics; no throw.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { markdownToDocx, renderDocx } from '../../src/docx/index.js';
import { docxToPdf } from '../../src/docx/pdf.js';
import type { Plan } from '../../src/model/plan.js';
import { markdownArbitrary, planArbitrary } from './arbitraries.js';
import { assertWellFormedDocx, checkProperty, FUZZ_SEED } from './support.js';

async function renderPlan(plan: Plan): Promise<Uint8Array | undefined> {
  const composed = composePlanMarkdown(plan, { file: 'fuzz.yaml' });
  if (composed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  if (!composed.markdown.trim()) throw new Error('compose gave no Markdown and no error');
  const rendered = await renderDocx(composed.markdown, { file: 'fuzz.md' });
  assertWellFormedDocx(rendered.docx);
  return rendered.docx;
}

describe('fuzzing compose + DOCX', () => {
  it('random valid-shaped plans render to well-formed DOCX', async () => {
    let rendered = 0;
    const runs = 100;
    await checkProperty(fc.asyncProperty(planArbitrary, async (plan) => {
      if (await renderPlan(plan)) rendered++;
    }), runs);
    // most random plans must get through compose, or the property checks nothing
    expect(rendered).toBeGreaterThan(runs / 2);
  });

  it('random Markdown renders to well-formed DOCX', async () => {
    await checkProperty(fc.asyncProperty(markdownArbitrary, async (markdown) => {
      assertWellFormedDocx(await markdownToDocx(markdown));
    }), 150);
  });

  it('a sample of random plans opens in LibreOffice', async () => {
    const samples = fc.sample(planArbitrary, { seed: FUZZ_SEED, numRuns: 12 });
    const docs: Uint8Array[] = [];
    for (const plan of samples) {
      const docx = await renderPlan(plan);
      if (docx) docs.push(docx);
      if (docs.length === 2) break;
    }
    expect(docs).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-fuzz-lo-'));
    try {
      for (const [i, docx] of docs.entries()) {
        const input = join(dir, `fuzz-${i}.docx`);
        writeFileSync(input, docx);
        const pdf = await docxToPdf(input, dir);
        expect(statSync(pdf).size).toBeGreaterThan(1000);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
