import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverInputs, kindOf } from '../../src/build/discover.js';
import { runPool } from '../../src/build/pool.js';
import { isScratchFile, watchAndRun } from '../../src/watch/index.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-units-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runPool', () => {
  it('never runs more than `size` jobs at once and keeps the results in order', async () => {
    let running = 0;
    let peak = 0;
    const results = await runPool([5, 1, 4, 2, 3], 2, async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((done) => setTimeout(done, ms * 5));
      running--;
      return ms * 10;
    }, () => undefined);
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30]);
  });
});

describe('discoverInputs', () => {
  it('finds plans and progress files, resolves the plan a progress file cites, skips the rest', async () => {
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'p.yaml'), 'title: x\nyear: 2026\nsections: []\n');
    writeFileSync(join(dir, 'sub', 'h1.yml'), 'plan: ../p.yaml\nperiod: { kind: half, year: 2026, half: 1 }\n');
    writeFileSync(join(dir, 'notes.yaml'), 'templates: t\n');
    writeFileSync(join(dir, 'plandoc.config.yaml'), 'templates: t\n');
    writeFileSync(join(dir, 'out', 'copy.yaml'), 'sections: []\n');
    writeFileSync(join(dir, '.hidden.yaml'), 'sections: []\n');
    const { inputs, skipped } = await discoverInputs(dir, [join(dir, 'out')]);
    expect(inputs.map((i) => [i.relative, i.kind])).toEqual([['p.yaml', 'plan'], [join('sub', 'h1.yml'), 'progress']]);
    expect(inputs[1]!.plan).toBe(join(dir, 'p.yaml'));
    // named so the build can say it left them out; the configuration file is expected there
    expect(skipped).toEqual([join(dir, 'notes.yaml')]);
  });

  it('tells plans from progress files by their top-level keys', () => {
    expect(kindOf('title: a\nsections:\n  - title: b\n')).toBe('plan');
    expect(kindOf('plan: a.yaml\nperiod:\n  kind: year\n')).toBe('progress');
    expect(kindOf('profile: {}\n')).toBeUndefined();
  });
});

describe('watchAndRun', () => {
  it('runs once for a burst of saves and ignores scratch files', async () => {
    const runs: string[][] = [];
    const handle = await watchAndRun([dir], async (changed) => {
      runs.push(changed.map((path) => path.slice(dir.length + 1)).sort());
    }, { debounceMs: 50 });
    try {
      writeFileSync(join(dir, '.a.yaml.123.tmp'), 'x');
      writeFileSync(join(dir, 'a.yaml'), '1');
      writeFileSync(join(dir, 'a.yaml'), '2');
      writeFileSync(join(dir, 'b.yaml'), '3');
      const deadline = Date.now() + 3000;
      while (runs.length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
      await handle.idle();
      expect(runs).toEqual([['a.yaml', 'b.yaml']]);
    } finally {
      handle.close();
    }
  });

  it('knows editor and plandoc scratch files', () => {
    expect(isScratchFile('/x/.plan.yaml.123.tmp')).toBe(true);
    expect(isScratchFile('/x/plan.yaml~')).toBe(true);
    expect(isScratchFile('/x/.plan.yaml.swp')).toBe(true);
    expect(isScratchFile('/x/plan.yaml')).toBe(false);
  });
});
