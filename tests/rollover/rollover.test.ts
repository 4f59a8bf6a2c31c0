import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOutput, latestActuals } from '../../src/rollover/command.js';
import { rolloverSource } from '../../src/rollover/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'plans', 'changshou-2026.yaml');

const YEAR_END = `plan: changshou-2026.yaml
period: { kind: year, year: 2026 }
issuer: 长寿镇
values:
  - { metric: transfer-training, value: 180, date: 2026-06-30 }
  - { metric: transfer-training, value: 356, unit: 人次, date: 2026-12-31 }
  - { metric: public-welfare-jobs, value: 90, date: 2026-12-31 }
  - { metric: risk-zero, value: true, date: 2026-12-31 }
`;

describe('plandoc rollover', () => {
  let dir: string;
  let result: ReturnType<typeof runCli>;
  let draft: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandoc-rollover-'));
    copyFileSync(EXAMPLE, join(dir, 'changshou-2026.yaml'));
    writeFileSync(join(dir, 'changshou-2026-year.yaml'), YEAR_END);
    result = runCli(['rollover', 'changshou-2026.yaml', '--progress', 'changshou-2026-year.yaml'], { cwd: dir });
    draft = existsSync(join(dir, 'changshou-2027.yaml')) ? readFileSync(join(dir, 'changshou-2027.yaml'), 'utf8') : '';
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes next year beside the old plan and leaves the old plan untouched', () => {
    expect(result.stderr).toContain('已生成 changshou-2027.yaml');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'changshou-2026.yaml'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('is a valid plan for the new year with the same structure, ids and metrics', () => {
    const before = loadPlanSource(readFileSync(EXAMPLE, 'utf8'), 'old.yaml').value!;
    const loaded = loadPlanSource(draft, 'changshou-2027.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = loaded.value!;
    expect(after.year).toBe(2027);
    expect(after.title).toBe(before.title.replace('2026年', '2027年'));
    expect(after.date).toBeUndefined();
    expect(after.publication).toBeUndefined();
    const ids = (plan: typeof before) => JSON.stringify(plan.sections, (key, value) => (key === 'text' ? undefined : value));
    expect(ids(after)).toBe(ids(before));
    expect(after.metrics!.map((m) => [m.id, m.target])).toEqual(before.metrics!.map((m) => [m.id, m.target]));
  });

  it("makes last year's latest actual values the baselines", () => {
    const metrics = loadPlanSource(draft, 'x.yaml').value!.metrics!;
    expect(metrics.find((m) => m.id === 'transfer-training')!.baseline).toEqual({ value: 356, year: 2026 });
    expect(metrics.find((m) => m.id === 'public-welfare-jobs')!.baseline).toEqual({ value: 90, year: 2026 });
    expect(metrics.find((m) => m.id === 'risk-zero')!.baseline).toBeUndefined();
    expect(result.stderr).toContain('基数 2 项');
  });

  it('marks every target for review and keeps the comments of the old file', () => {
    const metricCount = loadPlanSource(draft, 'x.yaml').value!.metrics!.length;
    expect(draft.match(/# 待复核：沿用2026年目标/g)).toHaveLength(metricCount);
    expect(draft.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    for (const comment of readFileSync(EXAMPLE, 'utf8').match(/#[^\n]*/g)!) expect(draft).toContain(comment.trim());
  });

  it('lists each year replacement with its line in the report', () => {
    const titleLine = readFileSync(EXAMPLE, 'utf8').split('\n').findIndex((line) => line.startsWith('title:')) + 1;
    expect(result.stderr).toContain(`changshou-2026.yaml:${titleLine} title：长寿镇2026年`);
    expect(result.stderr).toMatch(/已清除.*成文日期 2026-01-14/);
  });

  it('refuses to overwrite the draft, and never writes over the old plan', () => {
    const again = runCli(['rollover', 'changshou-2026.yaml'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('changshou-2027.yaml 已经存在');
    const self = runCli(['rollover', 'changshou-2026.yaml', '-o', 'changshou-2026.yaml', '--force'], { cwd: dir });
    expect(self.code).toBe(2);
    expect(readFileSync(join(dir, 'changshou-2026.yaml'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('reports an invalid plan with its position and exit 1', () => {
    writeFileSync(join(dir, 'bad-2026.yaml'), 'title: x\nyear: 2026\nsections: 3\n');
    const bad = runCli(['rollover', 'bad-2026.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-2026\.yaml:3:\d+: 错误/);
    expect(existsSync(join(dir, 'bad-2027.yaml'))).toBe(false);
  });

  it('warns when the progress file belongs to another plan', () => {
    copyFileSync(EXAMPLE, join(dir, 'other-2026.yaml'));
    const other = runCli(['rollover', 'other-2026.yaml', '--progress', 'changshou-2026-year.yaml'], { cwd: dir });
    expect(other.code).toBe(0);
    expect(other.stderr).toContain('对应的计划是 changshou-2026.yaml，不是 other-2026.yaml');
    expect(result.stderr).not.toContain('警告');
  });

  it('rejects a year equal to the old one as wrong usage', () => {
    expect(runCli(['rollover', 'changshou-2026.yaml', '--year', '2026', '-o', 'y.yaml'], { cwd: dir }).code).toBe(2);
  });
});

describe('rolloverSource', () => {
  const source = `title: 长寿镇2026年工作计划
year: 2026
date: 2026-01-14
docNumber: 长府发〔2026〕3号
basis:
  - { title: 关于做好2026年工作的通知, number: 县发〔2026〕1号 }
opening: 为完成2024—2026年三年行动收官任务，在2025年工作基础上，制定2026年计划。
sections:
  - id: y2026-task
    title: 2026年重点
    deadline: 2026年6月底前
    milestones:
      - { date: 2026-03-31, text: 完成2026年摸底 }
    text: 力争2027年全面完成。
metrics:
  - id: m
    name: 培训
    unit: 人次
    task: y2026-task
    baseline: { value: 250, year: 2025 }
    target: { kind: atLeast, value: 300 }
`;

  it('shifts only the plan year, and lists every replacement', () => {
    const result = rolloverSource(source);
    expect(result.toYear).toBe(2027);
    expect(result.text).toContain('opening: 为完成2024—2026年三年行动收官任务，在2025年工作基础上，制定2027年计划。');
    expect(result.text).toContain('title: 2027年重点');
    expect(result.text).toContain('deadline: 2027年6月底前');
    expect(result.text).toContain('{ date: 2027-03-31, text: 完成2027年摸底 }');
    expect(result.text).toContain('text: 力争2027年全面完成。');
    expect(result.text).toContain('id: y2026-task');
    expect(result.text).toContain('关于做好2026年工作的通知');
    expect(result.replacements.map((r) => [r.line, r.field])).toEqual([
      [1, 'title'],
      [7, 'opening'],
      [10, 'sections[0].title'],
      [11, 'sections[0].deadline'],
      [13, 'sections[0].milestones[0].date'],
      [13, 'sections[0].milestones[0].text'],
    ]);
  });

  it('clears the furniture of the issued document and keeps an old baseline without actuals', () => {
    const result = rolloverSource(source, { year: 2028 });
    expect(result.cleared.map((c) => c.field)).toEqual(['成文日期', '文号']);
    expect(result.text).not.toMatch(/^date:|^docNumber:/m);
    expect(result.text).toContain('baseline: { value: 250, year: 2025 }');
    expect(result.text).toContain('year: 2028');
    expect(result.text).toContain('target: { kind: atLeast, value: 300 } # 待复核：沿用2026年目标');
  });
});

describe('rolloverSource with a comparison year', () => {
  it('moves the year a vsLastYear target compares with, by as many years as the plan', () => {
    const source = `title: 松涛乡2022年工作要点
year: 2022
sections:
  - { id: jobs, title: 就业 }
metrics:
  - id: workers
    name: 务工人数
    task: jobs
    unit: 人
    target:
      kind: vsLastYear
      relation: above
      year: 2021
  - { id: income, name: 收入, task: jobs, unit: 元, target: { kind: vsLastYear, relation: notBelow } }
`;
    const result = rolloverSource(source, { year: 2024 });
    expect(result.text).toMatch(/relation: above\n\s+year: 2023\n/);
    expect(result.text).toContain('target: { kind: vsLastYear, relation: notBelow } # 待复核：沿用2022年目标');
    expect(result.replacements.filter((r) => r.field === 'metrics[0].target.year')).toEqual([
      { line: 13, field: 'metrics[0].target.year', before: '2021', after: '2023' },
    ]);
  });
});

describe('rollover helpers', () => {
  it('names the draft after the old file with the year replaced', () => {
    expect(defaultOutput('plans/changshou-2026.yaml', 2026, 2027)).toBe(join('plans', 'changshou-2027.yaml'));
    expect(defaultOutput('plan.yaml', 2026, 2027)).toBe('plan-2027.yaml');
  });

  it('takes the latest numeric value of each metric', () => {
    const actuals = latestActuals([
      { metric: 'a', value: 5, date: '2026-12-31' },
      { metric: 'a', value: 3, date: '2026-06-30' },
      { metric: 'b', value: true, date: '2026-12-31' },
    ]);
    expect([...actuals]).toEqual([['a', 5]]);
  });
});
