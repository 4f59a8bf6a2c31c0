import { describe, expect, it } from 'vitest';
import { chineseNumeral, headingNumber, numberSections } from '../../src/derive/numbering.js';
import type { Section } from '../../src/model/plan.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
    [40, '四十'], [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it('spells every number from 1 to 99 uniquely with tens before units', () => {
    const spelled = Array.from({ length: 99 }, (_, i) => chineseNumeral(i + 1));
    expect(new Set(spelled).size).toBe(99);
    expect(spelled.every((s) => /^[一二三四五六七八九十]+$/.test(s))).toBe(true);
  });

  it('refuses numbers it cannot spell', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('headingNumber (PL-06)', () => {
  it('uses 顿号 for level 1, full-width parentheses for 2 and 4, an ASCII full stop for 3', () => {
    expect(headingNumber(1, 11)).toBe('十一、');
    expect(headingNumber(1, 20)).toBe('二十、');
    expect(headingNumber(1, 99)).toBe('九十九、');
    expect(headingNumber(2, 11)).toBe('（十一）');
    expect(headingNumber(3, 12)).toBe('12.');
    expect(headingNumber(4, 3)).toBe('（3）');
  });
});

function tree(): Section[] {
  const leaf = (title: string): Section => ({ title });
  return [
    { title: 'A', children: [{ title: 'A1', children: [leaf('a'), leaf('b')] }, { title: 'A2', children: [leaf('c')] }] },
    { title: 'B', children: [{ title: 'B1', children: [leaf('d'), { title: 'e', children: [leaf('x'), leaf('y')] }] }] },
  ];
}

function numbers(sections: ReturnType<typeof numberSections>): string[] {
  return sections.flatMap((node) => [`${node.number}${node.section.title}`, ...numbers(node.children)]);
}

describe('numberSections', () => {
  it('restarts level 3 under every level-2 node by default (000 style)', () => {
    expect(numbers(numberSections(tree()))).toEqual([
      '一、A', '（一）A1', '1.a', '2.b', '（二）A2', '1.c',
      '二、B', '（一）B1', '1.d', '2.e', '（1）x', '（2）y',
    ]);
  });

  it('continues level 3 through a level-1 section and restarts at the next one (004 style)', () => {
    expect(numbers(numberSections(tree(), { level3: 'continue' }))).toEqual([
      '一、A', '（一）A1', '1.a', '2.b', '（二）A2', '3.c',
      '二、B', '（一）B1', '1.d', '2.e', '（1）x', '（2）y',
    ]);
  });

  it('records the data path of every node for diagnostics', () => {
    const [first] = numberSections(tree());
    expect(first!.children[1]!.children[0]!.path).toEqual(['sections', 0, 'children', 1, 'children', 0]);
  });
});
