// `plandoc lint` as a user runs it: exit codes, Chinese findings with file:line:col,
// --fix writing in place and reporting each change.
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;

const PLAN = `# 注释
title: 长寿镇2026年工作计划
year: 2026
sections:
  - title: 总体要求
    text: 以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神。 # 保留
  - title: 工作目标
    text: 全面完成年度改厕目标任务，。坚持政府引导。
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-lint-'));
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('plandoc lint', () => {
  it('reports findings with file:line:col, the hint, the line and a caret, and exits 1 while any remains', () => {
    const file = write('plan.yaml', PLAN);
    const result = runCli(['lint', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:6:31: 警告 [TX-01] 中文里用了半角标点“,”，应使用全角“，”`);
    expect(result.stderr).toContain('提示：改为“，”（plandoc lint --fix 可自动修改）。');
    expect(result.stderr).toContain(`${file}:8:23: 警告 [TX-05] 标点重复“，。”`);
    expect(result.stderr).toContain('共 2 个警告。');
    expect(result.stderr).toMatch(/ 8 \| {5}text: 全面完成年度改厕目标任务，。坚持政府引导。\n {4}\| {35}\^\n/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 1 while a finding remains and 0 once --fix has fixed them all', () => {
    const file = write('warn.yaml', 'title: 计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 深度挖掘 “乡愁元素”。\n');
    const result = runCli(['lint', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('警告 [TX-04]');
    expect(runCli(['lint', '--fix', file]).code).toBe(0);
    expect(runCli(['lint', file]).code).toBe(0);
  });

  it('exits 0 and says so for a clean file', () => {
    const file = write('clean.md', '# 长寿镇2026年工作计划\n\n## 一、总体要求\n\n坚持稳中求进。\n');
    const result = runCli(['lint', file]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain('没有发现文字规范问题。');
  });

  it('reports a missing file as an input error', () => {
    const result = runCli(['lint', join(dir, 'nope.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到文件');
  });

  it('says a YAML file with a syntax error cannot be linted, instead of calling it clean', () => {
    const file = write('broken.yaml', 'title: 计划\nsections: [\n');
    const result = runCli(['lint', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('错误 [yaml-syntax] YAML 语法有错误，没法检查文字规范');
    expect(result.stderr).not.toContain('没有发现文字规范问题');
  });

  it('requires at least one file (wrong usage, exit 2)', () => {
    expect(runCli(['lint']).code).toBe(2);
  });

  it('--fix applies the safe fixes in place, keeps comments, reports changes, and leaves the unsafe ones', () => {
    const file = write('fix.yaml', PLAN);
    const result = runCli(['lint', '--fix', file]);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(PLAN.replace('指导,深入', '指导，深入'));
    expect(result.stderr).toContain(`${file}:6:31: 已改正 [TX-01] “,” → “，”`);
    expect(result.stderr).toContain('[TX-05] 标点重复“，。”');
    expect(result.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = runCli(['lint', '--fix', file]);
    expect(again.stderr).not.toContain('已改正');
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('--fix keeps a UTF-8 byte-order mark and CRLF line ends', () => {
    const file = write('bom.yaml', `\uFEFF${PLAN.replace(/\n/g, '\r\n')}`);
    runCli(['lint', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${PLAN.replace('指导,深入', '指导，深入').replace(/\n/g, '\r\n')}`);
  });

  it('--fix leaves a file untouched when there is nothing safe to fix', () => {
    const text = 'title: 计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 全面完成任务，。\n';
    const file = write('nofix.yaml', text);
    runCli(['lint', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
