// Bad progress data: the summary still reads correctly, and `plandoc check`
// says what is missing, in Chinese, at file:line:column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

let dir: string;
let h1: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plandoc-bad-progress-'));
  await copyFile(join(ROOT, 'plans/changshou-2026.yaml'), join(dir, 'changshou-2026.yaml'));
  h1 = await readFile(join(ROOT, 'plans/changshou-2026-h1.yaml'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

function part(markdown: string, title: string): string {
  const start = markdown.indexOf(`、${title}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? markdown.indexOf('\n***') : end);
}

describe('bad progress data', () => {
  it('missing values: the summary counts them as 尚无统计数据 and check lists them at values', async () => {
    const text = h1.replace(/^ {2}- \{ metric: (job-fairs|sales-events),.*\n/gm, '');
    const path = await write('missing.yaml', text);
    const loaded = await loadProgressFile(path);
    const markdown = composeSummaryMarkdown(loaded.value!, loaded.plan).markdown;
    expect(markdown).toContain('3项尚无统计数据');
    // nothing is said of a metric without data: no achievement, no shortfall, no computed plan
    expect(part(markdown, '主要工作及成效')).not.toContain('农产品展销活动');
    expect(part(markdown, '下半年工作计划')).not.toContain('农产品展销活动');
    const result = runCli(['check', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path}:${lineOf(text, 'values:')}:1: 警告 [value-missing] 3项指标还没有完成数据：“农产品展销活动”（sales-events）、“专场招聘会”（job-fairs）、“新增卫生户厕改造任务”（toilet-renovation）`);
  });

  it('text for a number: check points at the value and render writes nothing', async () => {
    const text = h1.replace('{ metric: job-fairs, value: 0,', '{ metric: job-fairs, value: 零场,');
    const path = await write('text-value.yaml', text);
    const line = lineOf(text, 'value: 零场');
    const column = text.split('\n')[line - 1]!.indexOf('零场') + 1;
    const result = runCli(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`${path}:${line}:${column}: 错误 [schema-type] 完成数（value）的写法不对，现在是文字“零场”`);
    const render = runCli(['render', path, '-o', join(dir, 'out-text')]);
    expect(render.code).toBe(1);
    expect(render.stderr).not.toMatch(/^\s+at /m);
  });

  it('a period of another year than the plan: check says which year to write', async () => {
    const text = h1.replace(/^ {2}year: 2026$/m, '  year: 2025');
    const path = await write('wrong-year.yaml', text);
    const result = runCli(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`${path}:${lineOf(text, 'year: 2025')}:9: 错误 [period-year] 统计期间是2025年，但所属计划是2026年度的`);
  });

  it('a growth target without last year: the summary makes no claim, check asks for lastYear', async () => {
    const text = h1.replace('{ metric: public-welfare-jobs, value: 87, date: 2026-06-30, lastYear: 87 }', '{ metric: public-welfare-jobs, value: 87, date: 2026-06-30 }');
    const path = await write('no-last-year.yaml', text);
    const loaded = await loadProgressFile(path);
    const markdown = composeSummaryMarkdown(loaded.value!, loaded.plan).markdown;
    expect(markdown).not.toContain('公益性岗位数量保持87个');
    expect(part(markdown, '存在的问题')).not.toContain('公益性岗位');
    const result = runCli(['check', path]);
    expect(result.stdout).toContain(`${path}:${lineOf(text, 'metric: public-welfare-jobs')}:5: 警告 [last-year-missing] 指标“公益性岗位数量”的目标要和上年比，这条数据没有上年同期数，算不出是否达到目标`);
  });

  it('a standalone metric without target: reported as a fact; without a value either, check says so', async () => {
    const text = [
      'title: 青山镇2027年上半年工作总结',
      'issuer: 青山镇',
      'period: { kind: half, year: 2027, half: 1 }',
      'metrics:',
      '  - { id: households, name: 监测对象户数, unit: 户 }',
      '  - { id: visits, name: 入户走访, unit: 次 }',
      'values:',
      '  - { metric: households, value: 23, date: 2027-06-30 }',
      '',
    ].join('\n');
    const path = await write('facts.yaml', text);
    const loaded = await loadProgressFile(path);
    expect(loaded.diagnostics).toEqual([]);
    const markdown = composeSummaryMarkdown(loaded.value!, loaded.plan).markdown;
    expect(markdown).toContain('监测对象户数为23户。');
    const result = runCli(['check', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path}:6:5: 警告 [metric-idle] 指标“入户走访”既没有目标也没有完成数据，总结中不会写到它`);
  });
});
