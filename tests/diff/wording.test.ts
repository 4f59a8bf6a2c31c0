// Diff sentences a leader can read (issue 13 item 11): moves said in words, no
// unexplained marks, and a changed target shown at every place that cites it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPlans } from '../../src/diff/index.js';
import { formatDiffText, LEGEND } from '../../src/diff/format.js';
import type { Plan, Section } from '../../src/model/plan.js';

const EXAMPLE = new URL('../../plans/changshou-2026.yaml', import.meta.url);
const example = (): Plan => parse(readFileSync(EXAMPLE, 'utf8')) as Plan;

function find(sections: Section[] | undefined, id: string): Section {
  for (const section of sections ?? []) {
    if (section.id === id) return section;
    const below = section.children ? findOrUndefined(section.children, id) : undefined;
    if (below) return below;
  }
  throw new Error(`no section ${id}`);
}

function findOrUndefined(sections: Section[], id: string): Section | undefined {
  try {
    return find(sections, id);
  } catch {
    return undefined;
  }
}

describe('diff wording', () => {
  it('says where a moved task went by its new parent\'s name and its place there', () => {
    const after = example();
    const from = find(after.sections, 'employment').children!;
    const to = find(after.sections, 'featured-industries').children!;
    to.push(...from.splice(from.findIndex((s) => s.id === 'employment-policies'), 1));
    const [change] = diffPlans(example(), after).changes;
    // featured-industries is titled 壮大特色产业，增强乡村发展动能 and had 4 tasks
    expect(change!.explanation).toBe('原二、（三）3.“落实就业政策”移到“壮大特色产业”之下，现为第5项');
  });

  it('shows a changed target at every place that cites it, not only at its task', () => {
    const after = example();
    const before = example();
    for (const plan of [before, after]) find(plan.sections, 'employment-services').text = '组织专场招聘会，确保完成转移就业培训[[transfer-training]]。';
    after.metrics!.find((m) => m.id === 'transfer-training')!.target = { kind: 'atLeast', value: 400 };
    const changes = diffPlans(before, after).changes;
    expect(changes.map((c) => c.kind)).toEqual(['target', 'reworded']);
    expect(changes[0]!.explanation).toContain('由300人次以上调整为400人次以上');
    expect(changes[1]!.explanation).toBe('二、（三）2. 优化就业服务引用的指标目标随之改变');
    expect(changes[1]!.after).toContain('确保完成转移就业培训400人次以上');
  });

  it('explains its marks and never prints a bare "……" for text it leaves out', () => {
    const after = example();
    const section = find(after.sections, 'employment-scale');
    section.text = String(section.text).replace('精准摸排', '全面精准摸排');
    const text = formatDiffText(diffPlans(example(), after));
    expect(text).toContain(LEGEND);
    expect(text).toContain('【增：全面】');
    expect(text).toContain('（略）');
    expect(text).not.toContain('……');
  });
});
