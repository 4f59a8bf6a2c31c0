import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  completion,
  dayOfYear,
  evaluateMetric,
  formatNumber,
  formatPoints,
  formatQuantity,
  formatRate,
  growthRate,
  metricStatus,
  parseIsoDate,
  periodRange,
  timeSequenceExpectation,
  yuanToWan,
} from '../../src/derive/progress.js';

describe('completion per target kind', () => {
  it('atLeast: value over target, met from the target up', () => {
    expect(completion({ kind: 'atLeast', value: 300 }, 180)).toEqual({ rate: 0.6, met: false });
    expect(completion({ kind: 'atLeast', value: 300 }, 300)).toEqual({ rate: 1, met: true });
    expect(completion({ kind: 'atLeast', value: 10 }, 12)).toEqual({ rate: 1.2, met: true });
  });

  it('exact: met only at the value', () => {
    expect(completion({ kind: 'exact', value: 100 }, 98)).toEqual({ rate: 0.98, met: false });
    expect(completion({ kind: 'exact', value: 100 }, 100)).toEqual({ rate: 1, met: true });
  });

  it('atMost: under the ceiling is 100%, over it scores ceiling/value', () => {
    expect(completion({ kind: 'atMost', value: 5 }, 3)).toEqual({ rate: 1, met: true });
    expect(completion({ kind: 'atMost', value: 5 }, 5)).toEqual({ rate: 1, met: true });
    expect(completion({ kind: 'atMost', value: 5 }, 10)).toEqual({ rate: 0.5, met: false });
    expect(completion({ kind: 'atMost', value: 0 }, 0)).toEqual({ rate: 1, met: true });
  });

  it('range: rate against the minimum, met inside the range', () => {
    expect(completion({ kind: 'range', min: 2, max: 3 }, 1)).toEqual({ rate: 0.5, met: false, exceeded: false });
    expect(completion({ kind: 'range', min: 2, max: 3 }, 3)).toEqual({ rate: 1.5, met: true, exceeded: false });
    expect(completion({ kind: 'range', min: 2, max: 3 }, 4)).toEqual({ rate: 2, met: false, exceeded: true });
  });

  it('growth: a growth rate against the growth target, never a completion rate', () => {
    const target = { kind: 'growth', rate: 10 } as const;
    const half = completion(target, 105, { baseline: 100 });
    expect(half.rate).toBeUndefined();
    expect(half.growth).toBeCloseTo(5, 10);
    expect(half.met).toBe(false);
    expect(completion(target, 112, { lastYear: 100 }).met).toBe(true);
    expect(completion(target, 112, { lastYear: 100 }).exceeded).toBe(true);
    expect(completion(target, 112, {})).toEqual({ met: false });
    // a growth metric counted in % records the growth itself: 9.7% against 10% is not met, whatever the level
    expect(completion(target, 9.7, { valueIsGrowth: true })).toMatchObject({ met: false, growth: 9.7 });
    expect(completion(target, 10, { valueIsGrowth: true })).toMatchObject({ met: true, growth: 10 });
  });

  it('ceilings and exact levels are not complete before the year is over', () => {
    const ceiling = { id: 'accidents', name: '安全生产事故起数', unit: '起', target: { kind: 'atMost', value: 2 } } as const;
    expect(evaluateMetric(ceiling, { value: 0, date: '2026-06-30' }, 2026, '2026-06-30').status).toBe('控制在目标内');
    expect(evaluateMetric(ceiling, { value: 3, date: '2026-06-30' }, 2026, '2026-06-30').status).toBe('滞后');
    expect(evaluateMetric(ceiling, { value: 0, date: '2026-12-31' }, 2026, '2026-12-31').status).toBe('已完成');
    const level = { id: 'insured', name: '参保率', unit: '%', target: { kind: 'exact', value: 100 } } as const;
    expect(evaluateMetric(level, { value: 100, date: '2026-03-31' }, 2026, '2026-06-30').status).toBe('序时推进');
    expect(evaluateMetric(level, { value: 100, date: '2026-12-31' }, 2026, '2026-12-31').status).toBe('已完成');
    // an exact count that accumulates is complete as soon as the data reaches it
    const count = { id: 'sites', name: '新建站点', unit: '个', target: { kind: 'exact', value: 5 }, cumulative: true } as const;
    expect(evaluateMetric(count, { value: 5, date: '2026-06-30' }, 2026, '2026-06-30').status).toBe('已完成');
    // an achieve target is complete only on true
    const achieve = { id: 'cover', name: '覆盖', target: { kind: 'achieve', statement: '全覆盖' } } as const;
    expect(evaluateMetric(achieve, { value: 1, date: '2026-06-30' }, 2026, '2026-06-30').status).toBe('滞后');
    expect(evaluateMetric(achieve, { value: true, date: '2026-06-30' }, 2026, '2026-06-30').status).toBe('已完成');
  });

  it('vsLastYear: notBelow accepts equal, above does not', () => {
    expect(completion({ kind: 'vsLastYear', relation: 'notBelow' }, 87, { lastYear: 87 })).toEqual({ rate: 1, met: true });
    expect(completion({ kind: 'vsLastYear', relation: 'above' }, 87, { lastYear: 87 }).met).toBe(false);
    expect(completion({ kind: 'vsLastYear', relation: 'notBelow' }, 80, { lastYear: 100 })).toEqual({ rate: 0.8, met: false });
    expect(completion({ kind: 'vsLastYear', relation: 'notBelow' }, 80)).toEqual({ met: false });
  });

  it('achieve: yes is 100%, no is 0%', () => {
    const target = { kind: 'achieve', statement: '实现“村村通快递”全覆盖' } as const;
    expect(completion(target, true)).toEqual({ rate: 1, met: true });
    expect(completion(target, false)).toEqual({ rate: 0, met: false });
  });

  it('atLeast rate is monotonic in the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (target, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const t = { kind: 'atLeast', value: target } as const;
        return completion(t, lo).rate! <= completion(t, hi).rate!;
      }),
    );
  });
});

