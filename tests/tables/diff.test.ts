// Diff reads tables cell by cell and task assignments in words.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPlans } from '../../src/diff/index.js';
import type { Plan } from '../../src/model/plan.js';
import { runCli } from '../helpers/cli.js';
import { TABLE_PLAN, writePlan } from './fixtures.js';

const explain = (before: string, after: string) => diffPlans(parse(before) as Plan, parse(after) as Plan).changes.map((c) => c.explanation);

describe('diff of tables and assignments', () => {
  it('names a changed cell by its row and column', () => {
    const after = TABLE_PLAN.replace('- [1, 青山村, 3.5, 1.2,', '- [1, 青山村, 3.5, 1.5,');
    expect(explain(TABLE_PLAN, after)).toEqual(['表格“道路建设任务表”中“青山村”一行的“里程（公里）/已完成”由1.2改为1.5']);
  });

  it('reports added and removed rows, not a reworded paragraph', () => {
    const after = TABLE_PLAN.replace(/ {16}- \[2, 绿水村.*\n/, '                - [2, 红岩村, 1, "", ""]\n');
    expect(explain(TABLE_PLAN, after)).toEqual(['表格“道路建设任务表”新增“红岩村”一行', '表格“道路建设任务表”删除“绿水村”一行']);
  });

  it('says who now leads a task, in words', () => {
    const after = TABLE_PLAN.replace('lead: 镇农业服务中心', 'lead: 镇经济发展办').replace('        units: [各村]\n', '');
    expect(explain(TABLE_PLAN, after)).toEqual([
      '“做强茶叶产业”的牵头单位由镇农业服务中心改为镇经济发展办',
      '删除“做强茶叶产业”的责任单位（原为各村）',
    ]);
  });

  it('prints the cell change in the terminal 修订对照', () => {
    const before = writePlan(TABLE_PLAN);
    const after = writePlan(TABLE_PLAN.replace('- [1, 青山村, 3.5, 1.2,', '- [1, 青山村, 4, 1.2,'));
    const result = runCli(['diff', before, after]);
    expect(result.stdout + result.stderr).toContain('“青山村”一行的“里程（公里）/计划”由3.5改为4');
  });
});
