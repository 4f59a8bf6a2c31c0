import { mkdtempSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverInputs, kindOf, type KnownSource } from '../../src/build/discover.js';
import { statOf } from '../../src/build/file-stat.js';
import { chooseRenderer, IN_PROCESS_BATCH, workersStartedEarly } from '../../src/build/index.js';
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

  it('records every YAML file it saw, so the next build need not read them again', async () => {
    writeFileSync(join(dir, 'p.yaml'), 'title: x\nyear: 2026\nsections: []\n');
    writeFileSync(join(dir, 'notes.yaml'), 'templates: t\n');
    const { sources } = await discoverInputs(dir);
    expect(Object.keys(sources).sort()).toEqual(['notes.yaml', 'p.yaml']);
    expect(sources['p.yaml']).toMatchObject({ kind: 'plan', stat: { size: statSync(join(dir, 'p.yaml')).size } });
    expect(sources['p.yaml']!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sources['notes.yaml']!.kind).toBeNull();
  });

  it('takes a file with an unchanged stat from the last build without reading it, and reads a changed or racy one', async () => {
    const path = join(dir, 'p.yaml');
    writeFileSync(path, 'title: x\nyear: 2026\nsections: []\n');
    utimesSync(path, new Date('2026-01-01'), new Date('2026-01-01'));
    // what the last build recorded differs from the bytes: proof that they were not read
    const recorded: KnownSource = { stat: statOf(statSync(path)), hash: 'recorded', kind: 'progress', plan: 'other.yaml' };
    const trusted = await discoverInputs(dir, [], { 'p.yaml': recorded });
    expect(trusted.inputs).toEqual([{ path, relative: 'p.yaml', kind: 'progress', plan: join(dir, 'other.yaml'), hash: 'recorded' }]);

    const racy = await discoverInputs(dir, [], { 'p.yaml': { ...recorded, stat: { ...recorded.stat, racy: true } } });
    expect(racy.inputs.map((i) => [i.kind, i.hash === 'recorded'])).toEqual([['plan', false]]);

    utimesSync(path, new Date('2026-01-02'), new Date('2026-01-02'));
    const touched = await discoverInputs(dir, [], { 'p.yaml': recorded });
    expect(touched.inputs.map((i) => i.kind)).toEqual(['plan']);
  });

  it('calls a stat taken right after a change racy', () => {
    const path = join(dir, 'fresh.yaml');
    writeFileSync(path, 'x');
    expect(statOf(statSync(path)).racy).toBe(true);
    utimesSync(path, new Date('2026-01-01'), new Date('2026-01-01'));
    expect(statOf(statSync(path)).racy).toBeUndefined();
  });

  it('tells plans from progress files by their top-level keys', () => {
    expect(kindOf('title: a\nsections:\n  - title: b\n')).toBe('plan');
    expect(kindOf('plan: a.yaml\nperiod:\n  kind: year\n')).toBe('progress');
    expect(kindOf('profile: {}\n')).toBeUndefined();
  });
});

describe('chooseRenderer', () => {
  const options = { dir: '.', outDir: 'out', formats: ['md'] };

  it('renders a few files in the build process: no worker start-up for one changed file', async () => {
    const chosen = await chooseRenderer(options, 1);
    expect([chosen.kind, chosen.lanes]).toEqual(['in-process', 1]);
    expect((await chooseRenderer(options, IN_PROCESS_BATCH)).kind).toBe('in-process');
  });

  it('starts render workers, one per lane, when there are more', async () => {
    const chosen = await chooseRenderer({ ...options, jobs: 2 }, IN_PROCESS_BATCH + 1);
    chosen.close();
    expect([chosen.kind, chosen.lanes]).toEqual(['workers', 2]);
  });
});

describe('workersStartedEarly', () => {
  const options = { dir: '.', outDir: 'out', formats: ['md'], jobs: 2 };
  const empty = { version: 2, files: {} };
  const built = { version: 2, files: { 'a.yaml': { key: 'k', outputs: ['a.md'], hashes: ['h'] } } };

  it('starts the workers of a first build of many files before its inputs are read', () => {
    const workers = workersStartedEarly(options, empty, IN_PROCESS_BATCH + 1);
    workers?.close();
    expect(workers?.size).toBe(2);
    const forced = workersStartedEarly({ ...options, force: true }, built, IN_PROCESS_BATCH + 1);
    forced?.close();
    expect(forced?.size).toBe(2);
  });

  it('starts none for a few files, an incremental build, or a build given its renderer', () => {
    expect(workersStartedEarly(options, empty, IN_PROCESS_BATCH)).toBeUndefined();
    expect(workersStartedEarly(options, built, IN_PROCESS_BATCH + 1)).toBeUndefined();
    const renderer = async () => ({ ok: true, outputs: [], messages: '' });
    expect(workersStartedEarly({ ...options, renderer }, empty, IN_PROCESS_BATCH + 1)).toBeUndefined();
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
