// The command bundle is pure ASCII (bin/plandoc.js reads it as a one-byte
// string): the build escapes the characters of regular expression literals,
// and each escaped expression must match exactly what the original matched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { asciiOnly, escapeRegexLiteral } from '../../scripts/ascii-bundle.mjs';
import { ROOT } from '../helpers/cli.js';

const escape = escapeRegexLiteral as (literal: string) => string;
const toAscii = asciiOnly as (code: string) => string;

/** The RegExp a literal such as `/[。，]+/u` denotes. */
function regexOf(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

const SAMPLES = ['', '。', '，。', '一二三', 'abc', '达到10%', '😀', '\ud83d', 'a😀b', '（一）', '\\', '——', '０９', 'x。y'];

describe('the ASCII command bundle', () => {
  it('is what dist/plandoc.cjs holds', () => {
    expect(readFileSync(join(ROOT, 'dist', 'plandoc.cjs'), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
  });

  it('escapes each character of a regular expression to the same expression', () => {
    const cases = ['/[。；！？]/u', '/(达到|不低于)$/', '/[０-９]+/g', '/\\。/', '/\\\\。/', '/😀+/u', '/[😀-😎]/u', '/😀/', '/[^（）]*/v', '/x。y/i'];
    for (const literal of cases) {
      const escaped = escape(literal);
      expect(escaped).toMatch(/^[\x00-\x7f]*$/);
      const [before, after] = [regexOf(literal), regexOf(escaped)];
      for (const sample of SAMPLES) expect([sample, after.exec(sample)?.[0]]).toEqual([sample, before.exec(sample)?.[0]]);
    }
  });

  it('matches what the original matched, for generated expressions and texts', () => {
    const atom = fc.constantFrom('。', '，', '一', '龥', 'a', '😀', '\\。', '\\d', '.', '[一-龥]', '[^。]', '(?:达到|低于)', '\\\\');
    const literal = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 6 }), fc.constantFrom('', 'u', 'g', 'i')).filter(([atoms, flags]) => !(flags === 'u' && atoms.includes('\\。'))).map(([atoms, flags]) => `/${atoms.join('')}/${flags}`);
    const text = fc.array(fc.constantFrom(...SAMPLES, 'a', '1', '龥'), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(literal, text, (source, sample) => {
        expect(regexOf(escape(source)).exec(sample)?.[0]).toBe(regexOf(source).exec(sample)?.[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('rewrites only regular expressions, and refuses any other non-ASCII character', () => {
    expect(toAscii('const a = /[。]/u, b = "\\u3002", c = a / 2 / 3;')).toBe('const a = /[\\u3002]/u, b = "\\u3002", c = a / 2 / 3;');
    expect(() => toAscii('const t = String.raw`。`;')).toThrow(/non-ASCII/);
  });
});
