// YAML traps writers fall into: the slip itself, at its exact column, instead of
// the parser's consequences (issue 13 items 3–5).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const MINIMAL = readFileSync(join(ROOT, 'tests/fixtures/minimal-plan.yaml'), 'utf8');

/** the minimal plan with one line replaced */
function edited(from: RegExp, to: string): string {
  expect(MINIMAL).toMatch(from);
  return MINIMAL.replace(from, to);
}

const shown = (text: string): string[] => loadPlanSource(text, 'p.yaml').diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
const first = (text: string) => loadPlanSource(text, 'p.yaml').diagnostics[0]!;

describe('text that YAML would silently drop or change', () => {
  it('warns at the "#" of a comment glued to text, with the hint to quote', () => {
    const text = edited(/text: 群众政策知晓度达到90%以上，/, 'text: 群众政策知晓度达到90%以上，完成3 #桥改造，');
    const result = loadPlanSource(text, 'p.yaml');
    const warning = result.diagnostics.find((d) => d.code === 'yaml-comment-in-text')!;
    // line 15 is `    text: 群众…完成3 #桥改造，…`; the "#" is the 30th character
    expect(`${warning.line}:${warning.column}`).toBe('15:30');
    expect(text.split('\n')[14]![warning.column - 1]).toBe('#');
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain('#桥改造');
    expect(warning.hint).toContain('引号');
  });

  it('leaves deliberate end-of-line comments alone', () => {
    expect(shown(edited(/^issuer: (.*)$/m, 'issuer: $1          # 署名'))).toEqual([]);
    expect(shown(edited(/^date: (.*)$/m, 'date: $1 # 成文日期'))).toEqual([]);
  });

  it('warns about an anchor swallowing the start of a value', () => {
    const diag = first(edited(/^    unit: 场$/m, '    unit: &场次 场'));
    expect([diag.severity, diag.code, diag.line, diag.column]).toEqual(['warning', 'yaml-anchor', 45, 11]);
  });

  it('warns when a "- " line is glued onto the text above it', () => {
    const diag = first(edited(/^    text: 群众(.*)$/m, '    text: 群众$1\n      - 完成改造'));
    expect([diag.severity, diag.code, diag.line, diag.column]).toEqual(['warning', 'yaml-dash-in-text', 16, 7]);
  });
});

describe('one root cause instead of a flood', () => {
  it.each([
    ['a tab', /^    id: goals$/m, '\tid: goals', '14:1 error yaml-tab', '制表符'],
    ['full-width spaces', /^    id: goals$/m, '　　id: goals', '14:1 error yaml-fullwidth-space', '全角空格'],
    ['an over-indented key', /^    id: goals$/m, '      id: goals', '14:1 error yaml-indent', '多缩进了 2 个空格'],
    ['a key aligned with the "- "', /^    id: goals$/m, '  id: goals', '14:1 error yaml-indent', '和上面的“- ”对齐了'],
    ['a key between two levels', /^    id: goals$/m, '   id: goals', '14:1 error yaml-indent', '缩进 3 个空格'],
    ['a full-width colon after a key', /^title: /m, 'title：', '4:6 error yaml-fullwidth-colon', '中文冒号'],
    ['an unquoted %', /^    unit: 人次$/m, '    unit: %', '40:11 error yaml-reserved', '%'],
    ['a value starting with @', /^issuer: .*$/m, 'issuer: @示例镇', '5:9 error yaml-reserved', '@'],
    ['a value starting with a backquote', /^issuer: .*$/m, 'issuer: `示例镇`', '5:9 error yaml-reserved', '`'],
    ['a value starting with *', /^issuer: .*$/m, 'issuer: *示例镇', '5:9 error yaml-reserved', '别名'],
    ['a value starting with !', /^issuer: .*$/m, 'issuer: !重要 示例镇', '5:9 error yaml-reserved', '类型标记'],
    ['a value starting with "- "', /^issuer: .*$/m, 'issuer: - 示例镇', '5:9 error yaml-dash-value', '列表'],
    ['": " inside an unquoted value', /^issuer: .*$/m, 'issuer: 示例镇: 人民政府', '5:12 error yaml-colon-in-value', '“: ”'],
  ])('%s', (_name, from, to, where, words) => {
    const diagnostics = loadPlanSource(edited(from, to), 'p.yaml').diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([where]);
    expect(diagnostics[0]!.message).toContain(words);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it('says the exact value to type', () => {
    expect(first(edited(/^    unit: 人次$/m, '    unit: %')).hint).toContain('unit: "%"');
    expect(first(edited(/^title: /m, 'title：')).hint).toContain('title: ');
    expect(first(edited(/^date: .*$/m, 'date: 2027年1月20日')).hint).toContain('写成 2027-01-20');
    expect(first(edited(/^date: .*$/m, 'date: 2027.1.2')).hint).toContain('写成 2027-01-02');
  });

  it('still reports an unclosed quote elsewhere in the file', () => {
    const text = edited(/^    id: goals$/m, '\tid: goals').replace(/task: training\n$/, 'task: "training\n');
    expect(shown(text)).toEqual(['14:1 error yaml-tab', '47:11 error yaml-quote']);
  });

  it('puts a misspelt metrics key first and does not list the citations it breaks', () => {
    const diagnostics = loadPlanSource(edited(/^metrics:/m, 'metircs:'), 'p.yaml').diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
    expect(diagnostics[0]!.message).toBe('不认识的键“metircs”（正文里的 1 处引用因此找不到，改正后再检查）');
    expect(diagnostics[0]!.hint).toContain('metrics');
  });
});

it('check prints the one root cause of a tab, not a flood, with exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-traps-'));
  try {
    writeFileSync(join(dir, 'plan.yaml'), edited(/^    id: goals$/m, '\tid: goals'));
    const result = runCli(['check', 'plan.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('plan.yaml:14:1: 错误 [yaml-tab]');
    expect(result.stdout).toContain('共 1 个错误');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
