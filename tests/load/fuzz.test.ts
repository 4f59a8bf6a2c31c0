// Property tests: whatever bytes a writer saves, loading never throws and
// every diagnostic points at a line that exists.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { formatDiagnostics } from '../../src/load/format.js';
import { ROOT } from '../helpers/cli.js';

const minimal = readFileSync(`${ROOT}/tests/fixtures/minimal-plan.yaml`, 'utf8');
const YAML_PIECES = [':', ': ', '- ', '  ', '\t', '"', "'", '[', ']', '{', '}', '[[', ']]', '&a ', '*a', '<<: ', '#', '\n', '---\n', '|\n', '待填写', '2026-02-30', '1e999', '一、', 'children:\n'];

/** A valid plan with a random stretch replaced by YAML-ish noise. */
const mutatedPlan = fc
  .tuple(fc.nat(minimal.length), fc.nat(40), fc.array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 4 })), { maxLength: 8 }))
  .map(([start, length, pieces]) => minimal.slice(0, start) + pieces.join('') + minimal.slice(start + length));

function assertWellFormed(text: string): void {
  const result = loadPlanSource(text, 'fuzz.yaml');
  const lineCount = result.source.split('\n').length;
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lineCount);
    expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  if (result.value === undefined) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  expect(() => formatDiagnostics(result.diagnostics, new Map([['fuzz.yaml', result.source]]))).not.toThrow();
}

describe('loading never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), assertWellFormed), { numRuns: 300 });
  });

  it('on a valid plan with random damage', () => {
    fc.assert(fc.property(mutatedPlan, assertWellFormed), { numRuns: 300 });
  });
});
