// render and build show the warnings check shows (compactly), and every command
// gives a rule the same severity (issue 13 item 8).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// four half-width commas inside Chinese: four TX-01 warnings on line 7
const PLAN = 'title: 示例镇2026年工作计划\nyear: 2026\nissuer: 示例镇\ndate: 2026-01-14\nsections:\n  - title: 总体要求\n    text: 深入学习,贯彻精神,推进工作,完成任务,做好工作。\n';
const COLUMNS = [15, 20, 25, 30];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-warnings-'));
  mkdirSync(join(dir, 'plans'));
  writeFileSync(join(dir, 'plans', 'w.yaml'), PLAN);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warningLines = (text: string): string[] => text.split('\n').filter((line) => line.includes('警告 [TX-01]'));

describe('render and build print warnings compactly', () => {
  it('render: the first three with their lines, a count of the rest, and still writes the files', () => {
    const result = runCli(['render', 'plans/w.yaml', '--to', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已生成 out/w.md');
    expect(warningLines(result.stderr)).toEqual(COLUMNS.slice(0, 3).map((column) => `plans/w.yaml:7:${column}: 警告 [TX-01] 中文里用了半角标点“,”，应使用全角“，”`));
    expect(result.stderr).toContain('……还有 1 个警告没有列出（共 4 个）：加 --verbose 全部列出，或运行 plandoc check plans/w.yaml');
  });

  it('render --verbose lists all of them', () => {
    const result = runCli(['render', 'plans/w.yaml', '--to', 'md', '--verbose'], { cwd: dir });
    expect(warningLines(result.stderr)).toHaveLength(4);
    expect(result.stderr).not.toContain('还有');
  });

  it('build prints the same compact list under the file it belongs to', () => {
    const result = runCli(['build', '--to', 'md', '--force', '-j', '1'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(warningLines(result.stderr)).toHaveLength(3);
    expect(result.stderr).toContain('……还有 1 个警告没有列出（共 4 个）');
    const verbose = runCli(['build', '--to', 'md', '--force', '-j', '1', '--verbose'], { cwd: dir });
    expect(warningLines(verbose.stderr)).toHaveLength(4);
  });
});

describe('one severity per rule', () => {
  it('check and lint call the same half-width comma a warning', () => {
    const check = runCli(['check', 'plans/w.yaml'], { cwd: dir });
    const lint = runCli(['lint', 'plans/w.yaml'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(warningLines(check.stdout)).toHaveLength(4);
    expect(warningLines(lint.stderr)).toHaveLength(4);
    expect(`${check.stdout}${lint.stderr}`).not.toContain('错误 [TX-01]');
  });
});
