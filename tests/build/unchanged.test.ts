// `plandoc build` with nothing changed is answered from stats before the
// bundle loads (bin/build-unchanged.js). Whoever answers, the user sees the
// same bytes, exit code and files; and the stat check never answers when
// anything the build depends on changed. PLANDOC_STAT_CHECK_LOG tells who
// answered; PLANDOC_STAT_CHECK=0 forces the full build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME as BIN_CONFIG_FILE_NAME, formatsOf, plainBuild } from '../../bin/build-unchanged.js';
import { parseFormats } from '../../src/cli/render.js';
import { CONFIG_FILE_NAME } from '../../src/config/index.js';
import { maxJobs } from '../../src/build/jobs.js';
import { BIN, ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-unchanged-'));
const log = join(scratch, 'answered.log');
let folder: string;
let counter = 0;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** every file under out/ (the manifest aside) by name, as base64 */
  files: Record<string, string>;
}

function run(args: string[], env: Record<string, string> = {}): Outcome {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PLANDOC_STAT_CHECK_LOG: log, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, files: outputs() };
}

function outputs(): Record<string, string> {
  const out = join(folder, 'out');
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== '.plandoc-build.json') files[relative(out, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(out);
  return files;
}

function answered(): number {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length : 0;
}

/** Older than the build's racy window (100 ms), so the next build trusts the stats it records. */
function settle(): void {
  spawnSync('sleep', ['0.15']);
}

const BUILD = ['build', 'plans', '-o', 'out'];

/** A folder built twice: the second (full) build checked the fresh outputs by hash and recorded stats it can trust. */
function builtFolder(): void {
  folder = join(scratch, `folder-${counter++}`);
  mkdirSync(join(folder, 'plans', 'more'), { recursive: true });
  for (const name of ['changshou-2026.yaml', 'changshou-2026-h1.yaml', 'songtao-2022.yaml']) copyFileSync(join(ROOT, 'plans', name), join(folder, 'plans', name));
  copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(folder, 'plans', 'more', 'songtao-copy.yaml'));
  writeFileSync(join(folder, 'plans', 'notes.yaml'), 'owner: 办公室\n');
  cpSync(join(ROOT, 'templates'), join(folder, 'templates'), { recursive: true });
  writeFileSync(join(folder, CONFIG_FILE_NAME), 'templates: templates\n');
  settle();
  expect(run(BUILD).code).toBe(0);
  settle();
  expect(run(BUILD, { PLANDOC_STAT_CHECK: '0' }).code).toBe(0);
  settle();
}

/** Runs the build both ways in the same state: first as the user would, then forced through the full build. */
function bothWays(args = BUILD): { answered: boolean; fast: Outcome; full: Outcome } {
  const before = answered();
  const fast = run(args);
  const wasAnswered = answered() > before;
  const full = run(args, { PLANDOC_STAT_CHECK: '0' });
  expect(answered()).toBe(before + (wasAnswered ? 1 : 0));
  return { answered: wasAnswered, fast, full };
}

