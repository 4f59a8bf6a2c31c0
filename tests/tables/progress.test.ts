// A quarterly report that is only a table: a progress file's body holds the
// table, its cells cite tracked values, and bad rows are reported at their line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { writePlan } from './fixtures.js';

const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/quarterly-table.yaml'), 'utf8');

describe('tables in progress files', () => {
  it('renders the table with the tracked values written in', () => {
    const file = writePlan(FIXTURE, 'q.yaml');
    const out = join(file, '..', 'out');
    expect(runCli(['render', file, '-o', out, '--to', 'md']).code).toBe(0);
    const md = readFileSync(join(out, 'q.md'), 'utf8');
    expect(md).toContain('**2027年第一季度重点工作推进情况表**\n\n| 序号 | 重点工作 | 责任领导 | 责任科室 | 目标任务 | 完成情况 |');
    expect(md).toContain('| 1 | 做强茶叶产业 | 王副镇长 | 农业服务中心 | 新建和改造高标准茶园2000亩 | 已完成620亩 |');
    expect(md).toContain('| 2 | 农村户厕改造 | 李副镇长 | 村镇建设办 | 完成户厕改造500户 | 已完成185户 |');
  });

  it('reports a ragged row and an unknown value citation in a cell at their line and column', () => {
    const bad = FIXTURE.replace('[2, 农村户厕改造, 李副镇长, 村镇建设办, ', '[2, 农村户厕改造, 李副镇长, ').replace('tea-area.value', 'tea-aera.value');
    const result = runCli(['check', writePlan(bad, 'q.yaml')]);
    const output = result.stdout + result.stderr;
    expect(result.code).toBe(1);
    expect(output).toMatch(/q\.yaml:23:62: 错误 \[unknown-citation\] 引用 \[\[tea-aera\.value\]\] 无法填写/);
    expect(output).toMatch(/q\.yaml:24:15: 错误 \[table-ragged-row\] 表格第 2 行有 5 格，表头有 6 列，少了 1 格/);
  });
});
