// Semantic rules: what the schema cannot say, each with its code, message and position.
import { describe, expect, it } from 'vitest';
import { at, check, codes, col, only, planOf, yamlOf } from './support.js';

/** A plan with one goal section (id goals, line 5-6) and the given metric lines from line 7. */
function withMetric(text: string, ...metric: string[]): string {
  return yamlOf('title: 示例', 'year: 2026', 'sections:', '  - title: 工作目标', '    id: goals', `    text: ${text}`, 'metrics:', ...metric);
}

describe('ids', () => {
  it('share one namespace across sections, metrics and basis', () => {
    const text = planOf('basis: [{ id: general, title: 上级文件 }]', 'metrics:', '  - { id: general, name: 指标, target: { kind: achieve, statement: 全覆盖 }, task: general }');
    const diags = only(text, 'duplicate-id');
    expect(diags.map(at)).toEqual(['7:15 duplicate-id', '9:11 duplicate-id']);
    expect(diags[0]?.message).toBe('编号“general”重复了，第 5 行已经用过');
  });

  it('accept distinct ids', () => {
    expect(only(planOf('basis: [{ id: upper, title: 上级文件 }]'), 'duplicate-id')).toEqual([]);
  });
});

describe('metric task references', () => {
  it('must name a section id, with a suggestion for a typo', () => {
    const line = '  - { id: m, name: 知晓率, unit: "%", target: { kind: atLeast, value: 90 }, task: goal }';
    const [d] = only(withMetric('达到90%以上。', line), 'unknown-task');
    expect(d).toMatchObject({ line: 8, column: col(line, 'goal }'), message: '所属章节（task）“goal”找不到：没有哪个章节的编号（id）是它', hint: '是不是想写“goals”？' });
  });

  it('say so when the id belongs to a metric', () => {
    const [d] = only(withMetric('达到90%以上。', '  - { id: m, name: 知晓率, unit: "%", target: { kind: atLeast, value: 90 }, task: m }'), 'unknown-task');
    expect(d?.message).toBe('所属章节（task）“m”是指标或依据文件的编号，不是章节的编号');
  });

  it('resolve to a section at any level', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'sections:', '  - title: 任务', '    children:', '      - title: 培训', '        id: training', '        text: 培训300人次。',
      'metrics:', '  - { id: m, name: 培训, unit: 人次, target: { kind: atLeast, value: 300 }, task: training }');
    expect(check(text)).toEqual([]);
  });
});

describe('citations', () => {
  const base = ['basis: [{ id: upper, title: 上级文件, number: 上发〔2026〕1号 }]', 'metrics:', '  - { id: rate, name: 知晓率, unit: "%", target: { kind: atLeast, value: 90 }, task: general }'];

  it('resolve to metric and basis ids', () => {
    const diags = check(planOf(...base, 'opening: 根据[[upper]]，知晓率[[rate]]。'));
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('point at the unknown citation inside the text', () => {
    const [d] = only(planOf(...base, 'opening: 根据[[uper]]制定。'), 'unknown-citation');
    expect(d).toMatchObject({ line: 10, column: 12, message: '引用“[[uper]]”找不到：没有编号为“uper”的指标或依据文件', hint: '是不是想写“[[upper]]”？' });
  });

  it('are checked in titles, closings, list items, milestones and attachments', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'sections:',
      '  - title: 标题[[a]]', '    text:', '      - list:', '          - 项[[b]]', '    closing: 结尾[[c]]', '    milestones:', '      - date: 2026-06-30', '        text: 节点[[d]]',
      'attachments:', '  - title: 附件', '    text: 附件[[e]]');
    expect(only(text, 'unknown-citation').map((d) => d.message.slice(0, 9))).toEqual(['引用“[[b]]”', '引用“[[c]]”', '引用“[[d]]”', '引用“[[e]]”']);
    expect(only(text, 'citation-in-title').map((d) => `${at(d)} ${d.message}`)).toEqual(['4:14 citation-in-title 标题里不能引用“[[a]]”：标题按原样印出']);
  });

  it('reject spaces inside a citation, which the renderer would print as typed', () => {
    const [d] = only(planOf(...base, 'opening: 达到[[ rate ]]。'), 'citation-format');
    expect(d).toMatchObject({ line: 10, column: 12, message: '引用“[[ rate ]]”里有空格，不会被当作引用', hint: '去掉空格，写成“[[rate]]”。' });
  });

  it('may not cite a section', () => {
    const [d] = only(planOf('opening: 见[[general]]。'), 'unknown-citation');
    expect(d?.message).toBe('引用“[[general]]”指向一个章节，只能引用指标或依据文件');
  });

  it('ignore an escaped \\[[', () => {
    expect(check(planOf('opening: 写作\\[[literal]]。'))).toEqual([]);
  });

  it('explain that a citation inside [...] or at the start of a value needs quotes', () => {
    for (const line of ['opening: [[rate]]。', 'recipients: [各村[[rate]]]']) {
      const [d] = check(planOf(...base, line));
      expect(d?.hint, line).toContain('用引号括起来');
    }
  });

  it('report an empty citation', () => {
    expect(only(planOf('opening: 空[[]]。'), 'unknown-citation')[0]?.message).toBe('引用“[[]]”里没有写编号');
  });

  it('are found inside block scalars on later lines', () => {
    const [d] = only(planOf('opening: |', '  第一行。', '  第二行引用[[nope]]。'), 'unknown-citation');
    expect(at(d)).toBe('9:8 unknown-citation');
  });
});

