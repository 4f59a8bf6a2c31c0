// The changed-number test: change one tracked value, render again, and every
// sentence and table cell citing it changes while nothing else does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plandoc-changed-'));
  await copyFile(join(ROOT, 'plans/changshou-2026.yaml'), join(dir, 'changshou-2026.yaml'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(text: string, name: string): Promise<string[]> {
  const path = join(dir, name);
  await writeFile(path, text);
  const loaded = await loadProgressFile(path);
  expect(loaded.diagnostics).toEqual([]);
  return composeSummaryMarkdown(loaded.value!, loaded.plan).markdown.split('\n');
}

describe('changed number', () => {
  it('changes exactly the sentences and table cells that cite the value', async () => {
    const original = await readFile(join(ROOT, 'plans/changshou-2026-h1.yaml'), 'utf8');
    const edited = original.replace('{ metric: transfer-training, value: 180,', '{ metric: transfer-training, value: 170,');
    expect(edited).not.toBe(original);
    const before = await render(original, 'before.yaml');
    const after = await render(edited, 'after.yaml');
    expect(after.length).toBe(before.length);

    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    // every line that cites the value: the opening, the employment section, the table row
    const citing = before.flatMap((line, i) => (/180人次|\|\s*转移就业培训\s*\|/.test(line) ? [i] : []));
    expect(citing.length).toBeGreaterThanOrEqual(3);
    expect(changed).toEqual(citing);

    for (const i of changed) {
      const line = after[i]!;
      expect(line).not.toMatch(/180人次|60(\.0)?%/);
      expect(line).toMatch(/170人次|\|\s*170\s*\|\s*56\.7%/);
    }
    // the writer's text gives the amount; the computed sentence adds the new rate and 同比 (170 against 150 last year)
    expect(after.join('\n')).toContain('完成转移就业培训170人次。转移就业培训完成年度目标的56.7%，同比增长13.3%。');
    expect(before.join('\n')).toContain('完成转移就业培训180人次。转移就业培训完成年度目标的60%，同比增长20%。');
  });
});
