// #19: user structure at scale: every algorithm linear or bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import fc from 'fast-check';
import { breakTitle, isHourglass } from '../../src/docx/title.js';
import { textWidth } from '../../src/docx/width.js';

describe('PL-01 title breaking is bounded', () => {
  it('a 120-character title with few natural breaks finishes (it enumerated every combination and hung)', () => {
    const title = /^# (.+)$/m.exec(readFileSync(join(ROOT, 'tests', 'fixtures', 'crashers', 'title-120-few-breaks.md'), 'utf8'))![1]!;
    expect([...title]).toHaveLength(120);
    const lines = breakTitle(title);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
    expect(isHourglass(lines.map(textWidth))).toBe(false);
  });

  it('a title with no natural break at all, 1,000 characters long, still breaks into full lines', () => {
    const lines = breakTitle('推进'.repeat(500));
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => line.length === 20)).toBe(true);
  });

  it('property: long titles (up to 300 pieces) keep PL-01 — width, no hourglass, PL-01 shape', () => {
    const han = fc.constantFrom(...'长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划的和与关于进一步加强推进落实');
    // years and numbers between characters, as titles have them (a 16-digit run cannot break anywhere)
    const piece = fc.oneof(han, han.map((char) => `${char}2026`), han.map((char) => `${char}12`));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 60, maxLength: 300 }), (pieces) => {
        const title = pieces.join('');
        const lines = breakTitle(title);
        expect(lines.join('')).toBe(title);
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
        expect(isHourglass(lines.map(textWidth))).toBe(false);
      }),
      { numRuns: 25, seed: 19 },
    );
  });
});