describe('dates', () => {
  it('must be real calendar dates', () => {
    const [d] = only(planOf('date: 2026-02-30'), 'date-invalid');
    expect(d).toMatchObject({ line: 7, column: 7, message: '成文日期“2026-02-30”不是真实的日期：2026年2月只有28天' });
  });

  it('know leap years', () => {
    expect(only(yamlOf('title: 示例', 'year: 2024', 'date: 2024-02-29', 'sections: [{ title: 总体要求 }]'), 'date-invalid')).toEqual([]);
    expect(only(planOf('printedDate: 2026-13-01'), 'date-invalid')[0]?.message).toBe('印发日期“2026-13-01”不是真实的日期：没有 13 月');
  });

  it('are checked in deadlines and milestones, ISO or written in words', () => {
    const text = planOf('sections:', '  - title: 任务', '    deadline: 2026年6月31日前', '    milestones: [{ date: 2026-04-31, text: 节点 }]');
    const diags = only(text, 'date-invalid');
    expect(diags.map((d) => d.message)).toEqual(['完成时限“2026年6月31日”不是真实的日期：2026年6月只有30天', '节点日期“2026-04-31”不是真实的日期：2026年4月只有30天']);
    expect(diags.map(at)).toEqual(['5:15 date-invalid', '6:26 date-invalid']);
  });

  it('warn when the date is far from the plan year', () => {
    const [d] = only(planOf('date: 2023-01-14'), 'date-year');
    expect(d).toMatchObject({ severity: 'warning', message: '成文日期是 2023 年，但计划年度（year）是 2026 年' });
  });

  it('accept a plan signed late in the previous year', () => {
    expect(check(planOf('date: 2025-12-28'))).toEqual([]);
  });
});

describe('metric targets', () => {
  it('order ranges', () => {
    const line = '  - { id: m, name: 场次, unit: 场, target: { kind: range, min: 3, max: 2 }, task: goals }';
    const [d] = only(withMetric('开展3—2场。', line), 'range-order');
    expect(d).toMatchObject({ line: 8, column: col(line, '3, max'), message: '区间的下限 3 大于上限 2' });
  });

  it('keep percentages within 0–100', () => {
    const line = '  - { id: m, name: 比例, unit: "%", target: { kind: exact, value: 120 }, task: goals }';
    const diags = only(withMetric('达到120%。', line), 'percent-range');
    expect(diags.map((d) => `${at(d)} ${d.message}`)).toEqual([`8:${col(line, '120')} percent-range 百分比应在 0 到 100 之间，现在是 120%`]);
  });

  it('allow growth rates above 100%', () => {
    expect(check(withMetric('增长150%以上。', '  - { id: m, name: 收入, unit: "%", target: { kind: growth, rate: 150 }, task: goals }'))).toEqual([]);
  });

  it('need a unit wherever the target has a number', () => {
    const [d] = only(withMetric('开展3场。', '  - id: m', '    name: 场次', '    target: { kind: exact, value: 3 }', '    task: goals'), 'unit-missing');
    expect(d).toMatchObject({ line: 8, column: 5, message: '指标“场次”的目标有数字，但没有写单位（unit）' });
  });

  it('need no unit for a yes/no achievement', () => {
    expect(check(withMetric('实现全覆盖。', '  - { id: m, name: 覆盖, target: { kind: achieve, statement: 实现全覆盖 }, task: goals }'))).toEqual([]);
  });
});

