// Lint over whole files: positions mapped back to YAML line:column through
// every scalar style, data keys skipped, --fix editing only the fixed
// characters (comments, key order and layout byte for byte), idempotence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixSource, lintMarkdownSource, lintPlanSource, lintSource } from '../../src/lint/index.js';
import { ROOT } from '../helpers/cli.js';

const PLAN = `# yaml-language-server: $schema=../schema/plan.schema.json
# 长寿镇 2026 年计划（注释要保留）
title: 长寿镇2026年工作计划
year: 2026
date: 2026-01-14   # 成文日期
publication:
  indexNo: 113/2026-2354051
  generated: 2026-01-14 10:54:56
sections:
  - id: s1
    title: 一、总体要求
    children:
      - id: s1-1
        title: 指导思想
        text: 以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神。   # 行尾注释
      - id: s1-2
        title: "工作目标:"
        runIn: true
        text:
          - "培育壮大1-2个特色主导产业,村级集体经济经营性收入稳定在10万元以上。"
          - list:
              - 教育帮扶:健全控辍保学机制。
              - '健康帮扶：参保率达100%。'
      - id: s1-3
        title: 保障措施
        text: |
          坚持“中央统筹、省负总责、市县乡抓落实”工作机制,落实责任。
          成立工作领导小组 。
        closing: >
          加大财政投入力度,整合各类涉农资金
          向乡村振兴重点领域倾斜。
metrics:
  - id: m1
    name: 转移就业培训
    unit: 人次
    target: { kind: atLeast, value: 300 }
    task: s1-1
`;

function at(text: string, line: number, column: number): string {
  return text.split('\n')[line - 1]!.slice(column - 1);
}