describe('plandoc build with nothing changed, answered from stats', () => {
  beforeEach(() => builtFolder());

  it('prints what the full build prints, and leaves every file (the manifest too) as it was', () => {
    const manifest = readFileSync(join(folder, 'out', '.plandoc-build.json'), 'utf8');
    const { answered: wasAnswered, fast, full } = bothWays();
    expect(wasAnswered).toBe(true);
    expect(fast).toEqual(full);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe('');
    expect(fast.stderr).toContain('跳过 plans/notes.yaml：');
    expect(fast.stderr).toContain('未变 plans/more/songtao-copy.yaml\n');
    expect(fast.stderr).toMatch(/共 4 个文件：生成 0 个，未变 4 个，失败 0 个\n$/);
    expect(readFileSync(join(folder, 'out', '.plandoc-build.json'), 'utf8')).toBe(manifest);
  });

  it('answers for the same build named another way, with the same flags in another order', () => {
    for (const args of [['build', './plans/', '--out', 'out', '--to', 'md,DOCX', '--verbose', '-j', '1'], ['build', '--config', CONFIG_FILE_NAME, '-o', 'out']]) {
      const { answered: wasAnswered, fast, full } = bothWays(args);
      expect(wasAnswered, args.join(' ')).toBe(true);
      expect(fast).toEqual(full);
    }
  });

  it('answers for an input touched, or an output copied back, with the same bytes: their hashes still match', () => {
    const plan = join(folder, 'plans', 'songtao-2022.yaml');
    const earlier = new Date(statSync(plan).mtimeMs - 5000);
    utimesSync(plan, earlier, earlier);
    const output = join(folder, 'out', 'songtao-2022.docx');
    const bytes = readFileSync(output);
    rmSync(output);
    writeFileSync(output, bytes);
    const { answered: wasAnswered, fast, full } = bothWays();
    expect(wasAnswered).toBe(true);
    expect(fast).toEqual(full);
    expect(fast.stderr).toContain('未变 4 个');
  });

  it('answers right after a build that wrote outputs, checking the fresh ones by their bytes', () => {
    appendFileSync(join(folder, 'plans', 'songtao-2022.yaml'), '# 改过\n');
    expect(run(BUILD).stderr).toContain('生成 1 个');
    const { answered: wasAnswered, fast, full } = bothWays();
    expect(wasAnswered).toBe(true);
    expect(fast).toEqual(full);
  });

  const changes: Array<[string, () => void, string]> = [
    ['one input changed', () => appendFileSync(join(folder, 'plans', 'songtao-2022.yaml'), '# 改过\n'), '生成 1 个'],
    ['the plan a progress file cites changed', () => appendFileSync(join(folder, 'plans', 'changshou-2026.yaml'), '# 改过\n'), '生成 2 个'],
    ['a new input', () => copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(folder, 'plans', 'more', 'new.yaml')), '生成 1 个'],
    ['an input deleted', () => rmSync(join(folder, 'plans', 'more', 'songtao-copy.yaml')), '共 3 个文件'],
    ['an output deleted', () => rmSync(join(folder, 'out', 'songtao-2022.docx')), '生成 1 个'],
    ['an output edited', () => appendFileSync(join(folder, 'out', 'songtao-2022.md'), '\n手改\n'), '生成 1 个'],
    ['the configuration changed', () => appendFileSync(join(folder, CONFIG_FILE_NAME), '# 改过\n'), '生成 4 个'],
    ['the configuration removed', () => rmSync(join(folder, CONFIG_FILE_NAME)), '生成 4 个'],
    ['a template changed', () => appendFileSync(join(folder, 'templates', 'partials', 'section.hbs'), '\n'), '生成 4 个'],
    ['a template added', () => writeFileSync(join(folder, 'templates', 'partials', 'extra.hbs'), ''), '生成 4 个'],
    ['a file that is not a plan became one', () => copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(folder, 'plans', 'notes.yaml')), '生成 1 个'],
  ];

  it.each(changes)('does not answer when %s', (_name, change, expected) => {
    change();
    const before = answered();
    const outcome = run(BUILD);
    expect(answered()).toBe(before);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(expected);
  });

  it('does not answer while an input fails, and the exit code stays 1', () => {
    writeFileSync(join(folder, 'plans', 'broken.yaml'), 'sections: [未闭合\n');
    for (let i = 0; i < 2; i++) {
      settle();
      const { answered: wasAnswered, fast, full } = bothWays();
      expect(wasAnswered).toBe(false);
      expect(fast).toEqual(full);
      expect(fast.code).toBe(1);
    }
  });

  it('does not wait on a manifest that is a FIFO', () => {
    const path = join(folder, 'out', '.plandoc-build.json');
    rmSync(path);
    spawnSync('mkfifo', [path]);
    const before = answered();
    const outcome = spawnSync(process.execPath, [BIN, ...BUILD], { cwd: folder, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PLANDOC_STAT_CHECK_LOG: log } });
    expect(outcome.signal).toBeNull();
    expect(answered()).toBe(before);
  });

  it('does not answer for other flags, formats or output folders', () => {
    for (const args of [[...BUILD, '--force'], [...BUILD, '--to', 'md'], ['build', 'plans', '-o', 'elsewhere'], [...BUILD, '--templates', 'templates'], [...BUILD, '--bogus'], [...BUILD, '-j', '1000']]) {
      const before = answered();
      run(args);
      expect(answered(), args.join(' ')).toBe(before);
    }
  });

  it('does not answer for a manifest another plandoc wrote', () => {
    const path = join(folder, 'out', '.plandoc-build.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { shared: { tool: string } };
    manifest.shared.tool = `0.0.1+${'0'.repeat(64)}`;
    writeFileSync(path, JSON.stringify(manifest));
    const before = answered();
    // the inputs' keys still hold: the full build finds them unchanged and records its own identity
    expect(run(BUILD).stderr).toContain('未变 4 个');
    expect(answered()).toBe(before);
    settle();
    expect(bothWays().answered).toBe(true);
  });

  it('prints only the summary on a terminal, as the full build does', () => {
    const inTerminal = (env: Record<string, string>) => {
      const command = [process.execPath, BIN, ...BUILD].map((part) => `'${part}'`).join(' ');
      const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: folder, encoding: 'utf8', env: { ...process.env, PLANDOC_STAT_CHECK_LOG: log, ...env } });
      return { code: result.status, output: result.stdout };
    };
    const before = answered();
    const fast = inTerminal({});
    expect(answered()).toBe(before + 1);
    expect(fast).toEqual(inTerminal({ PLANDOC_STAT_CHECK: '0' }));
    expect(fast.output).not.toContain('未变 plans');
  });
});

describe('the command lines the stat check reads', () => {
  it('reads --to as render does, and -j up to what build allows without a notice', () => {
    for (const value of ['md', 'DOCX,md', 'md，docx', ' md , docx ,', 'pdf', 'md,md']) expect(formatsOf(value), value).toEqual(parseFormats(value));
    for (const value of ['', ',', 'html', 'md,html']) expect(formatsOf(value), value).toBeUndefined();
    expect(plainBuild(['build', '-j', String(maxJobs())])).toBeDefined();
    expect(plainBuild(['build', '-j', String(maxJobs() + 1)])).toBeUndefined();
    expect(BIN_CONFIG_FILE_NAME).toBe(CONFIG_FILE_NAME);
  });

  it('leaves anything unusual to commander', () => {
    expect(plainBuild(['build'])).toEqual({ dir: 'plans', out: 'out', formats: ['md', 'docx'] });
    for (const args of [['build', 'a', 'b'], ['build', '--out=x'], ['build', '-o'], ['build', '-o', 'x', '-o', 'y'], ['build', '--watch'], ['build', '-w'], ['build', '--force'], ['build', '--help'], ['build', '--', 'plans'], ['build', ''], ['build', '-j', '0'], ['build', '-j', '1.5'], ['render', 'plans']]) {
      expect(plainBuild(args), args.join(' ')).toBeUndefined();
    }
  });
});
