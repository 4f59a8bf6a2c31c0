// YAML features that make a small file expensive (aliases, merge keys, deep
// nesting, sheer size) are refused quickly with a diagnostic.
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { decodeSource } from '../../src/load/source.js';
import { excessiveNesting, MAX_NESTING, MAX_OPEN_BRACKETS } from '../../src/load/depth.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

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
    // 900 keys: under the map-size bound (MAX_MAP_KEYS), over the alias bound
    for (let i = 0; i < 900; i++) lines.push(`m${i}: {<<: [*b, *b, *b]}`);
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

describe('nesting measured before parsing', () => {
  it('finds the first place past the limit in brackets, indentation and "- - -" items', () => {
    expect(excessiveNesting(`a: ${'['.repeat(MAX_OPEN_BRACKETS)}${']'.repeat(MAX_OPEN_BRACKETS)}`)).toBeUndefined();
    expect(excessiveNesting(`a: ${'['.repeat(MAX_OPEN_BRACKETS + 1)}`)).toBe(3 + MAX_OPEN_BRACKETS);
    expect(excessiveNesting(`a: ${'{b: '.repeat(MAX_OPEN_BRACKETS + 1)}1`)).toBe(3 + 4 * MAX_OPEN_BRACKETS);
    const block = Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(excessiveNesting(block)).toBe(block.lastIndexOf('k:'));
    expect(excessiveNesting(`${'- '.repeat(MAX_NESTING + 1)}x`)).toBe(0);
  });

  it('leaves real plans alone: citations are balanced, comments and dedents do not count', () => {
    for (const name of ['changshou-2026', 'songtao-2022', 'pailou-2025-h1', 'changshou-2026-h1']) {
      expect(excessiveNesting(readFileSync(join(ROOT, 'plans', `${name}.yaml`), 'utf8')), name).toBeUndefined();
    }
    const sawtooth = Array.from({ length: 500 }, (_, i) => `${' '.repeat((i % 10) * 2)}- k: 见[[id]]和[附件${i % 2 ? ']' : ''}\n  # 注释里的 ${'['.repeat(5)}`).join('\n');
    expect(excessiveNesting(sawtooth)).toBeUndefined();
  });

  it('refuses absurd nesting at the first level past the limit, without running the parser', () => {
    const result = timedLoad(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-too-deep', line: 1, column: 4 + MAX_OPEN_BRACKETS })]);
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
