import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPlans } from '../../src/diff/index.js';
import type { Plan, Section } from '../../src/model/plan.js';

const SOURCE = readFileSync(new URL('../../plans/changshou-2026.yaml', import.meta.url), 'utf8');
const example = (): Plan => parse(SOURCE) as Plan;

/** The example with every section id removed, so matching relies on titles and text. */
function withoutIds(): Plan {
  const plan = example();
  const strip = (sections: Section[]): void => {
    for (const section of sections) {
      delete section.id;
      if (section.children) strip(section.children);
    }
  };
  strip(plan.sections);
  return plan;
}

/** Every sibling list in the plan, in document order. */
function siblingLists(plan: Plan): Section[][] {
  const lists: Section[][] = [];
  const visit = (sections: Section[]): void => {
    lists.push(sections);
    for (const section of sections) if (section.children) visit(section.children);
  };
  visit(plan.sections);
  return lists;
}

describe('diffPlans properties', () => {
  it('reports exactly one addition for one section inserted anywhere, and no other change', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (listPick, positionPick) => {
      const after = example();
      const lists = siblingLists(after);
      const list = lists[listPick % lists.length]!;
      list.splice(positionPick % (list.length + 1), 0, { id: 'inserted-task', title: '新增一项测试任务', text: '这是为测试插入的一项任务，内容与其他各项都不相同。' });
      const diff = diffPlans(example(), after);
      expect(diff.changes.map((c) => c.kind)).toEqual(['added']);
      expect(diff.notes.length).toBeLessThanOrEqual(1);
    }), { numRuns: 40 });
  });

  it('reports exactly one removal for one section removed anywhere', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (listPick, positionPick) => {
      const after = example();
      const lists = siblingLists(after).filter((list) => list.length > 1);
      const list = lists[listPick % lists.length]!;
      const [removed] = list.splice(positionPick % list.length, 1);
      const cited = new Set(JSON.stringify(removed).match(/"id":"[^"]+"/g)?.map((s) => s.slice(6, -1)));
      // metrics of removed tasks go with them
      after.metrics = after.metrics?.filter((m) => !cited.has(m.task));
      const kinds = diffPlans(example(), after).changes.map((c) => c.kind);
      expect(kinds.filter((k) => k === 'removed')).toHaveLength(1);
      expect(kinds.filter((k) => k !== 'removed' && k !== 'metric-removed')).toEqual([]);
    }), { numRuns: 40 });
  });

  it('reports a sibling moved to another place as one move', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), (listPick, fromPick, toPick) => {
      const after = example();
      const { from, to } = moveOneSibling(after, listPick, fromPick, toPick);
      const kinds = diffPlans(example(), after).changes.map((c) => c.kind);
      expect(kinds).toEqual(from === to ? [] : ['moved']);
    }), { numRuns: 40 });
  });

  it('matches by title and text when there are no ids: an insertion and a move', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), (listPick, fromPick, toPick) => {
      const after = withoutIds();
      const { from, to, list } = moveOneSibling(after, listPick, fromPick, toPick);
      list.splice(0, 0, { title: '新增一项测试任务', text: '这是为测试插入的一项任务，内容与其他各项都不相同。' });
      const kinds = diffPlans(withoutIds(), after).changes.map((c) => c.kind).sort();
      expect(kinds).toEqual(from === to ? ['added'] : ['added', 'moved']);
    }), { numRuns: 40 });
  });
});

/** Moves one section within a sibling list of more than two, chosen by the picks. */
function moveOneSibling(plan: Plan, listPick: number, fromPick: number, toPick: number) {
  const lists = siblingLists(plan).filter((list) => list.length > 2);
  const list = lists[listPick % lists.length]!;
  const from = fromPick % list.length;
  const [moved] = list.splice(from, 1);
  const to = toPick % (list.length + 1);
  list.splice(to, 0, moved!);
  return { from, to, list };
}
