// Random leader edit scripts (bounded, fixed seed): whatever mix of word
// changes, added and deleted paragraphs a leader makes to plain text
// paragraphs, apply writes it all back, reports nothing, and the re-rendered
// plan prints exactly the edited text.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkProperty } from '../fuzz/support.js';
import { loadPlanSource } from '../../src/load/index.js';
import { decodeAnchor } from '../../src/review/anchors.js';
import { applyEdits, CHANGSHOU, expectRerenderMatches, planSource, renderedDocx } from './apply-support.js';
import { paragraphsOf } from './support.js';

/** Anchors of paragraphs printed from one text field without citations: safe to retype. */
async function plainTextAnchors(relative: string): Promise<Array<{ name: string; deletable: boolean }>> {
  const plan = loadPlanSource(planSource(relative), relative).value!;
  const docx = await renderedDocx(relative);
  return paragraphsOf(docx).flatMap((p) => p.anchors).flatMap((name) => {
    const path = decodeAnchor(name)!;
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], plan);
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], plan);
    if (typeof value !== 'string' || value.includes('[[') || path[path.length - 1] === 'title' || path.length === 1) return [];
    const inList = typeof path[path.length - 1] === 'number' && Array.isArray(parent) && parent.length > 1 && parent.every((item) => typeof item === 'string');
    return [{ name, deletable: inList }];
  });
}

const WORDS = ['扎实', '全面', '进一步', '切实', '稳步'];

describe('random edit scripts', () => {
  it('apply back exactly what was edited', async () => {
    const anchors = await plainTextAnchors(CHANGSHOU);
    expect(anchors.length).toBeGreaterThan(5);
    const step = fc.record({ target: fc.nat(anchors.length - 1), kind: fc.constantFrom('word', 'insert', 'delete'), word: fc.constantFrom(...WORDS), at: fc.nat(30) });
    await checkProperty(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (script) => {
      const used = new Set<string>();
      const applied = await applyEdits(CHANGSHOU, (d) => {
        for (const { target, kind, word, at } of script) {
          const { name, deletable } = anchors[target]!;
          if (used.has(name)) continue;
          used.add(name);
          const text = d.textOf(name);
          if (kind === 'word') d.setText(name, text.slice(0, at % text.length) + word + text.slice(at % text.length));
          else if (kind === 'insert') d.insertAfter(name, `${word}推进各项工作落实。`);
          else if (deletable) d.delete(name);
        }
        return d;
      });
      expect(applied.list.unmapped).toEqual([]);
      await expectRerenderMatches(CHANGSHOU, applied);
    }), 12);
  }, 120_000);
});
