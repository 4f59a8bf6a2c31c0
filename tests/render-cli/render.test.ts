import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const CHANGSHOU = join(ROOT, 'plans', 'changshou-2026.yaml');
const SONGTAO = join(ROOT, 'plans', 'songtao-2022.yaml');

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'plandoc-render-'));
}

const SMALL_PLAN = `title: 测试镇2026年工作计划
year: 2026
issuer: 测试镇
date: 2026-01-14
sections:
  - title: 总体要求
    text: 以习近平新时代中国特色社会主义思想为指导。
`;

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('plandoc render', () => {
  let dir: string;
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = workDir();
    first = runCli(['render', CHANGSHOU, SONGTAO], { cwd: dir });
  });

  it('writes out/<name>.md and out/<name>.docx for each plan and says so in Chinese', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      '已生成 out/changshou-2026.md',
      '已生成 out/changshou-2026.docx',
      '已生成 out/songtao-2022.md',
      '已生成 out/songtao-2022.docx',
    ]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['changshou-2026.docx', 'changshou-2026.md', 'songtao-2022.docx', 'songtao-2022.md']);
    expect(readFileSync(join(dir, 'out', 'changshou-2026.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'tests', 'golden', 'changshou-2026.md'), 'utf8'));
    expect(readFileSync(join(dir, 'out', 'changshou-2026.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('is deterministic: a second run gives byte-identical .md and .docx files', () => {
    const again = runCli(['render', CHANGSHOU, SONGTAO, '-o', 'again'], { cwd: dir });
    expect(again.code).toBe(0);
    for (const name of ['changshou-2026.md', 'changshou-2026.docx', 'songtao-2022.md', 'songtao-2022.docx']) {
      expect(readFileSync(join(dir, 'again', name)).equals(readFileSync(join(dir, 'out', name))), name).toBe(true);
    }
  });

  it('renders a Markdown file straight to DOCX', () => {
    const work = workDir();
    writeFileSync(join(work, '通知.md'), '---\ntitle: 关于开展培训的通知\nissuer: 测试镇\n---\n\n# 关于开展培训的通知\n\n请各村做好准备。\n');
    const result = runCli(['render', '通知.md', '-o', '成稿'], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('已生成 成稿/通知.docx\n');
    expect(readdirSync(join(work, '成稿'))).toEqual(['通知.docx']);
  });

  it('stops on a broken front matter in a Markdown input, pointing at its line', () => {
    const work = workDir();
    writeFileSync(join(work, 'bad.md'), '---\ntitle: [a\n---\n\n# x\n');
    const result = runCli(['render', 'bad.md'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:2:\d+: 错误/);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('renders a progress file (top-level period) as a summary', () => {
    const work = workDir();
    const result = runCli(['render', join(ROOT, 'plans', 'changshou-2026-h1.yaml'), '--to', 'md'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('已生成 out/changshou-2026-h1.md\n');
    expect(readFileSync(join(work, 'out', 'changshou-2026-h1.md'), 'utf8')).toMatch(/^---\ntitle: 长寿镇2026年上半年.*工作总结及下半年工作计划\n/);
  });

  it('writes only the formats asked for with --to', () => {
    const work = workDir();
    const result = runCli(['render', CHANGSHOU, '--to', 'md', '-o', 'x'], { cwd: work });
    expect(result.code).toBe(0);
    expect(readdirSync(join(work, 'x'))).toEqual(['changshou-2026.md']);
  });

  it('explains its options in Chinese, defaults included', () => {
    const result = runCli(['render', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('输出目录（默认 out）');
    expect(result.stdout).toContain('（默认 md,docx）');
    expect(result.stdout).not.toContain('default');
  });

  it('rejects an unknown --to format as wrong usage (exit 2) and writes nothing', () => {
    const work = workDir();
    const result = runCli(['render', CHANGSHOU, '--to', 'md,html'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('可用的格式是 md、docx、pdf');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('prints file:line:col diagnostics, exits 1 and writes nothing when any input has errors', () => {
    const work = workDir();
    writeFileSync(join(work, 'good.yaml'), SMALL_PLAN);
    writeFileSync(join(work, 'bad.yaml'), SMALL_PLAN.replace('year: 2026', 'year: 二〇二六'));
    const result = runCli(['render', 'good.yaml', 'bad.yaml'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml:2:\d+: 错误/);
    expect(result.stderr).toContain('有错误，没有生成任何文件。');
    noStackTrace(result.stderr);
    expect(result.stdout).toBe('');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('exits 1 with a Chinese message for a missing input file', () => {
    const result = runCli(['render', 'no-such-plan.yaml'], { cwd: workDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到文件');
    noStackTrace(result.stderr);
  });

  it('refuses control characters typed through YAML escapes, at the escape, like typed ones (#19)', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN.replace('text: 以习近平', 'text: "\\x07以习近平'));
    writeFileSync(join(work, 'p.yaml'), readFileSync(join(work, 'p.yaml'), 'utf8').replace('指导。\n', '指导。"\n'));
    const result = runCli(['render', 'p.yaml', '--to', 'md'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/p\.yaml:7:\d+: 错误 \[control-char\]/);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('keeps outputs inside the output directory whatever the input path', () => {
    const work = workDir();
    mkdirSync(join(work, 'a', 'b'), { recursive: true });
    writeFileSync(join(work, 'a', 'b', '..plan.yaml'), SMALL_PLAN);
    const result = runCli(['render', 'a/b/..plan.yaml', '--to', 'md', '-o', 'o'], { cwd: work });
    expect(result.code).toBe(0);
    expect(readdirSync(join(work, 'o'))).toEqual(['..plan.md']);
  });

  it('refuses two inputs that would write the same output (exit 2)', () => {
    const work = workDir();
    mkdirSync(join(work, 'x'));
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    writeFileSync(join(work, 'x', 'p.yaml'), SMALL_PLAN);
    const result = runCli(['render', 'p.yaml', 'x/p.yaml'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('同名的输出文件');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });
});

describe('templates and configuration', () => {
  function withPartial(work: string, dirName: string): void {
    mkdirSync(join(work, dirName, 'partials'), { recursive: true });
    writeFileSync(join(work, dirName, 'partials', 'section.hbs'), '{{heading}}\n\n（本节由本单位模板生成）\n\n{{#each body}}\n{{this}}\n\n{{/each}}\n');
  }

  it('uses --templates DIR to override a partial', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    withPartial(work, 'my-templates');
    const result = runCli(['render', 'p.yaml', '--to', 'md', '--templates', 'my-templates'], { cwd: work });
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'out', 'p.md'), 'utf8')).toContain('## 一、总体要求\n\n（本节由本单位模板生成）\n\n以习近平');
  });

  it('reads templates from plandoc.config.yaml in the current directory', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    withPartial(work, 'house');
    writeFileSync(join(work, 'plandoc.config.yaml'), 'templates: house\nprofile:\n  grid:\n    linePitch: 560\n');
    const result = runCli(['render', 'p.yaml'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'out', 'p.md'), 'utf8')).toContain('（本节由本单位模板生成）');
  });

  it('reports a wrong config file with its line and a Chinese message (exit 1)', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    writeFileSync(join(work, 'house.yaml'), 'templates: nowhere\ncolour: red\n');
    const result = runCli(['render', 'p.yaml', '--config', 'house.yaml'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/house\.yaml:1:\d+: 错误 \[config\] 模板目录 nowhere 不存在/);
    expect(result.stderr).toMatch(/house\.yaml:2:1: 错误 \[config\] 配置文件里的“colour”不认识/);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('reports a wrong style profile in the config file (exit 1)', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    writeFileSync(join(work, 'plandoc.config.yaml'), 'profile:\n  grid:\n    linePitch: 五十\n');
    const result = runCli(['render', 'p.yaml'], { cwd: work });
    expect(result.code).toBe(1);
    // at the value itself (#19), no longer at profile:
    expect(result.stderr).toMatch(/plandoc\.config\.yaml:3:\d+: 错误 \[config\] 版式设置（profile）有误/);
    expect(result.stderr).toContain('grid.linePitch');
  });

  it('reports a missing --config file (exit 1)', () => {
    const result = runCli(['render', CHANGSHOU, '--config', 'nope.yaml'], { cwd: workDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nope.yaml');
    noStackTrace(result.stderr);
  });
});

describe('plandoc render --to pdf', () => {
  it('explains in Chinese when LibreOffice is missing, after writing the other formats', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    const result = runCli(['render', 'p.yaml', '--to', 'md,pdf'], { cwd: work, env: { PATH: '/nonexistent' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到 LibreOffice');
    noStackTrace(result.stderr);
    expect(readdirSync(join(work, 'out'))).toEqual(['p.md']);
  });

  it.runIf(existsSync('/usr/bin/soffice') || existsSync('/usr/local/bin/soffice'))('converts through LibreOffice when it is installed', () => {
    const work = workDir();
    writeFileSync(join(work, 'p.yaml'), SMALL_PLAN);
    const result = runCli(['render', 'p.yaml', '--to', 'pdf'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('已生成 out/p.pdf\n');
    expect(readdirSync(join(work, 'out'))).toEqual(['p.pdf']);
    expect(readFileSync(join(work, 'out', 'p.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
