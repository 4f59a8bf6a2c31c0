// Bad tables get Chinese diagnostics at the line of the row or key, through the real command.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TABLE_PLAN, writePlan } from './fixtures.js';

const check = (text: string) => {
  const result = runCli(['check', writePlan(text)]);
  return { code: result.code, output: result.stdout + result.stderr };
};
const withTable = (table: string) => TABLE_PLAN.replace(/ {10}- table:\n[\s\S]*?(?=  - title: 保障措施)/, table);

describe('check on tables', () => {
  it('accepts the sample plan', () => {
    const result = check(TABLE_PLAN);
    expect(result.output).not.toMatch(/错误/);
    expect(result.code).toBe(0);
  });

  it('names a ragged row with its line and column and how many cells are missing', () => {
    const result = check(TABLE_PLAN.replace('- [2, 绿水村, 2, "", "茶园面积[[tea-area]]"]', '- [2, 绿水村, 2]'));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/plan\.yaml:25:19: 错误 \[table-ragged-row\] 表格第 2 行有 3 格，表头有 5 列，少了 2 格/);
    expect(result.output).not.toMatch(/at |Error/);
  });

  it('points at an unknown metric cited in a cell', () => {
    const result = check(TABLE_PLAN.replace('茶园面积[[tea-area]]', '茶园面积[[tea-aera]]'));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/plan\.yaml:25:40: 错误 \[unknown-citation\] 引用“\[\[tea-aera\]\]”找不到[\s\S]*是不是想写“\[\[tea-area\]\]”/);
  });

  it('refuses 200 columns and 10,000 rows with the limit in words', () => {
    const columns = Array.from({ length: 200 }, (_, i) => `列${i + 1}`).join(', ');
    const wide = check(withTable(`          - table:\n              columns: [${columns}]\n              rows: []\n`));
    expect(wide.code).toBe(1);
    expect(wide.output).toMatch(/错误 \[table-too-wide\] 表格有 200 列，A4 纸横排也放不下（最多 20 列）/);
    const rows = Array.from({ length: 10_000 }, (_, i) => `                - [${i}, 村]`).join('\n');
    const long = check(withTable(`          - table:\n              columns: [序号, 村]\n              rows:\n${rows}\n`));
    expect(long.code).toBe(1);
    expect(long.output).toMatch(/错误 \[table-too-long\] 表格有 10000 行，超过了 2000 行的上限/);
  });

  it('warns about an empty table and explains a table without columns', () => {
    const empty = check(withTable('          - table:\n              columns: [序号, 村]\n              rows: []\n'));
    expect(empty.code).toBe(0);
    expect(empty.output).toMatch(/警告 \[table-empty\] 表格没有任何一行/);
    const noColumns = check(withTable('          - table:\n              rows: [[1]]\n'));
    expect(noColumns.code).toBe(1);
    expect(noColumns.output).toMatch(/plan\.yaml:21:15: 错误 \[missing-key\] 表格（table）缺少列（columns）/);
  });

  it('warns, when asked to, about listed tasks without a lead or deadline', () => {
    const result = check(`${TABLE_PLAN}tables:\n  tasks: { checkAssignments: true }\n`);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/plan\.yaml:17:16: 警告 \[task-unassigned\] 任务“一、（二）推进道路建设”没有写牵头单位（lead）和完成时限（deadline）/);
    expect(result.output).not.toMatch(/做强茶叶产业”没有写/);
    expect(check(TABLE_PLAN).output).not.toMatch(/task-unassigned/);
  });
});
