import { describe, expect, it } from 'vitest';
import { formatNumber, targetPhrase } from '../../src/derive/targets.js';
import type { Metric } from '../../src/model/plan.js';

const phrase = (target: Metric['target'], unit?: string) => targetPhrase({ target, unit });

describe('targetPhrase', () => {
  it('writes atLeast with 以上 by default and the prefix wordings in front', () => {
    expect(phrase({ kind: 'atLeast', value: 300 }, '人次')).toBe('300人次以上');
    expect(phrase({ kind: 'atLeast', value: 65, wording: '不低于' }, '%')).toBe('不低于65%');
    expect(phrase({ kind: 'atLeast', value: 1, wording: '至少' }, '人')).toBe('至少1人');
    expect(phrase({ kind: 'atLeast', value: 90, wording: '达到' }, '%')).toBe('达到90%');
  });

  it('writes atMost as 以下 by default, 不超过 in front, 以内 after', () => {
    expect(phrase({ kind: 'atMost', value: 5 }, '%')).toBe('5%以下');
    expect(phrase({ kind: 'atMost', value: 5, wording: '不超过' }, '%')).toBe('不超过5%');
    expect(phrase({ kind: 'atMost', value: 3, wording: '以内' }, '天')).toBe('3天以内');
  });

  it('writes ranges with one dash, or a tilde, repeating % on both ends', () => {
    expect(phrase({ kind: 'range', min: 2, max: 3 }, '场')).toBe('2—3场');
    expect(phrase({ kind: 'range', min: 2, max: 3, separator: '～' }, '个')).toBe('2～3个');
    expect(phrase({ kind: 'range', min: 15, max: 30, separator: '～' }, '%')).toBe('15%～30%');
  });

  it('writes exact values, growth, last-year comparisons and achievements', () => {
    expect(phrase({ kind: 'exact', value: 100 }, '%')).toBe('100%');
    expect(phrase({ kind: 'growth', rate: 10 }, '%')).toBe('增长10%以上');
    expect(phrase({ kind: 'growth', rate: 10, orMore: false })).toBe('增长10%');
    expect(phrase({ kind: 'vsLastYear', relation: 'notBelow' })).toBe('不低于上年度规模');
    expect(phrase({ kind: 'vsLastYear', relation: 'above' })).toBe('高于上年');
    expect(phrase({ kind: 'vsLastYear', relation: 'above', year: 2021 })).toBe('高于2021年');
    expect(phrase({ kind: 'vsLastYear', relation: 'notBelow', year: 2021 })).toBe('不低于2021年');
    expect(phrase({ kind: 'achieve', statement: '实现“村村通快递”全覆盖' })).toBe('实现“村村通快递”全覆盖');
  });

  it('keeps numbers as typed (GB/T 15835): no ".0", no separators, decimals intact', () => {
    expect(formatNumber(10)).toBe('10');
    expect(formatNumber(107.1564)).toBe('107.1564');
    expect(formatNumber(25000)).toBe('25000');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(phrase({ kind: 'atLeast', value: 1, wording: '以上' }, '万元')).toBe('1万元以上');
  });
});
