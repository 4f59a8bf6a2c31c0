// Plans with tables for the table tests: written to a temporary folder so the
// tests read them the way the command does (positions, diagnostics).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const TABLE_PLAN = `title: 青山镇2027年乡村振兴重点工作计划
year: 2027
issuer: 青山镇
date: 2027-01-10
sections:
  - title: 重点任务
    children:
      - id: tea
        title: 做强茶叶产业
        lead: 镇农业服务中心
        units: [各村]
        deadline: 2027-12-31
        milestones:
          - { date: 2027-06-30, text: 完成新建茶园选址 }
        text: 新建和改造高标准茶园[[tea-area]]。加强品牌建设。
      - id: road
        title: 推进道路建设
        text:
          - 完成通村道路硬化。
          - table:
              caption: 道路建设任务表
              columns: [序号, 村, { title: 里程（公里）, children: [计划, 已完成] }, 备注]
              rows:
                - [1, 青山村, 3.5, 1.2, "**不是粗体**"]
                - [2, 绿水村, 2, "", "茶园面积[[tea-area]]"]
  - title: 保障措施
    children:
      - title: 加强组织领导
        text: 成立工作专班。
metrics:
  - id: tea-area
    name: 新建和改造高标准茶园
    unit: 亩
    target: { kind: atLeast, value: 2000 }
    task: tea
`;

export function writePlan(text: string, name = 'plan.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-tables-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** An example plan of plans/ with its derived tables switched on. */
export function exampleWithTables(name: string, tables: string): string {
  const text = readFileSync(join(ROOT, 'plans', `${name}.yaml`), 'utf8');
  return writePlan(`${text.trimEnd()}\ntables:\n${tables}\n`, `${name}.yaml`);
}
