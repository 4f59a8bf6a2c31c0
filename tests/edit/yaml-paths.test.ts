// The in-place path editor apply uses: only the edited lines change.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rewriteList, setScalarAt, YamlEditError } from '../../src/edit/index.js';

const PLAN = `# 计划
title: 示例镇计划 # 标题
sections:
  - id: a
    title: 甲
    # 注释留着
    text: 第一段。

  - id: b
    title: "乙"
    text:
      - 第二段。
      - list:
          - 一项
          - 二项
    children:
      - id: c
        title: 丙
metrics:
  - id: m
    target: { kind: atLeast, value: 300 }
`;

/** The lines of `after` that differ from `before`, as a reader of git diff sees them. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((line) => !b.includes(line)), added: b.filter((line) => !a.includes(line)) };
}

describe('setScalarAt', () => {
  it('replaces one value, keeping its comment and quoting style', () => {
    const title = setScalarAt(PLAN, ['title'], '示例镇新计划');
    expect(changedLines(PLAN, title)).toEqual({ removed: ['title: 示例镇计划 # 标题'], added: ['title: 示例镇新计划 # 标题'] });
    const quoted = setScalarAt(PLAN, ['sections', 1, 'title'], '乙二');
    expect(changedLines(PLAN, quoted).added).toEqual(['    title: "乙二"']);
  });

  it('quotes what plain YAML would misread, and writes numbers as numbers', () => {
    const edited = setScalarAt(PLAN, ['sections', 0, 'text'], '- 不是列表: 是文字 #');
    expect(parse(edited).sections[0].text).toBe('- 不是列表: 是文字 #');
    const target = setScalarAt(PLAN, ['metrics', 0, 'target', 'value'], 350);
    expect(changedLines(PLAN, target).added).toEqual(['    target: { kind: atLeast, value: 350 }']);
    expect(parse(target).metrics[0].target.value).toBe(350);
  });

  it('refuses a path that is not a scalar', () => {
    expect(() => setScalarAt(PLAN, ['sections', 0], 'x')).toThrow(YamlEditError);
  });
});

describe('rewriteList', () => {
  it('reorders list items with their comments, keeping the blank line between items', () => {
    const edited = rewriteList(PLAN, ['sections'], [{ from: 1 }, { from: 0 }]);
    const data = parse(edited);
    expect(data.sections.map((s: { id: string }) => s.id)).toEqual(['b', 'a']);
    expect(edited).toContain('    # 注释留着\n    text: 第一段。\n');
    expect(edited.split('\n').sort()).toEqual(PLAN.split('\n').sort());
  });

  it('adds a paragraph to a text written as one string, turning it into a list', () => {
    const edited = rewriteList(PLAN, ['sections', 0, 'text'], [{ from: 0 }, { value: '新增的一段。' }]);
    expect(parse(edited).sections[0].text).toEqual(['第一段。', '新增的一段。']);
    expect(edited).toBe(PLAN.replace('    text: 第一段。\n', '    text:\n      - 第一段。\n      - 新增的一段。\n'));
  });

  it('deletes an item, and a whole key when nothing is left', () => {
    const one = rewriteList(PLAN, ['sections', 1, 'text', 1, 'list'], [{ from: 1 }]);
    expect(parse(one).sections[1].text[1].list).toEqual(['二项']);
    const none = rewriteList(PLAN, ['sections', 1, 'children'], []);
    expect(parse(none).sections[1].children).toBeUndefined();
    expect(changedLines(PLAN, none).removed).toEqual(['    children:', '      - id: c', '        title: 丙']);
  });

  it('adds a missing key in the plan key order, and a new section as a block map', () => {
    const edited = rewriteList(PLAN, ['sections', 1, 'children', 0, 'text'], [{ value: '丙的正文。' }]);
    expect(edited).toContain('      - id: c\n        title: 丙\n        text: 丙的正文。\n');
    const added = rewriteList(PLAN, ['sections', 1, 'children'], [{ from: 0 }, { value: { id: 'new-1', title: '丁', runIn: true, text: '丁的正文。' } }]);
    expect(added).toContain('      - id: new-1\n        title: 丁\n        runIn: true\n        text: 丁的正文。\n');
    expect(parse(added).sections[1].children).toHaveLength(2);
  });

  it('keeps Windows line endings', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const edited = rewriteList(crlf, ['sections'], [{ from: 1 }, { from: 0 }]);
    expect(edited).not.toMatch(/[^\r]\n/);
  });
});
