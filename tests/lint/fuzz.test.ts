// Properties over generated prose: findings stay inside the text, safe fixes
// converge in one call and leave nothing safe behind, and fixing a YAML file
// never breaks it or touches anything but prose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fixSource, lintPlanSource } from '../../src/lint/index.js';
import { fixText, lintText } from '../../src/lint/rules.js';

const PIECES = [
  '长寿镇', '工作', '任务', '2026', '年', '月', '日', '01', '3', '-', '--', '—', '~', '～', ',', ';', ':', '?', '!', '(', ')', '（', '）',
  '“', '”', '《', '》', '[', ']', '【', '】', '〔', '〕', '号', '第', '。', '。。', '，', '、', '...', '…', '……', ' ', '\u3000', '\u00a0',
  '１２', '%', '以上', '一', '十四五', 'APP', '[[m1]]', '\\[[', '#', "'", '"', '1、', '(1)', '⑵', '(一)', '一、', 'O',
];

const prose = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
const roles = fc.constantFrom('prose' as const, 'title' as const, 'sectionTitle' as const);

describe('lint properties', () => {
  it('keeps every finding inside the text, with a Chinese message and hint', () => {
    fc.assert(
      fc.property(prose, roles, (text, role) => {
        for (const f of lintText(text, role)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
          expect(f.hint).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fixText is idempotent and leaves no safe fix behind', () => {
    fc.assert(
      fc.property(prose, roles, (text, role) => {
        const fixed = fixText(text, role);
        expect(fixText(fixed, role)).toBe(fixed);
        expect(lintText(fixed, role).filter((f) => f.fix?.safe)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('fixing a YAML file keeps it valid, keeps its data and comments, and is idempotent', () => {
    const style = fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED');
    fc.assert(
      fc.property(prose, prose, fc.array(prose, { minLength: 1, maxLength: 3 }), style, (title, text, items, scalarStyle) => {
        const data = { title, year: 2026, date: '2026-01-14', sections: [{ id: 's1', title, text: [text, { list: items }] }] };
        const source = `# 注释\n${stringify(data, { defaultStringType: scalarStyle as 'PLAIN', lineWidth: 0 })}`;
        const { text: fixed } = fixSource(source, 'p.yaml');
        const before = parse(source);
        const after = parse(fixed);
        expect(fixed.startsWith('# 注释\n')).toBe(true);
        expect({ ...after, sections: undefined, title: undefined }).toEqual({ ...before, sections: undefined, title: undefined });
        expect(after.sections[0].id).toBe('s1');
        expect(fixSource(fixed, 'p.yaml').text).toBe(fixed);
        expect(lintPlanSource(fixed, 'p.yaml').filter((d) => d.fix?.safe)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
