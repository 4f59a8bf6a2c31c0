// The human-readable form of diagnostics: location, label, code, hint, the
// source line and a caret that lands under the column even after CJK text.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/load/diagnostic.js';
import { displayWidth, formatCounts, formatDiagnostics, formatFileStatus } from '../../src/load/format.js';

const source = 'title: 示例\nyear: 二〇二六\nsections: []\n';
const sources = new Map([['plans/a.yaml', source]]);

function diag(partial: Partial<Diagnostic>): Diagnostic {
  return { file: 'plans/a.yaml', line: 2, column: 7, severity: 'error', code: 'schema-type', message: '计划年度（year）应为整数', ...partial };
}

describe('formatDiagnostics', () => {
  it('prints location, label, code, message, hint, the line and a caret', () => {
    const text = formatDiagnostics([diag({ hint: '用阿拉伯数字书写。' })], sources);
    expect(text).toBe([
      'plans/a.yaml:2:7: 错误 [schema-type] 计划年度（year）应为整数',
      '    提示：用阿拉伯数字书写。',
      '  2 | year: 二〇二六',
      '    |       ^',
      '',
    ].join('\n'));
  });

  it('counts CJK characters as two columns when placing the caret', () => {
    const text = formatDiagnostics([diag({ line: 1, column: 10, code: 'control-char', message: 'x' })], new Map([['plans/a.yaml', 'title: 示例计划\n']]));
    expect(text.split('\n')[2]).toBe(`    |${' '.repeat(1 + 7 + 4)}^`);
  });

  it('labels warnings and omits the position of file-level problems', () => {
    const text = formatDiagnostics([diag({ severity: 'warning', code: 'date-year', message: 'w' }), diag({ line: 0, column: 0, code: 'file-missing', message: '找不到文件' })], sources);
    expect(text).toContain('plans/a.yaml:2:7: 警告 [date-year] w\n');
    expect(text).toContain('plans/a.yaml: 错误 [file-missing] 找不到文件\n');
    expect(text).not.toContain('plans/a.yaml:0:0');
  });

  it('shows a window of a very long line around the column', () => {
    const line = `text: ${'甲'.repeat(100)}乙${'丙'.repeat(100)}`;
    const column = line.indexOf('乙') + 1;
    const [, shown, caret] = formatDiagnostics([diag({ line: 1, column })], new Map([['plans/a.yaml', line]])).split('\n');
    expect(shown!.length).toBeLessThan(60);
    expect(shown).toContain('…');
    const shownText = shown!.slice('  1 | '.length);
    const caretOffset = caret!.slice('    | '.length).indexOf('^');
    const widthBefore = Array.from(shownText.slice(0, shownText.indexOf('乙'))).reduce((sum, ch) => sum + displayWidth(ch), 0);
    expect(caretOffset).toBe(widthBefore);
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics([diag({})], sources, { color: false })).not.toContain('\u001b[');
    expect(formatDiagnostics([diag({})], sources, { color: true })).toContain('\u001b[');
  });
});

describe('summaries', () => {
  it('counts errors and warnings', () => {
    expect(formatCounts([diag({}), diag({}), diag({ severity: 'warning' })])).toBe('共 2 个错误、1 个警告');
    expect(formatCounts([diag({ severity: 'warning' })])).toBe('共 1 个警告');
    expect(formatCounts([])).toBe('共 0 个错误');
  });

  it('says a clean file has no problems', () => {
    expect(formatFileStatus('plans/a.yaml', [])).toBe('plans/a.yaml：没有问题');
    expect(formatFileStatus('plans/a.yaml', [diag({ severity: 'warning' })])).toBe('plans/a.yaml：1 个警告（可以使用）');
  });
});
