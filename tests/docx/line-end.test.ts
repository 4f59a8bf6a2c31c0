// LE-01 (孤字) in the writer: the width model predicts each body paragraph's
// lines; a paragraph whose last line would hold a lone character gets the
// character spacing of its next-to-last line changed, by at most 0.5 pt
// (10 twips) per character. The render test (tests/render/line-end.test.ts)
// proves the effect in LibreOffice.
import { describe, expect, it } from 'vitest';
import { avoidLoneLastCharacter, predictLines } from '../../src/docx/line-end.js';
import { DEFAULT_PROFILE } from '../../src/docx/profile.js';
import { runLook } from '../../src/docx/runs.js';
import type { Segment } from '../../src/docx/inline.js';

const HAN = '国家治理体系和治理能力现代化建设持续推进乡村振兴战略全面实施';
const body = runLook('body', DEFAULT_PROFILE);
const INDENT = 640;
const han = (n: number) => HAN.repeat(4).slice(0, n);
const segs = (...texts: string[]): Segment[] => texts.map((text) => ({ text, look: body }));

describe('LE-01 line prediction', () => {
  it('26 characters on the indented first line, 28 on the others (GR-02)', () => {
    expect(predictLines(segs(han(26 + 28 + 5)), DEFAULT_PROFILE, INDENT).map((l) => l.length)).toEqual([26, 28, 5]);
  });

  it('closing punctuation never starts a line: it takes the character before it down, or hangs (，。)', () => {
    // 54 characters then 。: the full stop hangs after the 28th character of line 2
    expect(predictLines(segs(`${han(54)}。`), DEFAULT_PROFILE, INDENT).map((l) => l.length)).toEqual([26, 29]);
    // a closing quote cannot hang: it goes down with the character before it
    expect(predictLines(segs(`${han(54)}”`), DEFAULT_PROFILE, INDENT).at(-1)).toBe(`${HAN[53 % HAN.length]}”`);
  });

  it('an ASCII number is never split, and Chinese–Latin gaps take room', () => {
    const lines = predictLines(segs(`${han(24)}2026年${han(30)}`), DEFAULT_PROFILE, INDENT);
    expect(lines[0]).toBe(han(24));
    expect(lines[1]!.startsWith('2026年')).toBe(true);
  });
});

describe('LE-01 spacing', () => {
  it('a lone last character: the next-to-last line is loosened by 0.5 pt per character to push one down', () => {
    const fitted = avoidLoneLastCharacter(segs(`${han(26 + 28 + 1)}`), DEFAULT_PROFILE, INDENT);
    expect(fitted.map((s) => [s.text!.length, s.look.spacing])).toEqual([[26, -5], [28, 5], [1, -5]]);
  });

  it('where pulling back fits within 0.5 pt per character (half-width digits leave room), the lines are tightened instead', () => {
    // line 2: 26 Chinese characters and "12" (8634 twips with the two gaps): one more does not fit, but fits 6 twips tighter
    const text = `${han(26)}${han(13)}12${han(14)}`;
    const lines = predictLines(segs(text), DEFAULT_PROFILE, INDENT);
    expect(lines.at(-1)!.length).toBe(1);
    const fitted = avoidLoneLastCharacter(segs(text), DEFAULT_PROFILE, INDENT);
    const tight = fitted.filter((s) => s.look.spacing! < -5);
    expect(tight.map((s) => s.text).join('')).toBe(lines.slice(-2).join(''));
    for (const s of tight) expect(s.look.spacing).toBeGreaterThanOrEqual(-5 - 10);
  });

  it('leaves a paragraph alone when its last line is long, or when it has a line break', () => {
    const long = segs(han(26 + 10));
    expect(avoidLoneLastCharacter(long, DEFAULT_PROFILE, INDENT)).toBe(long);
    const broken: Segment[] = [...segs(han(54)), { text: null, look: body }, ...segs('字')];
    expect(avoidLoneLastCharacter(broken, DEFAULT_PROFILE, INDENT)).toBe(broken);
  });

  it('keeps the text and the looks of run-in headings while it respaces', () => {
    const heading = { text: `（一）${han(10)}。`, look: runLook('heading2', DEFAULT_PROFILE) };
    const fitted = avoidLoneLastCharacter([heading, ...segs(han(26 + 28 + 1 - 14))], DEFAULT_PROFILE, INDENT);
    expect(fitted.map((s) => s.text).join('')).toBe(`（一）${han(10)}。${han(26 + 28 + 1 - 14)}`);
    expect(fitted[0]).toEqual(heading);
  });
});
