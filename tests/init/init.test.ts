import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runInit } from '../../src/init/command.js';
import { PLACEHOLDER, skeletonYaml } from '../../src/init/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-init-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the plan skeleton', () => {
  it('has the standard sections and only fails on placeholders', () => {
    const text = skeletonYaml({ issuer: '长寿镇', year: 2027, kind: '工作计划', schemaPath: '../schema/plan.schema.json' });
    const loaded = loadPlanSource(text, 'new.yaml');
    expect(loaded.value).toBeUndefined();
    const codes = new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
    expect([...codes]).toEqual(['placeholder']);
    expect(loaded.diagnostics.length).toBeGreaterThanOrEqual(5);
    // once every placeholder is filled in, the same file is a valid plan
    const filled = loadPlanSource(text.replaceAll(`${PLACEHOLDER}：`, '').replace('（工作名称）', '巩固拓展脱贫攻坚成果'), 'new.yaml');
    expect(filled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const titles = filled.value!.sections.map((s) => s.title);
    expect(titles).toEqual(['总体要求', '重点任务', '保障措施']);
    expect(filled.value!.sections[0]!.children!.map((s) => s.title)).toEqual(['指导思想', '工作目标']);
    expect(filled.value!.title).toBe('长寿镇2027年巩固拓展脱贫攻坚成果工作计划');
  });

  it('starts with the schema comment line', () => {
    const text = skeletonYaml({ issuer: '长寿镇', year: 2027, kind: '工作方案', schemaPath: '../schema/plan.schema.json' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(text).toContain('kind: 工作方案');
  });
});

describe('plandoc init', () => {
  it('writes a new plan with a schema path relative to the repository schema', () => {
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'plan.schema.json'), '{}');
    mkdirSync(join(dir, 'plans'));
    const result = runCli(['init', '--issuer', '长寿镇', '--year', '2027'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('已生成 plans/长寿镇-2027.yaml');
    const text = readFileSync(join(dir, 'plans', '长寿镇-2027.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(text).toContain('title: 长寿镇2027年（待填写：工作名称）工作计划');
  });

  it('writes the schema into the writer\'s folder when it has none, and points at it relatively', () => {
    const result = runCli(['init', '--issuer', '长寿镇', '--year', '2027', '--kind', '工作方案', '-o', 'a/计划.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    const first = readFileSync(join(dir, 'a', '计划.yaml'), 'utf8').split('\n')[0]!;
    // never a path of this machine: a colleague's clone must resolve it too
    expect(first).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(result.stderr).toContain('已写入 schema/plan.schema.json');
    expect(readFileSync(join(dir, 'schema', 'plan.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
  });

  it('uses the schema at the top of the git repository from a nested folder', () => {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'plan.schema.json'), '{}');
    const result = runCli(['init', '--issuer', '长寿镇', '--year', '2027', '-o', 'plans/2027/计划.yaml'], { cwd: join(dir) });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plans', '2027', '计划.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/plan.schema.json');
    expect(result.stderr).not.toContain('已写入 schema');
    expect(readFileSync(join(dir, 'schema', 'plan.schema.json'), 'utf8')).toBe('{}');
  });

  it('never overwrites a file unless --force', () => {
    writeFileSync(join(dir, 'x.yaml'), 'keep me');
    const refused = runCli(['init', '--issuer', '长寿镇', '--year', '2027', '-o', 'x.yaml'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('x.yaml 已经存在');
    expect(readFileSync(join(dir, 'x.yaml'), 'utf8')).toBe('keep me');
    const forced = runCli(['init', '--issuer', '长寿镇', '--year', '2027', '-o', 'x.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'x.yaml'), 'utf8')).toContain('year: 2027');
  });

  it('without a terminal, names the missing flags and exits 2', () => {
    const result = runCli(['init', '--year', '2027'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--issuer');
    expect(result.stderr).not.toContain('--year（');
    const neither = runCli(['init'], { cwd: dir });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--issuer.*--year/);
  });

  it('rejects a malformed year or kind as wrong usage', () => {
    expect(runCli(['init', '--issuer', '长寿镇', '--year', '27'], { cwd: dir }).code).toBe(2);
    expect(runCli(['init', '--issuer', '长寿镇', '--year', '2027', '--kind', '总结'], { cwd: dir }).code).toBe(2);
  });
});

describe('runInit on a terminal', () => {
  it('asks for what the flags did not give, again after a wrong answer', async () => {
    const answers = ['', '长寿镇', '明年', '2028', '工作方案'];
    const questions: string[] = [];
    const ask = vi.fn(async (question: string) => {
      questions.push(question);
      return answers.shift()!;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await runInit({ output: join(dir, 'p.yaml') }, ask);
      expect(code).toBe(0);
    } finally {
      stderr.mockRestore();
    }
    expect(questions.map((q) => q.slice(0, 4))).toEqual(['发文机关', '发文机关', '计划年度', '计划年度', '文种（工']);
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    expect(text).toContain('year: 2028');
    expect(text).toContain('kind: 工作方案');
  });
});

describe('plandoc schema', () => {
  it('prints or writes the plan and the progress schema', () => {
    const progress = runCli(['schema', 'progress', '-o', 'schema/progress.schema.json'], { cwd: dir });
    expect(progress.code).toBe(0);
    expect(readFileSync(join(dir, 'schema', 'progress.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'progress.schema.json'), 'utf8'));
    expect(runCli(['schema', 'plan']).stdout).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    expect(runCli(['schema']).stdout).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    const wrong = runCli(['schema', 'summary']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('种类“summary”不对。可选的值：plan、progress。');
  });
});
