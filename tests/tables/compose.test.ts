// Table blocks and derived tables as the Markdown writer prints them (GFM).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composePlanMarkdown } from '../../src/compose/index.js';
import type { Plan } from '../../src/model/plan.js';
import { listedTasks } from '../../src/tables/derive.js';
import { exampleWithTables, TABLE_PLAN } from './fixtures.js';

const markdown = (plan: Plan) => composePlanMarkdown(plan).markdown;

describe('table blocks in the Markdown output', () => {
  const md = markdown(parse(TABLE_PLAN) as Plan);

  it('prints the caption as a bold line right above a GFM table, 序号 centred and numbers right-aligned', () => {
    expect(md).toContain('完成通村道路硬化。\n\n**道路建设任务表**\n\n| 序号 | 村 | 里程（公里） | 里程（公里） | 备注 |\n| :-: | - | -: | -: | - |\n');
  });

  it('spells a two-level header as two rows, a merged cell repeating its text', () => {
    expect(md).toContain('| 序号 | 村 | 计划 | 已完成 | 备注 |\n| 1 | 青山村 | 3.5 | 1.2 |');
  });

  it('expands citations in cells and keeps Markdown typed in a cell as text', () => {
    expect(md).toContain('| 茶园面积2000亩以上 |');
    expect(md).toContain('\\*\\*不是粗体\\*\\*');
  });
});

describe('derived tables', () => {
  it('lists the 责任分工表 tasks at the level the plan assigns work, with gaps visible', () => {
    const plan = parse(TABLE_PLAN) as Plan;
    const tasks = listedTasks(plan).map((task) => task.numberPath + (task.node.section.title ?? ''));
    // 保障措施 assigns nothing, so its tasks are not listed; the unassigned 推进道路建设 is
    expect(tasks).toEqual(['一、（一）做强茶叶产业', '一、（二）推进道路建设']);
    const md = markdown({ ...plan, tables: { tasks: { content: true } } });
    expect(md).toMatch(/attachments:\n {2}- title: 重点任务责任分工表\n/);
    expect(md).toContain('| 序号 | 重点任务 | 主要内容 | 牵头单位 | 责任单位 | 完成时限 | 节点安排 |');
    expect(md).toContain('| 1 | （一）做强茶叶产业 | 新建和改造高标准茶园2000亩以上。 | 镇农业服务中心 | 各村 | 2027年12月31日 | 2027年6月30日：完成新建茶园选址 |');
    expect(md).toContain('| 2 | （二）推进道路建设 | 完成通村道路硬化。 | | | | |');
  });

  it('builds the 主要指标表 from the metrics, with the task and its units', () => {
    const md = markdown({ ...(parse(TABLE_PLAN) as Plan), tables: { metrics: true } });
    expect(md).toContain('| 1 | 新建和改造高标准茶园 | 亩 | 2000亩以上 | 镇农业服务中心、各村 | 一、（一）做强茶叶产业 |');
  });

  it('numbers the attachments after the writer’s own, and lists them in 附件说明', () => {
    const plan = { ...(parse(TABLE_PLAN) as Plan), attachments: [{ title: '项目清单' }], tables: { tasks: true, metrics: { title: '2027年主要指标' } } };
    const md = markdown(plan);
    expect(md).toMatch(/attachments:\n {2}- title: 项目清单\n {2}- title: 重点任务责任分工表\n {2}- title: 2027年主要指标\n/);
    expect(md).toContain('附件2\n\n# 重点任务责任分工表');
    expect(md).toContain('附件3\n\n# 2027年主要指标');
  });

  for (const name of ['changshou-2026', 'songtao-2022']) {
    it(`${name}: every task of the text appears in the 责任分工表, numbered as in the text`, () => {
      const plan = parse(readFileSync(exampleWithTables(name, '  tasks: true'), 'utf8')) as Plan;
      const md = markdown(plan);
      const table = md.slice(md.indexOf('# 重点任务责任分工表'));
      const listed = listedTasks(plan);
      expect(listed.length).toBeGreaterThanOrEqual(5);
      for (const task of listed) expect(table).toContain(`| ${task.node.number}${task.node.section.title ?? ''}`);
      // the text prints the same numbers
      for (const task of listed) if (task.node.section.title) expect(md).toContain(`${task.node.number}${task.node.section.title}`);
    });
  }
});
