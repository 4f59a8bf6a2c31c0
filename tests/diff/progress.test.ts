// Progress files in plandoc diff and in the git diff driver (issue 13 item 6):
// the values, statuses, texts and period that changed, named by the plan.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const H1 = readFileSync(join(ROOT, 'plans', 'changshou-2026-h1.yaml'), 'utf8');

/** replaces exactly one occurrence */
function edit(text: string, find: string, replace: string): string {
  expect(text.split(find)).toHaveLength(2);
  return text.replace(find, replace);
}

const EDITED = [
  ['value: 180, unit: 人次, date: 2026-06-30', 'value: 195, unit: 人次, date: 2026-06-30'],
  ['  - task: employment-services\n    status: 滞后', '  - task: employment-services\n    status: 正常推进'],
  ['“百日攻坚”行动完成劳动力', '“百日攻坚”专项行动完成劳动力'],
].reduce((text, [find, replace]) => edit(text, find!, replace!), H1);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-diff-progress-'));
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(dir, 'plans', 'changshou-2026.yaml'));
  writeFileSync(join(dir, 'plans', 'h1.yaml'), H1);
  writeFileSync(join(dir, 'plans', 'h1-new.yaml'), EDITED);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plandoc diff of two progress files', () => {
  it('lists the changed value, status and text by the names the plan gives them', () => {
    const result = runCli(['diff', 'plans/h1.yaml', 'plans/h1-new.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('共 3 处修改。');
    expect(result.stdout).toContain('“转移就业培训”的完成数由180人次改为195人次');
    // the plan's titles of employment-services and employment-scale
    expect(result.stdout).toContain('任务“优化就业服务”的状态由“滞后”改为“正常推进”');
    expect(result.stdout).toContain('任务“扩大就业规模”的进展情况的文字有改动');
    expect(result.stdout).toContain('【增：专项】');
  });

  it('states a changed period', () => {
    writeFileSync(join(dir, 'plans', 'year.yaml'), edit(H1, '  kind: half\n  year: 2026\n  half: 1', '  kind: year\n  year: 2026'));
    const result = runCli(['diff', 'plans/h1.yaml', 'plans/year.yaml', '--format', 'json'], { cwd: dir });
    const changes = (JSON.parse(result.stdout) as { changes: Array<{ explanation: string }> }).changes;
    expect(changes.map((c) => c.explanation)).toEqual(['报告期由“2026年上半年”改为“2026年”']);
  });

  it('writes the 修订对照表 of the numbers as DOCX', () => {
    const result = runCli(['diff', 'plans/h1.yaml', 'plans/h1-new.yaml', '-o', '对照表.docx'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('已生成修订对照表 对照表.docx（3 处修改）');
  });

  it('refuses to compare a plan with a progress file, in one sentence', () => {
    const result = runCli(['diff', 'plans/changshou-2026.yaml', 'plans/h1.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('plandoc: plans/changshou-2026.yaml 是计划文件，plans/h1.yaml 是进度文件（有 period）：只能比较同一种文件的两个版本。\n');
  });
});

describe('the git diff driver of docs/git.md on a progress file', () => {
  it('shows the real change and no errors about the plan beside the temporary copies', () => {
    const repo = mkdtempSync(join(tmpdir(), 'plandoc-git-progress-'));
    try {
      const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
      git('init', '-q');
      git('config', 'user.email', 'w@example.org');
      git('config', 'user.name', 'w');
      mkdirSync(join(repo, 'plans'));
      copyFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(repo, 'plans', 'changshou-2026.yaml'));
      writeFileSync(join(repo, 'plans', 'changshou-2026-h1.yaml'), H1);
      writeFileSync(join(repo, '.gitattributes'), 'plans/*.yaml diff=plandoc\n');
      git('add', '.');
      git('commit', '-qm', 'h1');
      writeFileSync(join(repo, 'plans', 'changshou-2026-h1.yaml'), EDITED);
      const command = `"${process.execPath}" "${join(ROOT, 'bin', 'plandoc.js')}" diff --git-external`;
      const output = execFileSync('git', ['-c', `diff.plandoc.command=${command}`, 'diff'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(output).toContain('修订对照：a/plans/changshou-2026-h1.yaml → b/plans/changshou-2026-h1.yaml');
      expect(output).toContain('“转移就业培训”的完成数由180人次改为195人次');
      expect(output).not.toContain('错误');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('a file of the wrong kind gets one sentence in every command', () => {
  it.each([
    [['status', '通知.md'], '“通知.md”不是进度文件，也不是 YAML 文件'],
    [['status', 'plans/changshou-2026.yaml'], '这是计划文件，不是进度文件'],
    [['rollover', 'plans/h1.yaml'], '这是进度文件，不是计划文件'],
    [['rollover', 'plans/changshou-2026.yaml', '--progress', 'plans/changshou-2026.yaml'], '这是计划文件，不是进度文件'],
    [['diff', '通知.md', 'plans/h1.yaml'], '“通知.md”不是计划文件或进度文件（.yaml）'],
    [['check', '通知.md'], '“通知.md”不是 YAML 文件'],
  ])('%j', (args, sentence) => {
    writeFileSync(join(dir, '通知.md'), '# 通知\n\n各村：\n\n---\n\n请按时报送。\n');
    const result = runCli(args, { cwd: dir });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code).toBe(1);
    expect(output).toContain(sentence);
    // one diagnostic, not the errors the content would cause
    expect((output.match(/错误 \[/g) ?? []).length).toBeLessThanOrEqual(1);
    expect(output).not.toContain('多份 YAML 文档');
    expect(output).not.toContain('不认识的键');
  });
});
