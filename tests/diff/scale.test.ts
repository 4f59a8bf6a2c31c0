// 4,000 sections without ids (issue 19 item 15): the matching compares each
// section with a bounded number of others, so diff stays linear in plan size.
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/index.js';
import { MAX_COMPARED_PER_SECTION, matchOutlines, type MatchStats } from '../../src/diff/match.js';
import { buildOutline } from '../../src/diff/outline.js';
import type { Plan, Section } from '../../src/model/plan.js';

const WORDS = ['推进', '落实', '加强', '完善', '健全', '提升', '巩固', '拓展', '优化', '深化'];

/** `count` sections in groups of 20, each title and text different */
function bigPlan(count: number, reworded = -1): Plan {
  const groups: Section[] = [];
  for (let g = 0; g < count / 20; g++) {
    const children: Section[] = [];
    for (let i = 0; i < 20; i++) {
      const n = g * 20 + i;
      const word = WORDS[n % WORDS.length]!;
      children.push({ title: `${word}第${n}项工作`, text: `${word}第${n}项任务${n === reworded ? '，确保按期完成' : ''}，由第${n % 7}组负责。` });
    }
    groups.push({ title: `第${g}组任务`, children });
  }
  return { title: '大计划', year: 2026, issuer: '示例镇', sections: groups } as Plan;
}

describe('diff of plans with thousands of sections and no ids', () => {
  it('compares each section with a bounded number of others', () => {
    const before = bigPlan(4000);
    // every title changed: nothing pairs up by identical text, the worst case
    const after = bigPlan(4000);
    after.sections!.forEach((group) => group.children!.forEach((section) => (section.title = `${section.title}（调整）`)));
    const stats: MatchStats = { comparisons: 0 };
    const match = matchOutlines(buildOutline(before), buildOutline(after), stats);
    const nodes = buildOutline(before).length;
    // two passes (titles, then texts), each at most MAX_COMPARED_PER_SECTION per section
    expect(stats.comparisons).toBeLessThanOrEqual(2 * nodes * MAX_COMPARED_PER_SECTION);
    expect(stats.comparisons).toBeLessThan(nodes * nodes / 10);
    // and it still pairs every section with its counterpart
    expect(match.forward.size).toBe(nodes);
  });

  it('finds the one reworded section among 4,000', () => {
    const diff = diffPlans(bigPlan(4000), bigPlan(4000, 1234));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.kind).toBe('reworded');
    expect(diff.changes[0]!.subject).toBe('优化第1234项工作'.replace('优化', WORDS[1234 % WORDS.length]!));
  });
});
