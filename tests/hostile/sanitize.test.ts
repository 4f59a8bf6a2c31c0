// #19: one sanitiser for all text leaving plandoc; escapes in values are
// diagnostics at the input line that holds them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { OutputRoot } from '../../src/io/output.js';
import { sanitizeForTerminal, stripUnsafeChars } from '../../src/io/sanitize.js';
import { runCli } from '../helpers/cli.js';
import { planCopy, scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function workDir(): string {
  const dir = scratch('plandoc-sanitize-');
  dirs.push(dir);
  return dir;
}

const PLAN = 'title: 测试计划\nyear: 2026\nsections:\n  - id: task1\n    title: 任务\n    text: 完成培训[[t]]。\nmetrics:\n  - id: t\n    name: NAME\n    unit: UNIT\n    task: task1\n    target: { kind: atLeast, value: 300 }\n';

describe('YAML escapes that make control characters', () => {
  it.each([['\\e'], ['\\a'], ['\\x01'], ['\\uD800'], ['\\x9b']])('"%s" in a metric name is an error at the escape, line and column', (escape) => {
    const source = PLAN.replace('name: NAME', `name: "培训${escape}人数"`).replace('unit: UNIT', 'unit: 人次');
    const result = loadPlanSource(source, 'plan.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'control-char', line: 9, column: 14, severity: 'error' }]);
  });

  it('in a unit too (units were not cleaned like other fields)', () => {
    const source = PLAN.replace('name: NAME', 'name: 培训').replace('unit: UNIT', 'unit: "人\\b次"');
    expect(loadPlanSource(source, 'plan.yaml').diagnostics).toMatchObject([{ code: 'control-char', line: 10, column: 13 }]);
  });

  it('an ordinary escape (\\n, \\t, \\") is not a control character', () => {
    const source = PLAN.replace('name: NAME', 'name: "培训\\t人数\\"甲\\""').replace('unit: UNIT', 'unit: 人次');
    expect(loadPlanSource(source, 'plan.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('check, status and diff refuse it; nothing raw reaches the terminal', () => {
    const dir = workDir();
    const plan = planCopy(dir);
    const text = readFileSync(plan, 'utf8').replace('issuer: 长寿镇', 'issuer: "长寿\\e]0;标题\\a镇"');
    writeFileSync(join(dir, 'esc.yaml'), text);
    for (const args of [['check', join(dir, 'esc.yaml')], ['diff', plan, join(dir, 'esc.yaml')]]) {
      const result = runCli(args);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toContain('[control-char]');
      expect(result.stdout + result.stderr).not.toMatch(/[\u0007\u001b]/);
    }
  });

  it('a raw ESC in a file is reported, and its line is printed without it', () => {
    const dir = workDir();
    const file = join(dir, 'raw.yaml');
    writeFileSync(file, PLAN.replace('name: NAME', 'name: 培训\u001b[2J人数').replace('unit: UNIT', 'unit: 人次'));
    const result = runCli(['check', file]);
    expect(result.stdout).toContain('[control-char]');
    expect(result.stdout + result.stderr).not.toContain('\u001b');
  });
});

describe('the sanitiser', () => {
  it('removes C0 (but tab, LF and CRLF), DEL, C1, lone surrogates and U+FFFE/U+FFFF; keeps pairs', () => {
    const { text, removed } = stripUnsafeChars('a\tb\nc\r\nd\re\u0007f\u007fg\u009bh\ud800i\udc00j😀k\uffffl');
    expect(text).toBe('a\tb\nc\r\ndefghij😀kl');
    expect(removed).toEqual(['\r', '\u0007', '\u007f', '\u009b', '\ud800', '\udc00', '\uffff']);
  });

  it('keeps plandoc\'s own colour codes on a terminal and nothing else', () => {
    expect(sanitizeForTerminal('\u001b[31m错误\u001b[39m \u001b]0;title\u0007 \u001b[2J')).toBe('\u001b[31m错误\u001b[39m ]0;title \u001b[2J'.replace('\u001b[2J', '[2J'));
  });

  it('text outputs pass it on their way to disk', async () => {
    const dir = workDir();
    const root = await OutputRoot.open(join(dir, 'out'));
    await root.write(join(dir, 'out', 'x.md'), '标题\u0007\u001b\n');
    expect(readFileSync(join(dir, 'out', 'x.md'), 'utf8')).toBe('标题\n');
  });
});
