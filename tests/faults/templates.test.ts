// Faults in the user's templates and in the files a progress file refers to:
// reported with the file and line to fix, exit 1, nothing written.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { planCopy, scratch } from './support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function renderWithTemplates(files: Record<string, string>) {
  const dir = scratch();
  dirs.push(dir);
  const templates = join(dir, 'templates');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(templates, name, '..'), { recursive: true });
    writeFileSync(join(templates, name), text);
  }
  const out = join(dir, 'out');
  const result = runCli(['render', planCopy(dir), '-o', out, '--templates', templates]);
  return { ...result, templates, wroteNothing: !existsSync(out) };
}

function expectRefused(result: ReturnType<typeof renderWithTemplates>): void {
  expect(result.code).toBe(1);
  expect(result.wroteNothing).toBe(true);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stderr).toContain('错误');
}

describe('template faults', () => {
  it('a syntax error is reported at the template file and line', () => {
    const result = renderWithTemplates({ 'plan.md.hbs': '# {{title}}\n\n第三行\n\n第五行 {{title}\n\n第七行\n' });
    expectRefused(result);
    expect(result.stderr).toContain(`${join(result.templates, 'plan.md.hbs')}:5:`);
  });

  it('a block closed by the wrong helper is reported at the partial file and line', () => {
    const builtin = readFileSync(join(ROOT, 'templates', 'plan.md.hbs'), 'utf8');
    const result = renderWithTemplates({ 'plan.md.hbs': builtin, 'partials/section.hbs': '好\n{{#each children}}\n坏 {{/if}}\n' });
    expectRefused(result);
    expect(result.stderr).toMatch(new RegExp(`${join(result.templates, 'partials', 'section.hbs').replace(/[.]/g, '\\.')}:[23]:`));
    expect(result.stderr).toMatch(/each.*if|if.*each/);
  });

  it('a missing partial is named, in Chinese, at the line that uses it', () => {
    const result = renderWithTemplates({ 'plan.md.hbs': '# {{title}}\n\n{{> 不存在的部分}}\n' });
    expectRefused(result);
    expect(result.stderr).toContain(`${join(result.templates, 'plan.md.hbs')}:3:`);
    expect(result.stderr).toContain('不存在的部分');
    expect(result.stderr).not.toMatch(/could not be found/);
  });
});

describe('progress file faults', () => {
  it('a progress file whose plan is missing points at its plan: line', () => {
    const dir = scratch();
    dirs.push(dir);
    const source = readFileSync(join(ROOT, 'plans', 'changshou-2026-h1.yaml'), 'utf8');
    const progress = join(dir, 'progress.yaml');
    writeFileSync(progress, source.replace(/^plan: .*$/m, 'plan: 不存在的计划.yaml'));
    const planLine = source.split('\n').findIndex((line) => line.startsWith('plan:')) + 1;
    const result = runCli(['render', progress, '-o', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${progress}:${planLine}:`);
    expect(result.stderr).toContain('不存在的计划.yaml');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a progress file whose plan is broken reports the plan file, not a crash', () => {
    const dir = scratch();
    dirs.push(dir);
    cpSync(join(ROOT, 'plans', 'changshou-2026-h1.yaml'), join(dir, 'progress.yaml'));
    writeFileSync(join(dir, 'changshou-2026.yaml'), 'title: [未闭合\n');
    const result = runCli(['render', join(dir, 'progress.yaml'), '-o', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(dir, 'changshou-2026.yaml'));
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
