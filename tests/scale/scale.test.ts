// Scale: a plan ten times the size of a real one renders completely and
// well-formed. (Timings are measured by `npm run bench`, not asserted here.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { renderPlanInMemory } from '../../src/index.js';
import type { Plan, Section } from '../../src/model/plan.js';
import { assertWellFormedDocx } from '../fuzz/support.js';

const EXAMPLE = new URL('../../plans/changshou-2026.yaml', import.meta.url);

function withSuffix(section: Section, suffix: string): Section {
  return {
    ...section,
    ...(section.id ? { id: `${section.id}${suffix}` } : {}),
    ...(section.children ? { children: section.children.map((child) => withSuffix(child, suffix)) } : {}),
  };
}

/** The example plan with its sections repeated; ids made unique, metrics unchanged. */
function scaled(times: number): string {
  const plan = parse(readFileSync(EXAMPLE, 'utf8')) as Plan;
  const sections = Array.from({ length: times }, (_, k) => plan.sections.map((s) => (k ? withSuffix(s, `-${k}`) : s))).flat();
  return stringify({ ...plan, sections }, { lineWidth: 0 });
}

const paragraphs = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!).match(/<w:p[ >]/g)?.length ?? 0;

describe('scale', () => {
  it('a 10× plan renders every section into a well-formed DOCX', async () => {
    const one = await renderPlanInMemory(scaled(1), 'x1.yaml');
    const ten = await renderPlanInMemory(scaled(10), 'x10.yaml');
    for (const result of [one, ten]) {
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      assertWellFormedDocx(result.docx);
    }
    // the furniture is shared, so ten times the body is a little under ten times the paragraphs
    const ratio = paragraphs(ten.docx) / paragraphs(one.docx);
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(10.5);
    // numbering keeps counting across the copies: three top-level sections each, so up to 三十、
    expect(ten.markdown).toMatch(/^#* ?三十、/m);
  }, 60_000);

  it('renderPlanInMemory reports a broken plan instead of rendering it', async () => {
    const result = await renderPlanInMemory('title: [\n', 'broken.yaml');
    expect(result.docx).toHaveLength(0);
    expect(result.markdown).toBe('');
    expect(result.diagnostics[0]).toMatchObject({ file: 'broken.yaml', severity: 'error' });
    expect(result.diagnostics[0]!.line).toBeGreaterThan(0);
  });
});
