import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import type { Progress } from '../../src/model/progress.js';
import { buildContext } from '../../src/summary/context.js';
import { citationProblem, resolveCitations, yoyText } from '../../src/summary/cite.js';

const plan: Plan = {
  title: '示例镇2026年工作计划',
  year: 2026,
  basis: [{ id: 'doc', title: '关于做好有关工作的通知', number: '资农领办〔2022〕11号' }],
  sections: [{ id: 'jobs', title: '就业帮扶' }],
  metrics: [
    { id: 'training', name: '转移就业培训', unit: '人次', target: { kind: 'atLeast', value: 300 }, task: 'jobs', cumulative: true },
    { id: 'funds', name: '衔接资金', unit: '万元', target: { kind: 'atLeast', value: 100 }, task: 'jobs' },
  ],
};

const progress: Progress = {
  plan: 'plan.yaml',
  period: { kind: 'half', year: 2026, half: 1 },
  values: [
    { metric: 'training', value: 120, date: '2026-05-31' },
    { metric: 'training', value: 180, date: '2026-06-30', lastYear: 200 },
    { metric: 'funds', value: 107.1564, date: '2026-06-30' },
  ],
  items: { two: ['甲项目', '乙项目'], three: ['甲', '乙', '丙'] },
};

const context = buildContext(progress, plan);
const cite = (text: string) => resolveCitations(text, context);

describe('citations in summary text', () => {
  it('fills target, value, rate and the other fields from the latest value', () => {
    expect(cite('目标[[training]]，完成[[training.value]]（[[training.number]]），完成率[[training.rate]]')).toBe('目标300人次以上，完成180人次（180），完成率60.0%');
    expect(cite('上年同期[[training.lastYear]]，同比[[training.yoy]]，[[training.status]]，截至[[training.date]]')).toBe('上年同期200人次，同比下降10.0%，序时推进，截至2026年6月30日');
    expect(cite('[[funds.value]]，[[funds.name]]')).toBe('107.1564万元，衔接资金');
    expect(cite('根据[[doc]]')).toBe('根据《关于做好有关工作的通知》（资农领办〔2022〕11号）');
  });

  it('joins items with 和 for two and 、 for more, and counts them', () => {
    expect(cite('[[items.two.count]]个：[[items.two]]；[[items.three]]')).toBe('2个：甲项目和乙项目；甲、乙、丙');
  });

  it('keeps an escaped \\[[ and explains every unresolvable reference', () => {
    expect(cite('\\[[training]]')).toBe('[[training]]');
    expect(citationProblem('nothing.value', context)).toContain('没有 id 为 “nothing” 的指标');
    expect(citationProblem('training.valeu', context)).toContain('写法不对');
    expect(citationProblem('funds.yoy', context)).toContain('上年同期数');
    expect(citationProblem('items.none', context)).toContain('清单');
    expect(citationProblem('training.value', buildContext({ ...progress, values: [] }, plan))).toContain('还没有完成数据');
  });

  it('words 同比 as growth, decline or 持平', () => {
    expect(yoyText(0.125)).toBe('增长12.5%');
    expect(yoyText(-0.03)).toBe('下降3.0%');
    expect(yoyText(0.0001)).toBe('持平');
  });
});