describe('lintPlanSource', () => {
  const findings = lintPlanSource(PLAN, 'plan.yaml');

  it('reports findings at the YAML line and column of the offending character', () => {
    const comma = findings.find((d) => d.code === 'TX-01' && d.line === 15)!;
    expect(comma).toMatchObject({ file: 'plan.yaml', severity: 'warning' });
    expect(at(PLAN, comma.line, comma.column).startsWith(',深入学习')).toBe(true);
  });

  it('maps positions inside double-quoted, single-quoted, literal and folded scalars', () => {
    const quoted = findings.find((d) => d.code === 'TX-02' && d.line === 20)!;
    expect(at(PLAN, quoted.line, quoted.column).startsWith('1-2个')).toBe(true);
    const listItem = findings.find((d) => d.code === 'TX-01' && d.line === 22)!;
    expect(at(PLAN, listItem.line, listItem.column).startsWith(':健全')).toBe(true);
    const literal = findings.find((d) => d.code === 'TX-01' && d.line === 27)!;
    expect(at(PLAN, literal.line, literal.column).startsWith(',落实责任')).toBe(true);
    const blank = findings.find((d) => d.code === 'TX-04' && d.line === 28)!;
    expect(at(PLAN, blank.line, blank.column)).toBe(' 。');
    const folded = findings.find((d) => d.code === 'TX-01' && d.line === 30)!;
    expect(at(PLAN, folded.line, folded.column).startsWith(',整合')).toBe(true);
  });

  it('checks titles: typed numbers (PL-06) and a final mark (PL-07)', () => {
    expect(findings.find((d) => d.line === 11)).toMatchObject({ code: 'PL-06', column: 12 });
    const mark = findings.find((d) => d.line === 17)!;
    expect(mark.code).toBe('PL-07');
    expect(at(PLAN, mark.line, mark.column)).toBe(':"');
  });

  it('never lints data: ids, dates, publication, units, numbers, comments', () => {
    expect(findings.filter((d) => [3, 4, 5, 6, 7, 8, 9, 32, 33, 35, 36, 37].includes(d.line))).toEqual([]);
  });

  it('gives nothing for a file that does not parse (the loader reports it)', () => {
    expect(lintPlanSource('title: [unclosed\nyear: 2026,\n', 'bad.yaml')).toEqual([]);
  });

  it('finds nothing in the example plans, which follow the conventions', () => {
    for (const file of ['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml']) {
      const errors = lintPlanSource(readFileSync(join(ROOT, file), 'utf8'), file);
      expect(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    }
  });
});

describe('progress files', () => {
  const PROGRESS = `plan: changshou-2026.yaml
period: { kind: half, year: 2026, half: 1 }
values:
  - { metric: transfer-training, value: 180, unit: 人次, date: 2026-06-30, note: 镇劳动保障所月报(含外出务工) }
tasks:
  - task: employment-scale
    status: 正常推进
    progress: 完成劳动力就业意愿摸排,完成转移就业培训[[transfer-training.value]]
`;

  it('lints the prose of progress files (notes in flow maps too) and skips ids and data', () => {
    const findings = lintPlanSource(PROGRESS, 'h1.yaml');
    expect(findings.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:88 TX-01', '4:94 TX-01', '8:26 TX-01']);
    expect(fixSource(PROGRESS, 'h1.yaml').text).toBe(PROGRESS.replace('(含外出务工)', '（含外出务工）').replace('摸排,', '摸排，'));
  });

  it('finds no errors in the example progress file', () => {
    const file = 'plans/changshou-2026-h1.yaml';
    expect(lintPlanSource(readFileSync(join(ROOT, file), 'utf8'), file)).toEqual([]);
  });
});

describe('fixSource', () => {
  const { text: fixed, changes } = fixSource(PLAN, 'plan.yaml');

  it('changes only the fixed characters: comments, keys and untouched lines stay byte for byte', () => {
    const before = PLAN.split('\n');
    const after = fixed.split('\n');
    expect(after).toHaveLength(before.length);
    const changedLines = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    expect(changedLines).toEqual([11, 15, 17, 20, 22, 27, 28, 30]);
    expect(after[14]).toBe('        text: 以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神。   # 行尾注释');
    expect(after[10]).toBe('    title: 总体要求');
    expect(after[16]).toBe('        title: "工作目标"');
    expect(after[19]).toBe('          - "培育壮大1—2个特色主导产业，村级集体经济经营性收入稳定在10万元以上。"');
    expect(after[27]).toBe('          成立工作领导小组。');
    expect(after[29]).toBe('          加大财政投入力度，整合各类涉农资金');
  });

  it('reports every change with its position, rule and the text before and after', () => {
    expect(changes).toContainEqual({ line: 15, column: 35, code: 'TX-01', before: ',', after: '，' });
    expect(changes).toContainEqual(expect.objectContaining({ line: 11, code: 'PL-06', before: '一、', after: '' }));
    expect(changes.find((c) => c.code === 'TX-04')).toMatchObject({ line: 28, before: ' ', after: '' });
  });

  it('leaves no safe fix behind and is idempotent', () => {
    expect(lintPlanSource(fixed, 'plan.yaml').filter((d) => d.fix?.safe)).toEqual([]);
    expect(fixSource(fixed, 'plan.yaml')).toEqual({ text: fixed, changes: [] });
  });

  it('keeps the same data apart from the fixed prose', async () => {
    const { parse } = await import('yaml');
    const data = parse(fixed);
    expect(data.metrics).toEqual(parse(PLAN).metrics);
    expect(data.publication).toEqual(parse(PLAN).publication);
    expect(data.sections[0].children[2].closing).toBe('加大财政投入力度，整合各类涉农资金 向乡村振兴重点领域倾斜。\n');
  });

  it('never applies a fix that would turn prose into YAML syntax', () => {
    const source = 'title: 计划\nyear: 2026\nsections:\n  - title: 一、[x]\n    text: 1、\n';
    expect(fixSource(source, 'plan.yaml')).toEqual({ text: source, changes: [] });
    const [typedNumber, numberForm] = lintPlanSource(source, 'plan.yaml');
    expect(typedNumber).toMatchObject({ code: 'PL-06', line: 4 });
    expect(typedNumber!.fix).toBeUndefined();
    expect(typedNumber!.hint).toContain('这一处需要手工修改');
    expect(numberForm).toMatchObject({ code: 'PL-06', line: 5 });
    expect(numberForm!.fix).toBeUndefined();
  });

  it('never applies an unsafe fix or one that spans an escape', () => {
    const source = 'title: 计划\nyear: 2026\nsections:\n  - title: 目标\n    text: "完成任务，。坚持\\u0020,推进"\n';
    const { text } = fixSource(source, 'plan.yaml');
    expect(text).toContain('任务，。坚持');
  });
});

describe('Markdown and plain text', () => {
  const markdown = `---
title: 长寿镇2026年工作计划
issuer: 长寿镇
---

# 长寿镇2026年工作计划

## 一、总体要求

**1. 底线坚守:**健全机制,确保风险动态清零。

- 教育帮扶:健全机制。

\`\`\`
code, stays: as is
\`\`\`
`;

  it('reports positions in the Markdown body and skips code blocks', () => {
    const findings = lintMarkdownSource(markdown, 'plan.md');
    expect(findings.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['10:10 TX-01', '10:17 TX-01', '12:7 TX-01']);
  });

  it('does not flag heading numbers a hand-written Markdown file types, but flags a final mark', () => {
    expect(lintMarkdownSource('## 一、总体要求\n', 'a.md')).toEqual([]);
    expect(lintMarkdownSource('## 一、总体要求。\n', 'a.md').map((d) => d.code)).toEqual(['PL-07']);
  });

  it('lints table cells without taking their padding for stray blanks', () => {
    const table = '| 指标 | 目标 |\n|---|---|\n| 转移就业培训 | — |\n| 招聘会 | 2-3场 |\n';
    expect(lintMarkdownSource(table, 't.md').map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:9 TX-02']);
  });

  it('lints front matter prose as YAML with file positions', () => {
    const findings = lintSource('---\ntitle: 计划,草稿\n---\n正文。\n', 'x.md');
    expect(findings.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['2:10 TX-01']);
  });

  it('fixes Markdown in place', () => {
    const { text } = fixSource(markdown, 'plan.md');
    expect(text).toContain('**1. 底线坚守：**健全机制，确保风险动态清零。');
    expect(text).toContain('code, stays: as is');
  });

  it('lints a .txt file line by line', () => {
    const findings = lintSource('第一行。\n坚持“集中排查+每月常态化摸排”制度,坚决杜绝。\n', 'old.txt');
    expect(findings.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['2:19 TX-01']);
  });
});