describe('time-sequence expectation (序时进度)', () => {
  it('30 June is day 181 of 365: 49.6%', () => {
    expect(dayOfYear('2025-06-30')).toBe(181);
    expect(formatRate(timeSequenceExpectation('2025-06-30', 2025))).toBe('49.6%');
  });

  it('leap years count 29 February and 366 days', () => {
    expect(dayOfYear('2024-06-30')).toBe(182);
    expect(timeSequenceExpectation('2024-06-30', 2024)).toBeCloseTo(182 / 366, 12);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(timeSequenceExpectation('2100-12-31', 2100)).toBe(1);
  });

  it('clamps outside the plan year and ends at 100% on 31 December', () => {
    expect(timeSequenceExpectation('2025-12-31', 2026)).toBe(0);
    expect(timeSequenceExpectation('2027-01-05', 2026)).toBe(1);
    expect(timeSequenceExpectation('2026-12-31', 2026)).toBe(1);
  });

  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => dayOfYear('2026-13-01')).toThrow(RangeError);
  });

  it('period ranges', () => {
    expect(periodRange({ kind: 'half', year: 2026, half: 1 })).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodRange({ kind: 'half', year: 2026, half: 2 })).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodRange({ kind: 'month', year: 2024, month: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange({ kind: 'asOf', year: 2026, asOf: '2026-09-15' })).toEqual({ start: '2026-01-01', end: '2026-09-15' });
  });
});

describe('status per metric', () => {
  it('未报送 without a value', () => {
    expect(metricStatus({})).toBe('未报送');
  });

  it('超额完成 above 100%, 已完成 at 100% or when met', () => {
    expect(metricStatus({ completion: { rate: 1.2, met: true } })).toBe('超额完成');
    expect(metricStatus({ completion: { rate: 1, met: true } })).toBe('已完成');
    expect(metricStatus({ completion: { rate: 1, met: true }, cumulative: true, expected: 0.5 })).toBe('已完成');
  });

  it('a range is 已完成 inside it and 超额完成 only above its maximum', () => {
    const target = { kind: 'range', min: 2, max: 3 } as const;
    expect(metricStatus({ completion: completion(target, 3) })).toBe('已完成');
    expect(metricStatus({ completion: completion(target, 4) })).toBe('超额完成');
    expect(metricStatus({ completion: completion(target, 1), cumulative: true, expected: 0.4 })).toBe('序时推进');
  });

  it('a cumulative metric on or above 序时进度 is 序时推进, below is 滞后', () => {
    const expected = timeSequenceExpectation('2026-06-30', 2026);
    expect(metricStatus({ completion: { rate: 0.6, met: false }, cumulative: true, expected })).toBe('序时推进');
    expect(metricStatus({ completion: { rate: expected, met: false }, cumulative: true, expected })).toBe('序时推进');
    expect(metricStatus({ completion: { rate: 0.4, met: false }, cumulative: true, expected })).toBe('滞后');
  });

  it('an unmet non-cumulative metric is 滞后', () => {
    expect(metricStatus({ completion: { rate: 0.95, met: false } })).toBe('滞后');
  });

  it('evaluateMetric combines completion, expectation and 同比', () => {
    const metric = { id: 'training', name: '转移就业培训', unit: '人次', cumulative: true, target: { kind: 'atLeast', value: 300 } as const };
    const result = evaluateMetric(metric, { value: 180, date: '2026-06-30', lastYear: 150 }, 2026);
    expect(result.rate).toBeCloseTo(0.6, 12);
    expect(result.status).toBe('序时推进');
    expect(result.yoy).toBeCloseTo(0.2, 12);
    expect(evaluateMetric(metric, { value: 100, date: '2026-06-30' }, 2026).status).toBe('滞后');
    expect(evaluateMetric(metric, undefined, 2026).status).toBe('未报送');
    expect(evaluateMetric({ id: 'fact', name: '监测对象户数', unit: '户' }, { value: 23, date: '2025-06-30' }, 2025).status).toBeUndefined();
  });
});

describe('同比', () => {
  it('growth against last year, undefined without a base', () => {
    expect(growthRate(112, 100)).toBeCloseTo(0.12, 12);
    expect(growthRate(80, 100)).toBeCloseTo(-0.2, 12);
    expect(growthRate(80, 0)).toBeUndefined();
    expect(growthRate(80, undefined)).toBeUndefined();
  });
});

describe('number formatting (GB/T 15835)', () => {
  it('rates to one decimal', () => {
    expect(formatRate(0.6)).toBe('60.0%');
    expect(formatRate(181 / 365)).toBe('49.6%');
    expect(formatRate(1.0005)).toBe('100.1%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatPoints(0.6 - 181 / 365)).toBe('10.4个百分点');
  });

  it('integers without decimals and no thousands separators', () => {
    expect(formatNumber(1862)).toBe('1862');
    expect(formatNumber(173750)).toBe('173750');
    expect(formatNumber(12345678)).toBe('12345678');
    expect(formatNumber(180.0)).toBe('180');
  });

  it('money in 万元 keeps the digits down to the 元', () => {
    expect(formatQuantity(107.1564, '万元')).toBe('107.1564万元');
    expect(formatQuantity(54.3, '万元')).toBe('54.3万元');
    expect(formatQuantity(yuanToWan(173750), '万元')).toBe('17.375万元');
    expect(formatQuantity(180, '人次')).toBe('180人次');
    expect(formatQuantity(0.1 + 0.2, '万元')).toBe('0.3万元');
  });
});
