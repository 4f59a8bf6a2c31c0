import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPlans } from '../../src/diff/index.js';
import type { Plan, Section } from '../../src/model/plan.js';
import { baseSource, edit, planOf } from './helpers.js';

const EXAMPLE = new URL('../../plans/changshou-2026.yaml', import.meta.url);

function example(): Plan {
  return parse(readFileSync(EXAMPLE, 'utf8')) as Plan;
}

function findSection(sections: Section[] | undefined, id: string): Section {
  for (const section of sections ?? []) {
    if (section.id === id) return section;
    const found = sectionOrUndefined(section.children, id);
    if (found) return found;
  }
  throw new Error(`no section ${id}`);
}

function sectionOrUndefined(sections: Section[] | undefined, id: string): Section | undefined {
  try {
    return findSection(sections, id);
  } catch {
    return undefined;
  }
}

describe('diffPlans on edits of the example plan (changshou-2026)', () => {
  it('finds nothing between a plan and itself', () => {
    const diff = diffPlans(example(), example());
    expect(diff.changes).toEqual([]);
    expect(diff.notes).toEqual([]);
  });

  it('reports a task inserted in the middle once, with one renumbering note', () => {
    const after = example();
    const section = findSection(after.sections, 'prevent-return');
    section.children!.splice(1, 0, {
      id: 'digital-monitoring', title: '推进数字化监测', runIn: true, text: '建立全镇防返贫监测数据看板，做到风险一屏掌握。',
    });
    const diff = diffPlans(example(), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'added', location: '二、（一）2.', subject: '推进数字化监测' });
    expect(diff.changes[0]!.after).toContain('建立全镇防返贫监测数据看板');
    expect(diff.notes).toHaveLength(1);
    expect(diff.notes[0]).toContain('二、（一）筑牢防返贫底线');
    expect(diff.notes[0]).toContain('原2.至4.依次改为3.至5.');
  });

  it('reports a changed target in the words of the document (300→400人次)', () => {
    const after = example();
    const metric = after.metrics!.find((m) => m.id === 'transfer-training')!;
    metric.target = { kind: 'atLeast', value: 400 };
    const diff = diffPlans(example(), after);
    expect(diff.changes).toEqual([expect.objectContaining({
      kind: 'target',
      location: '二、（三）1.',
      before: '转移就业培训：300人次以上',
      after: '转移就业培训：400人次以上',
    })]);
    expect(diff.changes[0]!.explanation).toBe('二、（三）1. 扩大就业规模：指标“转移就业培训”的目标由300人次以上调整为400人次以上');
  });

  it('shows a reworded sentence at character level', () => {
    const after = example();
    const task = findSection(after.sections, 'precise-assistance');
    task.text = (task.text as string).replace('重点通过产业就业帮扶促进增收', '重点通过产业、就业帮扶促进稳定增收');
    const diff = diffPlans(example(), after);
    expect(diff.changes).toHaveLength(1);
    const change = diff.changes[0]!;
    expect(change).toMatchObject({ kind: 'reworded', location: '二、（一）2.' });
    expect(change.edits!.filter((e) => e.op !== 'equal')).toEqual([
      { op: 'insert', text: '、' },
      { op: 'insert', text: '稳定' },
    ]);
    expect(change.edits!.filter((e) => e.op !== 'insert').map((e) => e.text).join('')).toBe(change.before);
    expect(change.edits!.filter((e) => e.op !== 'delete').map((e) => e.text).join('')).toBe(change.after);
  });

  it('reports a section moved before its sibling as one move, not as renumbered content', () => {
    const after = example();
    const tasks = findSection(after.sections, 'key-tasks').children!;
    const governance = tasks.findIndex((s) => s.id === 'rural-governance');
    const [moved] = tasks.splice(governance, 1);
    tasks.splice(1, 0, moved!);
    const diff = diffPlans(example(), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'moved', location: '二、（二）', subject: '强化乡村治理，营造和美氛围' });
    expect(diff.changes[0]!.explanation).toContain('原二、（五）');
    expect(diff.notes).toHaveLength(1);
  });

  it('reports a task moved to another section', () => {
    const after = example();
    const from = findSection(after.sections, 'employment').children!;
    const to = findSection(after.sections, 'featured-industries').children!;
    const index = from.findIndex((s) => s.id === 'employment-policies');
    to.push(...from.splice(index, 1));
    const diff = diffPlans(example(), after);
    expect(diff.changes.map((c) => c.kind)).toEqual(['moved']);
    expect(diff.changes[0]!.location).toBe('二、（二）5.');
    expect(diff.changes[0]!.explanation).toContain('原二、（三）3.');
  });

  it('reports a removed section with the number of items under it', () => {
    const after = example();
    const tasks = findSection(after.sections, 'key-tasks').children!;
    tasks.splice(tasks.findIndex((s) => s.id === 'project-funds'), 1);
    const diff = diffPlans(example(), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'removed', location: '二、（六）' });
    expect(diff.changes[0]!.explanation).toContain('含下级3项');
    expect(diff.notes).toEqual([]);
  });

  it('reports a new section that takes over an existing task as one addition and one move', () => {
    const after = example();
    const tasks = findSection(after.sections, 'key-tasks').children!;
    const employment = findSection(after.sections, 'employment').children!;
    const [policies] = employment.splice(employment.findIndex((s) => s.id === 'employment-policies'), 1);
    tasks.push({ id: 'policy-delivery', title: '抓好政策落实', children: [policies!] });
    const diff = diffPlans(example(), after);
    expect(diff.changes.map((c) => [c.kind, c.location])).toEqual([['added', '二、（七）'], ['moved', '二、（七）1.']]);
    expect(diff.changes[0]!.explanation).toBe('新增二、（七）抓好政策落实');
    expect(diff.changes[0]!.after).toBe('（七）抓好政策落实');
  });

  it('reports furniture changes: date, 文号, issuer', () => {
    const after = example();
    after.date = '2026-02-01';
    after.docNumber = '长府发〔2026〕5号';
    after.issuer = '长寿镇人民政府';
    const diff = diffPlans(example(), after);
    const byField = Object.fromEntries(diff.changes.map((c) => [c.location, c]));
    expect(byField['成文日期']).toMatchObject({ before: '2026年1月14日', after: '2026年2月1日', explanation: '修改成文日期' });
    expect(byField['文号']).toMatchObject({ before: undefined, after: '长府发〔2026〕5号', explanation: '增加文号' });
    expect(byField['署名']).toMatchObject({ before: '长寿镇', after: '长寿镇人民政府' });
    expect(diff.changes).toHaveLength(3);
  });
});

