// A number a progress file could not hold is refused at its cell, not written.
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/collect/cells.js';

describe('reading a number from a cell', () => {
  it('reads an ordinary number and a percentage-formatted rate', () => {
    expect(readNumber(1250, { unit: '亩' })).toEqual({ value: 1250 });
    expect(readNumber(0.625, { unit: '%', numFmt: '0.0%' })).toEqual({ value: 62.5 });
  });

  it.each([-1.797693134862316e299, 1e15, '2000000000000000'])('refuses %s as too large, as check would (found by the collect fuzz)', (cell) => {
    const read = readNumber(cell, { unit: '人' });
    expect(read).toMatchObject({ problem: expect.stringContaining('太大，超出了能精确处理的范围') });
  });
});
