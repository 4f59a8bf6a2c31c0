import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { setProgressValue, setTaskProgress, scalarText, YamlEditError } from '../../src/edit/index.js';

const H1 = readFileSync(new URL('../../plans/changshou-2026-h1.yaml', import.meta.url), 'utf8');

/** Lines only in `before` and lines only in `after`, counting repeated lines (a multiset difference). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const minus = (a: string[], b: string[]): string[] => {
    const left = [...b];
    return a.filter((line) => {
      const i = left.indexOf(line);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
  };
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: minus(a, b).sort(), added: minus(b, a).sort() };
}

describe('setProgressValue', () => {
  it('appends a flow entry after the last flow entry, leaving every other line as it was', () => {
    const out = setProgressValue(H1, { metric: 'toilet-renovation', value: 1250, date: '2026-06-30', source: '村报表' });
    expect(changedLines(H1, out)).toEqual({ removed: [], added: ['  - { metric: toilet-renovation, value: 1250, date: 2026-06-30, source: 村报表 }'] });
    // the new entry follows express-coverage, before the comment that closes the list
    expect(out).toContain('express-coverage, value: true, date: 2026-04-30 }\n  - { metric: toilet-renovation');
    expect(out).toContain('# toilet-renovation 尚未报送');
    expect(parse(out).values.at(-1)).toEqual({ metric: 'toilet-renovation', value: 1250, date: '2026-06-30', source: '村报表' });
  });

  it('updates the entry of the same metric and date in place, adding the keys it lacks', () => {
    const out = setProgressValue(H1, { metric: 'transfer-training', value: 120, date: '2026-05-31', note: '含线上' });
    expect(changedLines(H1, out)).toEqual({
      removed: ['  - { metric: transfer-training, value: 120, date: 2026-05-31, source: 镇劳动保障所月报 }'],
      added: ['  - { metric: transfer-training, value: 120, date: 2026-05-31, source: 镇劳动保障所月报, note: 含线上 }'],
    });
    const changed = setProgressValue(H1, { metric: 'job-fairs', value: 2, date: '2026-06-30' });
    expect(changedLines(H1, changed).added).toEqual(['  - { metric: job-fairs, value: 2, date: 2026-06-30 }']);
  });

  it('keeps block style, indentation and trailing comments of a block list', () => {
    const text = '# head\nperiod: { kind: month, year: 2026, month: 6 }\nvalues:\n    - metric: a   # first\n      value: 1\n      date: 2026-05-31\n\n# after\n';
    const added = setProgressValue(text, { metric: 'b', value: 2.5, date: '2026-06-30', source: '镇财政所' });
    expect(added).toBe('# head\nperiod: { kind: month, year: 2026, month: 6 }\nvalues:\n    - metric: a   # first\n      value: 1\n      date: 2026-05-31\n    - metric: b\n      value: 2.5\n      date: 2026-06-30\n      source: 镇财政所\n\n# after\n');
    const updated = setProgressValue(text, { metric: 'a', value: 3, date: '2026-05-31', note: '调整' });
    expect(updated).toBe('# head\nperiod: { kind: month, year: 2026, month: 6 }\nvalues:\n    - metric: a   # first\n      value: 3\n      date: 2026-05-31\n      note: 调整\n\n# after\n');
  });

  it('creates the list when the file has none, or replaces an empty one', () => {
    const none = 'plan: x.yaml\nperiod: { kind: year, year: 2026 }\n';
    expect(setProgressValue(none, { metric: 'a', value: true, date: '2026-12-31' }))
      .toBe('plan: x.yaml\nperiod: { kind: year, year: 2026 }\n\nvalues:\n  - metric: a\n    value: true\n    date: 2026-12-31\n');
    expect(parse(setProgressValue('period: { kind: year, year: 2026 }\nvalues: []\n', { metric: 'a', value: 1, date: '2026-12-31' })).values)
      .toEqual([{ metric: 'a', value: 1, date: '2026-12-31' }]);
    expect(parse(setProgressValue('period: { kind: year, year: 2026 }\nvalues:\nopening: x\n', { metric: 'a', value: 1, date: '2026-12-31' })))
      .toEqual({ period: { kind: 'year', year: 2026 }, values: [{ metric: 'a', value: 1, date: '2026-12-31' }], opening: 'x' });
  });

  it('keeps Windows line endings (CRLF) of a file saved on Windows', () => {
    const crlf = H1.replace(/\n/g, '\r\n');
    const out = setProgressValue(crlf, { metric: 'toilet-renovation', value: 1250, date: '2026-06-30' });
    expect(out).toContain('date: 2026-04-30 }\r\n  - { metric: toilet-renovation, value: 1250, date: 2026-06-30 }\r\n');
    expect(/(^|[^\r])\n/.test(out)).toBe(false);
    expect(out.replace(/\r\n/g, '\n')).toBe(setProgressValue(H1, { metric: 'toilet-renovation', value: 1250, date: '2026-06-30' }));
  });

  it('quotes strings YAML would read as something else', () => {
    expect(scalarText('村报表', true)).toBe('村报表');
    expect(scalarText('true', false)).toBe('"true"');
    expect(scalarText('12', false)).toBe('"12"');
    expect(scalarText('a, b', true)).toBe('"a, b"');
    expect(scalarText('a, b', false)).toBe('a, b');
    expect(scalarText('- x', false)).toBe('"- x"');
    expect(scalarText('说明: 见附件', false)).toBe('"说明: 见附件"');
    expect(scalarText('', false)).toBe('""');
  });

  it('refuses a file it cannot edit safely', () => {
    expect(() => setProgressValue('values: [1, 2\n', { metric: 'a', value: 1, date: '2026-01-01' })).toThrow(YamlEditError);
    expect(() => setProgressValue('values: 3\n', { metric: 'a', value: 1, date: '2026-01-01' })).toThrow(YamlEditError);
  });

  it('any note or source survives the round trip and nothing else changes (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.boolean(), (note, source, flow) => {
      const text = flow
        ? 'period: { kind: year, year: 2026 }\nvalues:\n  - { metric: a, value: 1, date: 2026-01-31 } # keep\n'
        : 'period: { kind: year, year: 2026 }\nvalues:\n  - metric: a # keep\n    value: 1\n    date: 2026-01-31\n';
      const out = setProgressValue(text, { metric: 'b', value: 2, date: '2026-02-28', note, source });
      expect(parse(out).values).toEqual([{ metric: 'a', value: 1, date: '2026-01-31' }, { metric: 'b', value: 2, date: '2026-02-28', note, source }]);
      expect(out.startsWith(text)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('setTaskProgress', () => {
  it('updates status and progress of an existing block entry', () => {
    const out = setTaskProgress(H1, { task: 'employment-services', status: '正常推进', progress: '6月举办专场招聘会1场' });
    expect(changedLines(H1, out)).toEqual({
      removed: ['    status: 滞后', '    progress: 专场招聘会因对接企业用工计划调整尚未举办'].sort(),
      added: ['    progress: 6月举办专场招聘会1场', '    status: 正常推进'].sort(),
    });
  });

  it('adds a progress line to an entry that had none, and appends a new task', () => {
    const added = setTaskProgress(H1, { task: 'living-environment', status: '正常推进', progress: '完成改厕120户' });
    expect(added).toContain('  - task: living-environment\n    status: 正常推进\n    progress: 完成改厕120户\n  - task: asset-management');
    const appended = setTaskProgress(H1, { task: 'civility', status: '完成' });
    expect(appended).toContain('    progress: 完成2025年度扶贫项目资产确权登记\n  - task: civility\n    status: 完成\n');
  });
});