describe('metric-not-in-text', () => {
  const metric = '  - { id: rate, name: 知晓率, unit: "%", target: { kind: atLeast, value: 90 }, task: goals }';

  it('warns when the target number is missing from the task text', () => {
    const [d] = only(withMetric('知晓率达到95%以上。', metric), 'metric-not-in-text');
    expect(d).toMatchObject({ severity: 'warning', line: 8, column: 39 });
    expect(d?.message).toBe('指标与正文脱节：指标“知晓率”的目标数 90 在所属章节“工作目标”的正文里找不到');
    expect(d?.hint).toContain('[[rate]]');
  });

  it('is quiet when the number appears or the metric is cited', () => {
    expect(check(withMetric('知晓率达到90%以上。', metric))).toEqual([]);
    expect(check(withMetric('知晓率[[rate]]。', metric))).toEqual([]);
  });

  it('does not match a number inside a longer number', () => {
    expect(codes(withMetric('知晓率达到190%。', metric))).toContain('metric-not-in-text');
    expect(codes(withMetric('知晓率达到90.5%。', metric))).toContain('metric-not-in-text');
  });

  it('accepts 万 for round ten-thousands and looks into child sections', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'sections:', '  - title: 产业', '    id: goals', '    children:', '      - text: 收入稳定在10万元以上。',
      'metrics:', '  - { id: m, name: 收入, unit: 元, target: { kind: atLeast, value: 100000 }, task: goals }');
    expect(check(text)).toEqual([]);
  });
});

describe('sections', () => {
  it('may not nest deeper than four levels', () => {
    const text = planOf('sections:', '  - title: 一', '    children:', '      - title: 二', '        children:', '          - title: 三',
      '            children:', '              - title: 四', '                children:', '                  - title: 五');
    const diags = check(text);
    expect(diags.map(at)).toEqual(['11:17 section-too-deep']);
    expect(diags[0]?.message).toContain('第五级');
  });

  it.each([
    ['一、总体要求', '一、'],
    ['（一）指导思想', '（一）'],
    ['(二) 工作目标', '(二)'],
    ['1.优化动态监测机制', '1.'],
    ['2、强化帮扶', '2、'],
    ['（1）教育帮扶', '（1）'],
    ['第一部分 总体要求', '第一部分'],
  ])('reject a typed heading number in "%s"', (title, number) => {
    const [d] = only(planOf('sections:', `  - title: ${title}`), 'heading-number');
    expect(d).toMatchObject({ line: 4, column: 12, message: `标题里写了序号“${number}”` });
  });

  it.each(['2026年工作目标', '1—2个特色产业', '3.5万元目标', '十四五规划衔接'])('accept "%s" as a title', (title) => {
    expect(only(planOf('sections:', `  - title: ${title}`), 'heading-number')).toEqual([]);
  });

  it('need a title or a text', () => {
    const [d] = only(planOf('sections:', '  - id: empty', '    lead: 镇党政办'), 'section-empty');
    expect(d).toMatchObject({ line: 4, column: 5, message: '这一节既没有标题（title）也没有正文（text）' });
  });
});

describe('placeholders', () => {
  it.each(['待填写', 'TODO', 'XX镇', '××村', '待补充'])('reject "%s"', (value) => {
    const [d] = only(planOf(`issuer: ${value}`), 'placeholder');
    expect(d).toMatchObject({ line: 7, code: 'placeholder' });
  });

  it('replace the type error of a placeholder in a number field', () => {
    const diags = check(yamlOf('title: 示例', 'year: 待填写', 'sections: [{ title: 总体要求 }]'));
    expect(diags.map(at)).toEqual(['2:7 placeholder']);
    expect(diags[0]?.message).toBe('这里还是占位文字“待填写”');
  });

  it('point at the placeholder inside a longer text', () => {
    const [d] = only(planOf('opening: 全年完成XX项任务。'), 'placeholder');
    expect(at(d)).toBe(`7:${col('opening: 全年完成XX项任务。', 'XX')} placeholder`);
  });
});

describe('numbers', () => {
  it('reject numbers too large to be exact', () => {
    const diags = check(withMetric('达到1e20个。', '  - { id: m, name: 数, unit: 个, target: { kind: atLeast, value: 100000000000000000000 }, task: goals }'));
    expect(diags.map((d) => d.code)).toContain('number-too-large');
  });

  it('report infinite numbers once, as too large', () => {
    const line = '  - { id: m, name: 数, unit: 个, target: { kind: atLeast, value: 1e999 }, task: goals }';
    const diags = check(withMetric('达到。', line));
    expect(diags.filter((d) => d.severity === 'error').map(at)).toEqual([`8:${col(line, '1e999')} number-too-large`]);
  });
});

describe('all problems in one run', () => {
  it('reports schema and semantic errors together', () => {
    const text = yamlOf('title: 示例', 'year: 二〇二六', 'date: 2026-02-30', 'sections:', '  - title: 一、总体要求', '    id: a', '  - title: 重点任务', '    id: a', '    txet: 正文');
    expect(codes(text)).toEqual(['schema-type', 'date-invalid', 'heading-number', 'duplicate-id', 'unknown-key']);
  });
});
