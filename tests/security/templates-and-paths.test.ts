// Templates and data cannot reach object prototypes or the file system, and
// outputs cannot land outside the output directory.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import { insideDir, outputBaseName } from '../../src/render/index.js';
import { runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { planCopy, scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function workDir(): string {
  const dir = scratch('plandoc-security-');
  dirs.push(dir);
  return dir;
}

const MINIMAL = 'title: 测试计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 内容。\n';

describe('templates cannot reach prototypes or the file system', () => {
  const hostile = [
    '{{constructor.constructor}}',
    '{{constructor.constructor "return process"}}',
    '{{#with (lookup this "constructor")}}{{name}}{{/with}}',
    '{{__proto__}}',
    '{{#with __proto__}}{{constructor.name}}{{/with}}',
    '{{lookup (lookup this "constructor") "prototype"}}',
    '{{#each this}}{{@key}}={{constructor.name}};{{/each}}',
    '{{title.constructor.name}}{{title.length}}{{sections.constructor.name}}',
  ];

  it.each(hostile)('%s prints nothing from a prototype', (expression) => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'plan.md.hbs'), `---\ntitle: 测试计划\n---\n\n# 测试计划\n\n开始${expression}结束\n`);
    const plan = loadPlanSource(MINIMAL, 'plan.yaml').value!;
    const composed = composePlanMarkdown(plan, { templatesDir: templates, file: 'plan.yaml' });
    const printed = /开始([\s\S]*)结束/.exec(composed.markdown)?.[1] ?? '';
    expect(printed).not.toMatch(/function|Function|Object|String|Array|native code|process/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a denied prototype lookup prints nothing, not even an English warning', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'plan.md.hbs'), '---\ntitle: 测试计划\n---\n\n# 测试计划\n\n开始{{valueOf}}{{toString}}{{hasOwnProperty}}{{title.toString}}结束\n');
    const out = join(dir, 'out');
    const result = runCli(['render', planCopy(dir), '-o', out, '--templates', templates, '--to', 'md']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(out, 'plan.md'), 'utf8')).toContain('开始结束');
  });

  it('a template cannot include a file by path as a partial', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(dir, 'secret.hbs'), '机密内容');
    writeFileSync(join(templates, 'plan.md.hbs'), '# 测试计划\n\n{{> ../secret}}\n');
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out'), '--templates', templates]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('../secret');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('YAML data cannot pollute prototypes', () => {
  it('__proto__ and constructor keys are unknown keys, and nothing is polluted', () => {
    const text = `${MINIMAL}__proto__:\n  polluted: 是\nconstructor:\n  prototype:\n    polluted: 是\n`;
    const nested = 'title: 测试计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 内容。\n    __proto__: {polluted: 1}\n';
    for (const source of [text, nested]) {
      const result = loadPlanSource(source, 'plan.yaml');
      expect(result.value).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code)).toContain('unknown-key');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key in Markdown front matter does not pollute either', async () => {
    const { markdownToDocx } = await import('../../src/docx/index.js');
    await markdownToDocx('---\ntitle: 标题\n__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\n---\n\n# 标题\n\n正文。\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('outputs stay inside the output directory', () => {
  it.each([
    ['../../x.yaml', 'x'],
    ['/etc/passwd', 'passwd'],
    ['..', 'document'],
    ['../..', 'document'],
    ['a/../../b.yaml', 'b'],
  ])('the output name of %s is %s', (input, name) => {
    expect(outputBaseName(input)).toBe(name);
  });

  it('refuses a target that would land outside the directory', () => {
    expect(() => insideDir('/tmp/out', '/tmp/out/../x.docx')).toThrow(/不在输出目录/);
    expect(() => insideDir('/tmp/out', '/tmp/out')).toThrow(/不在输出目录/);
    expect(insideDir('/tmp/out', '/tmp/out/a.docx')).toBe('/tmp/out/a.docx');
  });

  it('an input reached through ../.. is written inside -o, nowhere else', () => {
    const dir = workDir();
    const deep = join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    planCopy(dir, 'x.yaml');
    const result = runCli(['render', '../../x.yaml', '-o', 'out'], { cwd: deep });
    expect(result.code).toBe(0);
    expect(readdirSync(join(deep, 'out')).sort()).toEqual(['x.docx', 'x.md']);
    expect(readdirSync(dir).sort()).toEqual(['a', 'x.yaml']);
  });
});

describe('size limit', () => {
  it('an input over 5 MB is refused with a message, before it is read', () => {
    const dir = workDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `${MINIMAL}# ${'长'.repeat(2 * 1024 * 1024)}\n`);
    for (const command of ['render', 'check']) {
      const result = runCli([command, big, ...(command === 'render' ? ['-o', join(dir, 'out')] : [])]);
      const printed = result.stdout + result.stderr;
      expect(result.code).toBe(1);
      expect(printed).toContain('文件太大');
      expect(printed).toContain('5 MB');
      expect(hasStackTrace(printed)).toBe(false);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readFileSync(big, 'utf8').startsWith(MINIMAL)).toBe(true);
  });
});
