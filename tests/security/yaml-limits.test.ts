// YAML features that make a small file expensive (aliases, merge keys, deep
// nesting, sheer size) are refused quickly with a diagnostic.
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { decodeSource } from '../../src/load/source.js';

function timedLoad(text: string) {
  const start = performance.now();
  const result = loadPlanSource(text, 'hostile.yaml');
  return { ...result, ms: performance.now() - start };
}

const codes = (diagnostics: Array<{ code: string }>) => diagnostics.map((d) => d.code);

describe('YAML aliases and merge keys are bounded', () => {
  it('refuses a billion-laughs alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = timedLoad(`${levels.join('\n')}\n`);
    expect(result.value).toBeUndefined();
    expect(codes(result.diagnostics)).toContain('yaml-alias-bomb');
    expect(result.ms).toBeLessThan(5_000);
  });

  it('refuses thousands of merge keys in linear time', () => {
    const lines = ['base: &b {title: x}'];
    for (let i = 0; i < 2000; i++) lines.push(`m${i}: {<<: [*b, *b, *b]}`);
    const result = timedLoad(`${lines.join('\n')}\n`);
    expect(result.value).toBeUndefined();
    expect(codes(result.diagnostics)).toContain('yaml-alias-bomb');
    // an O(aliases × nodes) scan took over 25 s here
    expect(result.ms).toBeLessThan(5_000);
  });

  it('still reports an alias without its anchor, and only that one', () => {
    const result = timedLoad('title: &t 标题\nyear: 2026\nissuer: *t\nsections: [*nope]\n');
    const unresolved = result.diagnostics.filter((d) => d.code === 'yaml-alias');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]).toMatchObject({ line: 4, message: expect.stringContaining('nope') });
  });

  it('reports an alias used before its anchor', () => {
    const result = timedLoad('issuer: *t\ntitle: &t 标题\nyear: 2026\nsections: []\n');
    expect(result.diagnostics.filter((d) => d.code === 'yaml-alias').map((d) => d.line)).toEqual([1]);
  });
});

describe('nesting and size', () => {
  it('refuses nesting far beyond the schema without overflowing the stack', () => {
    for (const text of [
      `title: x\nyear: 2026\nsections: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      `title: x\nyear: 2026\nsections: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`,
    ]) {
      const result = timedLoad(text);
      expect(result.value).toBeUndefined();
      expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
      expect(result.diagnostics[0]!.column).toBeGreaterThan(0);
    }
  });

  it('reads deep block nesting as a diagnostic, not a crash', () => {
    const lines = ['title: x', 'year: 2026', 'sections:'];
    for (let i = 0; i < 600; i++) lines.push(`${' '.repeat(2 * i + 2)}- children:`);
    const result = timedLoad(`${lines.join('\n')}\n`);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.line >= 1)).toBe(true);
  });

  it('does not choke on a 100,000-character line', () => {
    const result = timedLoad(`title: ${'长'.repeat(100_000)}\nyear: 2026\nsections:\n  - title: 任务\n    text: 内容。\n`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.value?.title).toHaveLength(100_000);
  });

  it('refuses a 100,000-character key with its position', () => {
    const result = timedLoad(`${'k'.repeat(100_000)}: 1\n`);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
  });

  it('decodes lone surrogates written as bytes into an encoding diagnostic', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('title: a'), 0xed, 0xa0, 0x80, 0x0a]);
    const decoded = decodeSource(bytes, 'surrogate.yaml');
    expect(decoded.text).toBeUndefined();
    expect(codes(decoded.diagnostics)).toEqual(['file-encoding']);
  });
});
