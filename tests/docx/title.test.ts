import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakTitle, isHourglass } from '../../src/docx/title.js';
import { textWidth } from '../../src/docx/width.js';

describe('PL-01 title line breaking', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('关于做好春节期间安全生产工作的通知')).toEqual(['关于做好春节期间安全生产工作的通知']);
  });
  it('PL-01 changshou 2026: two lines at a natural boundary, no word split', () => {
    expect(breakTitle('长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划')).toEqual([
      '长寿镇2026年巩固拓展脱贫攻坚成果',
      '同乡村振兴有效衔接年初工作计划',
    ]);
  });
  it('PL-01 songtao 2022: "年度" is not split', () => {
    expect(breakTitle('松涛镇2022年度巩固脱贫攻坚成果同乡村振兴有效衔接工作方案')).toEqual([
      '松涛镇2022年度巩固脱贫攻坚成果',
      '同乡村振兴有效衔接工作方案',
    ]);
  });
  it('PL-01 pailou 2025: three lines in a trapezoid, not an hourglass', () => {
    const lines = breakTitle('牌楼镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2025年上半年乡村振兴工作总结及2025年下半年工作计划');
    expect(lines).toHaveLength(3);
    expect(isHourglass(lines.map(textWidth))).toBe(false);
    expect(lines.join('')).toBe('牌楼镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2025年上半年乡村振兴工作总结及2025年下半年工作计划');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
    // numbers and fixed words stay whole
    expect(lines.some((l) => /\d$/.test(l))).toBe(false);
  });
  it('a long title never leaves a lone stub line', () => {
    const lines = breakTitle('关于进一步加强和改进全镇农村人居环境整治提升行动的实施方案');
    expect(lines).toHaveLength(2);
    expect(Math.min(...lines.map(textWidth))).toBeGreaterThanOrEqual(8);
  });
  it('property: lines concatenate to the title, each at most 20 wide, never an hourglass, digits never split', () => {
    const han = fc.constantFrom(...'长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划的和与关于进一步加强');
    const piece = fc.oneof(han, fc.constantFrom('2026', '12', '3'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 45 }), (pieces) => {
        const title = pieces.join('');
        const lines = breakTitle(title);
        expect(lines.join('')).toBe(title);
        if (lines.length > 1) {
          for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
          expect(isHourglass(lines.map(textWidth))).toBe(false);
          for (let i = 1; i < lines.length; i++) expect(/\d$/.test(lines[i - 1]!) && /^\d/.test(lines[i]!)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('#13 修订对照表: the appended 修订对照表 never pulls a break into 乡村振兴', () => {
    expect(breakTitle('长寿镇2026年全面推进乡村振兴重点工作计划修订对照表')).toEqual([
      '长寿镇2026年全面推进乡村振兴重点',
      '工作计划修订对照表',
    ]);
    expect(breakTitle('牌楼镇2025年上半年乡村振兴工作总结修订对照表')).toEqual(['牌楼镇2025年上半年', '乡村振兴工作总结修订对照表']);
  });
  it('property: no line ends inside a set phrase, with or without 修订对照表', () => {
    const phrases = ['乡村振兴', '脱贫攻坚', '巩固拓展', '有效衔接', '人居环境', '年度'];
    const piece = fc.oneof(fc.constantFrom(...phrases), fc.constantFrom(...'长寿镇全面推进重点同和的'), fc.constantFrom('2026年', '村'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 6, maxLength: 16 }), fc.boolean(), (pieces, table) => {
        const title = pieces.join('') + (table ? '修订对照表' : '工作计划');
        const lines = breakTitle(title);
        expect(lines.join('')).toBe(title);
        let at = 0;
        for (const line of lines.slice(0, -1)) {
          at += line.length;
          for (const phrase of [...phrases, '修订对照表']) {
            for (let start = title.indexOf(phrase); start !== -1; start = title.indexOf(phrase, start + 1)) {
              expect(at > start && at < start + phrase.length, `${lines.join(' / ')} splits ${phrase}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
