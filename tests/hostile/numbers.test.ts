// #19: numbers that would print wrong are diagnostics, at the number.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';
import { scratch } from '../faults/support.js';

const dir = scratch('plandoc-numbers-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(dir, 'changshou-2026.yaml'));
const YEAR_END = readFileSync(join(ROOT, 'plans', 'changshou-2026-year.yaml'), 'utf8');
const LINE = '  - { metric: transfer-training, value: 326, unit: 人次, date: 2026-12-31, lastYear: 290, source: 镇劳动保障所月报 }';
const lineNumber = YEAR_END.split('\n').indexOf(LINE) + 1;

async function loadWith(replacement: string) {
  expect(YEAR_END).toContain(LINE);
  const file = join(dir, `year-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, YEAR_END.replace(LINE, replacement));
  return loadProgressFile(file);
}

describe('numbers in a progress file', () => {
  it.each([
    ['a 16-digit integer (…993 would print as …992)', 'value: 9007199254740993', 'number-inexact', 'value: 9007199254740993'],
    ['a decimal with 17 significant digits', 'value: 326.00000000000001', 'number-inexact', 'value: 326.00000000000001'],
    ['a negative value (完成-50人次)', 'value: -50', 'value-negative', 'value: -50'],
    ['a negative last-year figure', 'lastYear: -290', 'value-negative', 'lastYear: -290'],
    ['a value 10⁶ times the target (100000000.0%)', 'value: 300000000', 'value-out-of-scale', 'value: 300000000'],
  ])('%s is an error at the number', async (_name, field, code, pointAt) => {
    const replaced = LINE.replace(/value: 326|lastYear: 290/g, (found) => (field.startsWith(found.split(':')[0]!) ? field : found));
    const result = await loadWith(replaced);
    expect(result.value).toBeUndefined();
    const diagnostic = result.diagnostics.find((d) => d.code === code);
    expect(diagnostic).toMatchObject({ line: lineNumber, column: replaced.indexOf(pointAt) + 1 + pointAt.indexOf(' ') + 1, severity: 'error' });
  });

  it('[[id.yoy]] with lastYear: 0 is an error, not “同比。”', async () => {
    const result = await loadWith(LINE.replace('lastYear: 290', 'lastYear: 0'));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message).join('\n')).toContain('上年同期数是 0，算不出同比增减');
  });

  it('ordinary figures (15 significant digits, 10× over target) are accepted', async () => {
    for (const value of ['326', '326.123456789012', '3260']) {
      const result = await loadWith(LINE.replace('value: 326', `value: ${value}`));
      expect(result.diagnostics.filter((d) => d.severity === 'error'), value).toEqual([]);
    }
  });
});