describe('diffPlans matching without ids', () => {
  it('matches an untitled-id task by its title when its text was rewritten', () => {
    const before = baseSource();
    const after = edit(before, '推进农村道路硬化、亮化工程，实现“村村通快递”全覆盖。', '升级改造老旧供水管道，完善村级物流快递站点建设。');
    const diff = diffPlans(planOf(before), planOf(after));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'reworded', location: '二、（三）1.', subject: '完善基础设施' });
  });

  it('matches a section by its text when its title was rewritten', () => {
    const before = baseSource();
    const after = edit(before, 'title: 加强组织领导', 'title: 强化组织保障');
    const diff = diffPlans(planOf(before), planOf(after));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'reworded', location: '三、（一）' });
    expect(diff.changes[0]!.explanation).toContain('标题');
  });

  it('detects two swapped sections without ids as one move', () => {
    const before = baseSource();
    const factors = '      - title: 强化要素保障\n        text: 加大财政投入力度，整合各类涉农资金向乡村振兴重点领域倾斜。\n';
    const supervision = '      - title: 严格督导考核\n        text: 建立健全工作考核评价机制，实行“月督查、季评估、年考核”。\n';
    const after = edit(before, factors + supervision, supervision + factors);
    const diff = diffPlans(planOf(before), planOf(after));
    expect(diff.changes.map((c) => c.kind)).toEqual(['moved']);
    expect(diff.notes).toHaveLength(1);
  });

  it('reports an added and a removed metric', () => {
    const before = baseSource();
    const after = edit(before, `  - id: job-fairs
    name: 专场招聘会
    unit: 场
    target: { kind: range, min: 2, max: 3 }
    task: service
`, `  - id: public-jobs
    name: 公益性岗位
    unit: 个
    target: { kind: atLeast, value: 50 }
    task: service
`);
    const diff = diffPlans(planOf(before), planOf(after));
    expect(diff.changes.map((c) => [c.kind, c.location])).toEqual([
      ['metric-added', '二、（二）2.'],
      ['metric-removed', '二、（二）2.'],
    ]);
    expect(diff.changes[0]!.explanation).toBe('二、（二）2. 优化就业服务：新增指标“公益性岗位”，目标为50个以上');
  });
});
