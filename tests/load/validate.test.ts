// Schema validation through the loader: every schema feature accepted and
// rejected, with the Chinese message and the position of the offending node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlanSource } from '../../src/load/index.js';
import { ROOT } from '../helpers/cli.js';
import { at, check, codes, col, only, planOf, yamlOf } from './support.js';

const minimal = readFileSync(`${ROOT}/tests/fixtures/minimal-plan.yaml`, 'utf8');

describe('valid plans', () => {
  it('accepts the minimal fixture and returns the typed plan', () => {
    const result = loadPlanSource(minimal, 'tests/fixtures/minimal-plan.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.year).toBe(2026);
    expect(result.value?.sections[1]?.children?.[0]?.runIn).toBe(true);
    expect(result.value?.metrics?.[2]?.target).toEqual({ kind: 'range', min: 2, max: 3 });
  });

  it('accepts every furniture field', () => {
    const text = yamlOf(
      'kind: 实施方案', 'year: 2026', 'title: 示例镇实施方案', 'issuer: 示例镇人民政府', 'date: 2026-01-14',
      'docNumber: 示府发〔2026〕3号', 'recipients: [各村（社区）, 镇直各部门]', 'note: 此件公开发布',
      'copyTo: [县乡村振兴局]', 'printedBy: 示例镇党政办公室', 'printedDate: 2026-01-15',
      'header: { organ: 示例镇人民政府 }', 'sealed: true',
      'publication: { indexNo: 113/2026-2354051, publisher: 示例镇, category: 其他, topic: 农业, openness: 政府网站, scope: 全部公开, generated: "2026-01-14 10:54:56.0", published: 2026-01-14, effective: 2026-01-14, expires: 2026-12-31 }',
      'attachments:', '  - title: 主要指标表', '    text: [附件正文。]',
      'numbering: { level3: continue, runInMark: "：" }',
      'opening: 为做好工作，制定本方案。',
      'sections:', '  - title: 总体要求', '    closing: 结尾段。', '    text: 正文。',
    );
    expect(check(text)).toEqual([]);
  });

  it('accepts every text form: a paragraph, several paragraphs, a list inside', () => {
    const text = planOf('opening:', '  - 第一段。', '  - list: [甲。, 乙。]', '  - 第二段。');
    expect(check(text)).toEqual([]);
  });

  it.each([true, false, '"。"', '"："'])('accepts runIn: %s', (value) => {
    expect(check(planOf('sections:', '  - title: 总体要求', `    runIn: ${value}`, '    text: 正文。'))).toEqual([]);
  });

  it('accepts sections four levels deep', () => {
    const text = planOf('sections:', '  - title: 一级', '    children:', '      - title: 二级', '        children:', '          - title: 三级',
      '            children:', '              - title: 四级', '                text: 正文。');
    expect(check(text)).toEqual([]);
  });

  it.each([
    ['atLeast', '{ kind: atLeast, value: 90, wording: 不低于 }', '90%'],
    ['atMost', '{ kind: atMost, value: 5, wording: 以内 }', '5%'],
    ['range', '{ kind: range, min: 2, max: 3, separator: "～" }', '2～3%'],
    ['exact', '{ kind: exact, value: 100 }', '100%'],
    ['growth', '{ kind: growth, rate: 10, orMore: false }', '10%'],
    ['vsLastYear', '{ kind: vsLastYear, relation: notBelow }', '不低于上年'],
    ['achieve', '{ kind: achieve, statement: 实现全覆盖 }', '全覆盖'],
  ])('accepts a %s target', (_kind, target, words) => {
    const text = planOf('sections:', '  - title: 目标', '    id: goals', `    text: 达到${words}。`,
      'metrics:', '  - id: m1', '    name: 指标', '    unit: "%"', `    target: ${target}`, '    task: goals', '    cumulative: true', '    note: 说明',
      '    baseline: { value: 50, year: 2025 }');
    expect(check(text)).toEqual([]);
  });
});

describe('schema errors', () => {
  it('names the property by its Chinese title and shows the wrong value', () => {
    const [d] = check(yamlOf('title: 示例', 'year: 二〇二六', 'sections: [{ title: 总体要求 }]'));
    expect(d).toMatchObject({ line: 2, column: 7, severity: 'error', code: 'schema-type', message: '计划年度（year）应为整数，现在是文字“二〇二六”' });
    expect(d?.hint).toContain('阿拉伯数字');
  });

  it('tells to drop the quotes around a quoted number', () => {
    const [d] = check(yamlOf('title: 示例', 'year: "2026"', 'sections: [{ title: 总体要求 }]'));
    expect(d?.hint).toBe('去掉数字两边的引号。');
  });

  it('reports a missing required key at the object it belongs to', () => {
    const diags = check(yamlOf('year: 2026', 'sections:', '  - title: 总体要求'));
    expect(diags.map(at)).toEqual(['1:1 missing-key']);
    expect(diags[0]?.message).toBe('计划文件缺少标题（title）');
    expect(diags[0]?.hint).toContain('title: ……');
  });

  it('suggests the key a misspelt key was meant to be', () => {
    const [d] = only(planOf('issuer: 示例镇', 'isuser: 示例镇'), 'unknown-key');
    expect(d).toMatchObject({ line: 8, column: 1, message: '不认识的键“isuser”', hint: '是不是想写“issuer”（署名）？' });
  });

  it('maps a key typed as its Chinese title to the English key', () => {
    const [d] = only(planOf('署名: 示例镇'), 'unknown-key');
    expect(d?.hint).toBe('是不是想写“issuer”（署名）？');
  });

  it('lists the allowed keys when nothing is close', () => {
    const [d] = only(planOf('header: { organ: 示例镇, colour: red }'), 'unknown-key');
    expect(d?.hint).toBe('这里可以写的键：organ（发文机关标志）。');
    expect(at(d)).toBe("7:23 unknown-key");
  });

  it('rejects a value outside an enum and suggests the nearest', () => {
    const [d] = only(planOf('metrics:', '  - { id: m, name: 指标, unit: 个, task: general, target: { kind: atleast, value: 1 } }'), 'schema-enum');
    expect(d?.message).toContain('目标类型（kind）只能是“atLeast”、“atMost”');
    expect(d?.message).toContain('现在是文字“atleast”');
    expect(d?.hint).toBe('是不是想写“atLeast”？');
  });

  it('checks a target key against its kind', () => {
    const diags = check(planOf('metrics:', '  - id: m', '    name: 指标', '    unit: 个', '    task: general', '    target: { kind: exact, value: 1, max: 2 }'));
    const d = diags.find((x) => x.code === 'target-key');
    expect(d).toMatchObject({ line: 12, column: 38, message: '目标类型 exact 不用上限（max）' });
    expect(d?.hint).toBe('kind 为 exact 时可写：kind（目标类型）、value（目标值）。');
  });

  it('requires the keys of each target kind', () => {
    const text = planOf('metrics:', '  - id: m', '    name: 指标', '    unit: 个', '    task: general', '    target:', '      kind: range', '      min: 1');
    const [d] = only(text, 'missing-key');
    expect(d).toMatchObject({ line: 13, column: 7, message: '目标（target）缺少上限（max）' });
  });

  it('restricts the wording to the kind of target', () => {
    const [d] = only(planOf('metrics:', '  - { id: m, name: 指标, unit: 个, task: general, target: { kind: atMost, value: 1, wording: 以上 } }'), 'schema-enum');
    expect(d?.message).toBe('措辞（wording）只能是“以下”、“不超过”、“以内”之一，现在是文字“以上”');
  });

  it('rejects a run-in mark other than 。 and ：', () => {
    const [d] = check(planOf('sections:', '  - title: 总体要求', '    runIn: "，"', '    text: 正文。'));
    expect(d).toMatchObject({ line: 5, column: 12, code: 'schema-type' });
    expect(d?.message).toBe('标题接正文（runIn）的写法不对，现在是文字“，”');
  });

  it('rejects text that is neither a paragraph nor a list of paragraphs', () => {
    const diags = check(planOf('opening: 12'));
    expect(diags[0]).toMatchObject({ code: 'schema-type', message: '开头段（opening）应为文字或列表（每项以“- ”开头），现在是数字 12', hint: '如果要写成文字，用引号括起来。' });
  });

  it('rejects a paragraph that is neither text nor a list block', () => {
    const [d] = check(planOf('opening: [第一段。, 2]'));
    expect(d).toMatchObject({ line: 7, column: col('opening: [第一段。, 2]', '2]'), code: 'schema-type', message: '开头段（opening）的第2项应为一段文字、“list:”列表或“table:”表格，现在是数字 2' });
  });

  it('suggests list for a misspelt list block', () => {
    const [d] = only(planOf('opening:', '  - lsit: [甲。]'), 'unknown-key');
    expect(d).toMatchObject({ line: 8, column: 5, hint: '是不是想写“list”（列表）？' });
  });

  it('explains how to write an object value given as text', () => {
    const [d] = check(planOf('metrics:', '  - { id: m, name: 指标, unit: "%", task: general, target: 90%以上 }'));
    expect(d).toMatchObject({ code: 'schema-type', message: '目标（target）应为键值表（键: 值），现在是文字“90%以上”' });
    expect(d?.hint).toContain('{ kind: atLeast, value: 90 }');
  });

  it('names list items by position', () => {
    const [d] = check(planOf('recipients: [各村, 3]'));
    expect(d?.message).toBe('主送机关（recipients）的第2项应为文字，现在是数字 3');
  });

  it('reports numbers out of range', () => {
    const [d] = check(yamlOf('title: 示例', 'year: 1999', 'sections: [{ title: 总体要求 }]'));
    expect(d).toMatchObject({ code: 'schema-range', message: '计划年度（year）应在 2000 到 2100 之间，现在是 1999' });
  });

  it('requires ISO dates in date fields', () => {
    const [d] = check(planOf('date: 2026年1月14日'));
    expect(d).toMatchObject({ line: 7, column: 7, code: 'date-format', message: '成文日期（date）应写成 2026-01-14 这样的日期，现在是文字“2026年1月14日”' });
  });

  it('restricts ids to letters, digits, hyphens and underscores', () => {
    const [d] = check(planOf('sections:', '  - title: 总体要求', '    id: general tasks'));
    expect(d).toMatchObject({ code: 'id-format', line: 5, column: 9 });
  });

  it('rejects empty strings and empty lists', () => {
    const diags = check(yamlOf('title: ""', 'year: 2026', 'sections: []'));
    expect(diags.map((d) => `${at(d)} ${d.message}`)).toEqual([
      '1:8 schema-empty 标题（title）不能是空的',
      '3:11 schema-empty 正文章节（sections）至少要有一项',
    ]);
  });

  it('rejects a boolean written in Chinese', () => {
    const [d] = check(planOf('sealed: 是'));
    expect(d).toMatchObject({ code: 'schema-type', message: '加盖印章（sealed）应为“true”或“false”，现在是文字“是”' });
  });

  it.each([
    ['.nan', '计划年度（year）不是有效的数字（.nan）'],
    ['!!binary aGVsbG8=', '计划年度（year）应为整数，现在是二进制数据'],
    ['[2026]', '计划年度（year）应为整数，现在是列表（- 开头的多项）'],
  ])('names an odd YAML value %s plainly', (value, message) => {
    const [d] = check(yamlOf('title: 示例', `year: ${value}`, 'sections: [{ title: 总体要求 }]'));
    expect(d?.message).toBe(message);
  });

  it('reports an empty value as empty', () => {
    const [d] = check(planOf('issuer:'));
    expect(d).toMatchObject({ code: 'schema-type', message: '署名（issuer）是空的，应为文字' });
  });

  it('reports all schema errors in one run, in source order', () => {
    const text = yamlOf('title: 示例', 'year: 二〇二六', 'kind: 计划', 'sections:', '  - title: 总体要求', '    txet: 正文', 'sealed: 1');
    expect(codes(text)).toEqual(['schema-type', 'schema-enum', 'unknown-key', 'schema-type']);
  });

  it('returns no value when there are errors, but the source text', () => {
    const text = yamlOf('title: 示例', 'year: x', 'sections: [{ title: 总体要求 }]');
    const result = loadPlanSource(text, 'a.yaml');
    expect(result.value).toBeUndefined();
    expect(result.source).toBe(text);
  });
});
