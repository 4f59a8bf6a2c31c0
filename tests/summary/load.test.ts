import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plandoc-progress-'));
  await copyFile(join(ROOT, 'plans/changshou-2026.yaml'), join(dir, 'plan.yaml'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VALID = `plan: plan.yaml
period:
  kind: half
  year: 2026
  half: 1
values:
  - metric: transfer-training
    value: 180
    unit: 人次
    date: 2026-06-30
tasks:
  - task: employment-scale
    status: 正常推进
    progress: 完成转移就业培训[[transfer-training.value]]
`;

async function load(text: string, name = 'progress.yaml') {
  const path = join(dir, name);
  await writeFile(path, text);
  return loadProgressFile(path);
}

/** Line number (1-based) of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('loadProgressFile', () => {
  it('loads a valid progress file with its plan', async () => {
    const result = await load(VALID);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.values?.[0]?.value).toBe(180);
    expect(result.plan?.year).toBe(2026);
  });

  it('reports a value for an unknown metric at its metric line', async () => {
    const text = VALID.replace('metric: transfer-training', 'metric: transfer-trainig');
    const result = await load(text);
    expect(result.value).toBeUndefined();
    const diag = result.diagnostics.find((d) => d.code === 'unknown-metric');
    expect(diag).toMatchObject({ severity: 'error', line: lineOf(text, 'transfer-trainig'), column: 13 });
    expect(diag?.message).toContain('transfer-trainig');
  });

  it('reports a period outside the plan year at period.year, and not every date again', async () => {
    const text = VALID.replace('year: 2026', 'year: 2025');
    const result = await load(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['period-year']);
    const diag = result.diagnostics.find((d) => d.code === 'period-year');
    expect(diag).toMatchObject({ line: lineOf(text, 'year: 2025'), column: 9 });
    expect(diag?.message).toContain('2026年度');
  });

  it('reports a unit that differs from the plan unit', async () => {
    const text = VALID.replace('unit: 人次', 'unit: 人');
    const result = await load(text);
    const diag = result.diagnostics.find((d) => d.code === 'unit-mismatch');
    expect(diag).toMatchObject({ line: lineOf(text, 'unit: 人'), column: 11 });
    expect(diag?.message).toContain('人次');
  });

  it('reports a missing plan file at the plan line', async () => {
    const text = VALID.replace('plan: plan.yaml', 'plan: nowhere.yaml');
    const result = await load(text);
    expect(result.value).toBeUndefined();
    const diag = result.diagnostics.find((d) => d.code === 'plan-missing');
    expect(diag).toMatchObject({ line: 1, column: 7, severity: 'error' });
    expect(diag?.message).toContain('nowhere.yaml');
  });

  it('reports an unknown task id', async () => {
    const text = VALID.replace('task: employment-scale', 'task: employment-size');
    const result = await load(text);
    expect(result.diagnostics.find((d) => d.code === 'unknown-task')).toMatchObject({ line: lineOf(text, 'employment-size'), column: 11 });
  });

  it('reports a date outside the period', async () => {
    const text = VALID.replace('date: 2026-06-30', 'date: 2026-08-31');
    const result = await load(text);
    expect(result.diagnostics.find((d) => d.code === 'date-outside-period')).toMatchObject({ line: lineOf(text, '2026-08-31') });
  });

  it('reports a citation that cannot be filled, at the citation', async () => {
    const text = VALID.replace('[[transfer-training.value]]', '[[transfer-training.valeu]]');
    const result = await load(text);
    const diag = result.diagnostics.find((d) => d.code === 'unknown-citation');
    const line = lineOf(text, '.valeu');
    expect(diag).toMatchObject({ line, column: text.split('\n')[line - 1]!.indexOf('[[') + 1 });
  });

  it('reports a boolean for a numeric metric and a schema error in Chinese', async () => {
    const wrongType = await load(VALID.replace('value: 180', 'value: true'));
    expect(wrongType.diagnostics.map((d) => d.code)).toContain('value-type');
    const badStatus = await load(VALID.replace('status: 正常推进', 'status: 进行中'));
    expect(badStatus.value).toBeUndefined();
    expect(badStatus.diagnostics[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names keys whose schema is a $ref by their Chinese title, and the file as 进度文件', async () => {
    const misspelt = await load(VALID.replace(/^period:/m, 'peroid:'));
    const unknown = misspelt.diagnostics.find((d) => d.code === 'unknown-key')!;
    expect(unknown.hint).toBe('是不是想写“period”（统计期间）？');
    const missing = misspelt.diagnostics.find((d) => d.code === 'missing-key')!;
    expect(missing.message).toBe('进度文件缺少统计期间（period）');
  });

  it('warns about two values of one metric on one date, and still loads', async () => {
    const text = VALID.replace('values:\n', 'values:\n  - { metric: transfer-training, value: 170, date: 2026-06-30 }\n');
    const result = await load(text);
    expect(result.value).toBeDefined();
    expect(result.diagnostics).toMatchObject([{ code: 'duplicate-value', severity: 'warning', line: lineOf(text, 'date: 2026-06-30') + 4 }]);
  });

  it('warns when a cumulative figure shrinks (a monthly figure typed instead of the running total)', async () => {
    const text = VALID.replace('values:\n', 'values:\n  - { metric: transfer-training, value: 200, date: 2026-05-31 }\n');
    const result = await load(text);
    expect(result.value).toBeDefined();
    expect(result.diagnostics).toMatchObject([{ code: 'cumulative-decrease', severity: 'warning', line: lineOf(text, 'value: 180') }]);
  });

  it('reports a missing progress file without a position', async () => {
    const result = await loadProgressFile(join(dir, 'absent.yaml'));
    expect(result.diagnostics).toMatchObject([{ code: 'file-missing', line: 0 }]);
  });

  it('loads every progress file in plans/ without a problem', async () => {
    for (const name of ['pailou-2025-h1.yaml', 'changshou-2026-h1.yaml', 'changshou-2026-year.yaml']) {
      const result = await loadProgressFile(join(ROOT, 'plans', name));
      expect(result.diagnostics, name).toEqual([]);
      expect(result.value, name).toBeDefined();
    }
  });
});
