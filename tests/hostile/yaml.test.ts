// #19: YAML structures that used to recurse forever or take quadratic time.
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { fixSource, lintSource } from '../../src/lint/index.js';
import { MAX_MAP_KEYS } from '../../src/load/yaml-bounds.js';

const codes = (diagnostics: Array<{ code: string }>) => diagnostics.map((d) => d.code);

describe('an alias inside its own anchor', () => {
  it.each([
    'title: &a [*a]\nyear: 2026\nsections: []\n',
    'title: 标题\nyear: 2026\nsections: &s\n  - title: 任务\n    children: *s\n',
    'title: 标题\nyear: 2026\nsections:\n  - &x {title: 任务, children: [*x]}\n',
  ])('is a diagnostic at the alias, not endless recursion: %j', (source) => {
    const result = loadPlanSource(source, 'plan.yaml');
    expect(result.value).toBeUndefined();
    const cycle = result.diagnostics.find((d) => d.code === 'yaml-alias-cycle');
    expect(cycle).toBeDefined();
    expect(source.split('\n')[cycle!.line - 1]!.slice(cycle!.column - 1)).toMatch(/^\*/);
  });

  it('lint and lint --fix refuse it instead of crashing', () => {
    const source = 'title: &a [*a]\nyear: 2026\nsections: []\n';
    expect(lintSource(source, 'plan.yaml')).toEqual([]);
    expect(fixSource(source, 'plan.yaml')).toEqual({ text: source, changes: [] });
  });

  it('an alias to an earlier, finished node still works', () => {
    const source = 'title: &t 标题\nyear: 2026\nissuer: *t\nsections:\n  - title: 任务\n    text: 内容。\n';
    expect(loadPlanSource(source, 'plan.yaml').value?.issuer).toBe('标题');
  });
});

describe('maps are bounded, merge keys expanded', () => {
  const keys = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}k${i}: 值${i}`).join('\n');

  it('a 4,000-key map merged once is refused in one pass, at the map', () => {
    const source = `title: 测试计划\nyear: 2026\nshared: &shared\n${keys(4000, '  ')}\nsections:\n  - title: 任务\n    <<: *shared\n`;
    const result = loadPlanSource(source, 'plan.yaml');
    expect(codes(result.diagnostics)).toEqual(['yaml-too-many-keys']);
    expect(result.diagnostics[0]).toMatchObject({ line: 4 });
  });

  it('merges that double at every level are refused before they are expanded', () => {
    const levels = ['a0: &a0 {x: 1, y: 2}'];
    for (let i = 1; i < 40; i++) levels.push(`a${i}: &a${i} {<<: [*a${i - 1}, *a${i - 1}]}`);
    const result = loadPlanSource(`${levels.join('\n')}\n`, 'plan.yaml');
    expect(codes(result.diagnostics)).toContain('yaml-too-many-keys');
  });

  it(`a map of ${MAX_MAP_KEYS} keys is still read (and its unknown keys reported)`, () => {
    const source = `title: 测试计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 内容。\nextra:\n${keys(MAX_MAP_KEYS, '  ')}\n`;
    expect(codes(loadPlanSource(source, 'plan.yaml').diagnostics)).toContain('unknown-key');
  });

  it('duplicate keys are still found (now with a set, not pairwise)', () => {
    const result = loadPlanSource('title: 一\nyear: 2026\ntitle: 二\nsections: []\n', 'plan.yaml');
    expect(result.diagnostics.find((d) => d.code === 'duplicate-key')).toMatchObject({ line: 3, column: 1 });
  });
});
