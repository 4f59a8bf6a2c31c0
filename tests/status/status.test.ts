import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { progressBar, renderDashboard, statusReport, wrapToWidth } from '../../src/summary/dashboard.js';
import { displayWidth } from '../../src/load/format.js';
import { loadProgressFile } from '../../src/summary/index.js';

const ESC = String.fromCharCode(27);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plandoc-status-'));
  await copyFile(join(ROOT, 'plans/changshou-2026.yaml'), join(dir, 'changshou-2026.yaml'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plandoc status', () => {
  it('prints one row per metric with target, value, rate, bar and status', () => {
    const result = runCli(['status', 'plans/changshou-2026-h1.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('2026年上半年');
    const row = result.stdout.split('\n').find((line) => line.includes('转移就业培训'))!;
    expect(row.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['18', '转移就业培训', '300人次以上', '180人次', '60.0%', '██████░░░░', '序时推进']);
    expect(result.stdout.split('\n').filter((line) => /^│\s+\d+ │/.test(line))).toHaveLength(23);
    expect(result.stdout).toContain('合计：超额完成 4 项，已完成 8 项，序时推进 6 项，滞后 4 项，未报送 1 项');
    expect(result.stdout).not.toContain(ESC); // no colour when not on a terminal
  });

  it('--format json gives the same data for machines', () => {
    const result = runCli(['status', 'plans/changshou-2026-h1.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.metrics).toHaveLength(23);
    const training = report.metrics.find((m: { id: string }) => m.id === 'transfer-training');
    expect(training).toMatchObject({ name: '转移就业培训', unit: '人次', target: '300人次以上', value: 180, date: '2026-06-30', status: '序时推进' });
    expect(training.rate).toBeCloseTo(0.6, 12);
    expect(training.expected).toBeCloseTo(181 / 365, 12);
    expect(training.yoy).toBeCloseTo(0.2, 12);
    expect(report.metrics.find((m: { id: string }) => m.id === 'toilet-renovation')).toMatchObject({ value: null, rate: null, status: '未报送' });
  });

  it('exits 1 with file:line:col diagnostics for a bad progress file, printing nothing on stdout', async () => {
    const text = (await readFile(join(ROOT, 'plans/changshou-2026-h1.yaml'), 'utf8')).replace('metric: job-fairs,', 'metric: job-fair,');
    const path = join(dir, 'bad.yaml');
    await writeFile(path, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('job-fair,')) + 1;
    const column = lines[line - 1]!.indexOf('job-fair') + 1;
    const result = runCli(['status', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${path}:${line}:${column}: 错误 [unknown-metric] 没有 id 为 “job-fair” 的指标`);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('exits 1 for a missing file and 2 for a wrong format', () => {
    const missing = runCli(['status', 'plans/nothing-here.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
    expect(runCli(['status', 'plans/changshou-2026-h1.yaml', '--format', 'xml']).code).toBe(2);
    expect(runCli(['status']).code).toBe(2);
  });

  it('works on a standalone summary without targets', () => {
    const result = runCli(['status', 'plans/pailou-2025-h1.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.metrics.find((m: { id: string }) => m.id === 'industry-award-funds')).toMatchObject({ value: 107.1564, unit: '万元', status: null });
  });
});

describe('dashboard rendering', () => {
  it('draws the bar in tenths and fills it above 100%', () => {
    expect(progressBar(0.6)).toBe('██████░░░░');
    expect(progressBar(0)).toBe('░░░░░░░░░░');
    expect(progressBar(1.5)).toBe('██████████');
    expect(progressBar(null)).toBe('          ');
  });

  it('says in one sentence when it is given a plan instead of a progress file', () => {
    const result = runCli(['status', 'plans/changshou-2026.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('plans/changshou-2026.yaml:1:1: 错误 [plan-not-progress] 这是计划文件，不是进度文件');
    expect(result.stderr).toContain('检查计划文件用 plandoc check plans/changshou-2026.yaml');
    expect(result.stderr).not.toContain('unknown-key');
  });

  it('names a progress file as such when its period is missing', async () => {
    await writeFile(join(dir, 'no-period.yaml'), 'plan: changshou-2026.yaml\nissuer: 长寿镇\n');
    const result = runCli(['status', join(dir, 'no-period.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('错误 [missing-key] 进度文件缺少统计期间（period）');
  });

  it('colours the status only when asked to', async () => {
    const loaded = await loadProgressFile(join(ROOT, 'plans/changshou-2026-h1.yaml'));
    const report = statusReport(loaded.value!, loaded.plan);
    const coloured = renderDashboard(report, { color: true });
    expect(coloured).toContain(`${ESC}[31m滞后${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[32m超额完成${ESC}[39m`);
    expect(renderDashboard(report, { color: false })).not.toContain(ESC);
  });

  it('wraps long names and targets by terminal columns, a CJK character counting two', () => {
    expect(wrapToWidth('脱贫人口和监测对象人均纯收入增速', 12)).toBe('脱贫人口和监\n测对象人均纯\n收入增速');
    expect(wrapToWidth('1—2个', 12)).toBe('1—2个');
  });

  it.each([100, 80, 70])('fits the table into a terminal %i columns wide', async (columns) => {
    const loaded = await loadProgressFile(join(ROOT, 'plans/changshou-2026-h1.yaml'));
    const table = renderDashboard(statusReport(loaded.value!, loaded.plan), { color: false, columns });
    const widths = table.split('\n').map((line) => [...line].reduce((sum, ch) => sum + displayWidth(ch), 0));
    expect(Math.max(...widths)).toBeLessThanOrEqual(columns);
    expect(table).toContain('动态清零');
    // the bar goes first when room is short; the figures stay
    expect(table.includes('进度')).toBe(columns >= 90);
    expect(table).toContain('60.0%');
  });
});
