// The resident renderer: while `render --watch` runs in a folder, a plain
// `plandoc render` / `plandoc check` there is answered by the watching
// process (bin/resident.js → src/resident/server.ts). Whoever does the work,
// the user sees the same bytes on stdout and stderr, the same exit code and
// the same files. A stale socket, another folder and a directory other users
// could reach are never used.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateDirectory, residentCommand, residentDirectory, residentSocketPath } from '../../bin/resident.js';
import { BIN, ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-resident-'));
/** A private runtime directory of this test's own, so no other process's resident is involved. */
const runtime = join(scratch, 'runtime');
const log = join(scratch, 'served.log');
const folder = join(scratch, 'folder');
const otherFolder = join(scratch, 'other');
const env = { ...process.env, XDG_RUNTIME_DIR: runtime, PLANDOC_RESIDENT_LOG: log, NO_COLOR: '1', FORCE_COLOR: '0' };

beforeAll(() => {
  mkdirSync(runtime, { mode: 0o700 });
  for (const dir of [folder, otherFolder]) {
    mkdirSync(join(dir, 'plans'), { recursive: true });
    for (const name of ['changshou-2026.yaml', 'changshou-2026-h1.yaml', 'songtao-2022.yaml']) copyFileSync(join(ROOT, 'plans', name), join(dir, 'plans', name));
    copyFileSync(join(ROOT, 'tests/fixtures/semantic-errors.yaml'), join(dir, 'plans', 'semantic-errors.yaml'));
    writeFileSync(join(dir, 'plans', 'broken.yaml'), 'title: [未闭合\n');
  }
});

let watcher: ChildProcess | undefined;

afterAll(async () => {
  await stopWatcher('SIGINT');
  rmSync(scratch, { recursive: true, force: true });
});

async function startWatcher(cwd: string): Promise<void> {
  await stopWatcher('SIGINT');
  const child = spawn(process.execPath, [BIN, 'render', '--watch', 'plans/songtao-2022.yaml', '-o', 'watched'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  watcher = child;
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const socket = residentSocketPath(join(runtime, `plandoc-${process.getuid!()}`), cwd);
  for (const start = Date.now(); !(stderr.includes('正在监视') && existsSync(socket)); ) {
    if (child.exitCode !== null || Date.now() - start > 90_000) throw new Error(`render --watch did not start a resident:\n${stderr}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

async function stopWatcher(signal: NodeJS.Signals): Promise<void> {
  const child = watcher;
  watcher = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** Runs plandoc in `cwd` (output into `cwd/out`, emptied first) and collects what a user would see. */
function run(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Outcome {
  rmSync(join(cwd, 'out'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const out = join(cwd, 'out');
  const files = existsSync(out) ? Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name)).toString('base64')])) : {};
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, files };
}

function served(): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}

const COMMANDS: Array<[string, string[], Record<string, string>?]> = [
  ['render a plan', ['render', 'plans/changshou-2026.yaml', '-o', 'out']],
  ['render a progress file and a plan, DOCX only, every warning', ['render', 'plans/changshou-2026-h1.yaml', 'plans/songtao-2022.yaml', '--to', 'docx', '--verbose', '-o', 'out']],
  ['render a plan with errors', ['render', 'plans/semantic-errors.yaml', '-o', 'out']],
  ['render a file that is not there', ['render', 'plans/missing.yaml', '-o', 'out']],
  ['render broken YAML, in colour', ['render', 'plans/broken.yaml', '-o', 'out'], { NO_COLOR: '', FORCE_COLOR: '1' }],
  ['check a plan', ['check', 'plans/changshou-2026.yaml']],
  ['check plans with errors', ['check', 'plans/semantic-errors.yaml', 'plans/broken.yaml']],
  ['check as JSON', ['check', '--format', 'json', 'plans/semantic-errors.yaml']],
];

describe('a plain render or check in a folder with a resident renderer', () => {
  afterEach(async (context) => {
    // the commands share one resident; the other cases start and stop their own
    if (!context.task.name.includes('same output')) await stopWatcher('SIGINT');
  });

  it.each(COMMANDS)('%s: same output, exit code and files as without it', async (_name, args, extraEnv = {}) => {
    if (!watcher) await startWatcher(folder);
    const before = served().length;
    const handed = run(args, folder, extraEnv);
    expect(served().length).toBe(before + 1);
    const own = run(args, folder, { ...extraEnv, PLANDOC_RESIDENT: '0' });
    expect(served().length).toBe(before + 1);
    expect(handed).toEqual(own);
    if (extraEnv.FORCE_COLOR === '1') expect(handed.stderr).toContain('\u001b[');
  });

  it('falls back to its own work when the resident is gone and its socket is stale', async () => {
    await startWatcher(folder);
    const socket = residentSocketPath(join(runtime, `plandoc-${process.getuid!()}`), folder);
    await stopWatcher('SIGKILL');
    expect(lstatSync(socket).isSocket()).toBe(true);
    const before = served().length;
    const outcome = run(['render', 'plans/changshou-2026.yaml', '-o', 'out'], folder);
    expect(outcome.code).toBe(0);
    expect(Object.keys(outcome.files)).toEqual(['changshou-2026.docx', 'changshou-2026.md']);
    expect(served().length).toBe(before);
    // the next resident takes the stale socket over and answers again
    await startWatcher(folder);
    run(['check', 'plans/changshou-2026.yaml'], folder);
    expect(served().length).toBe(before + 1);
  });

  it('never asks the resident of another folder', async () => {
    await startWatcher(folder);
    const before = served().length;
    const outcome = run(['render', 'plans/changshou-2026.yaml', '-o', 'out'], otherFolder);
    expect(outcome.code).toBe(0);
    expect(served().length).toBe(before);
  });

  it('is not used, and not started, when other users could reach the socket directory', async () => {
    const shared = join(scratch, 'shared-runtime');
    mkdirSync(join(shared, `plandoc-${process.getuid!()}`), { recursive: true });
    chmodSync(join(shared, `plandoc-${process.getuid!()}`), 0o755);
    const child = spawn(process.execPath, [BIN, 'render', '--watch', 'plans/songtao-2022.yaml', '-o', 'watched'], { cwd: folder, env: { ...env, XDG_RUNTIME_DIR: shared }, stdio: ['ignore', 'ignore', 'pipe'] });
    watcher = child;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    while (!stderr.includes('正在监视')) await new Promise((done) => setTimeout(done, 20));
    expect(readdirSync(join(shared, `plandoc-${process.getuid!()}`))).toEqual([]);
    const before = served().length;
    expect(run(['check', 'plans/changshou-2026.yaml'], folder, { XDG_RUNTIME_DIR: shared }).code).toBe(0);
    expect(served().length).toBe(before);
  });
});

describe('what the thin client accepts', () => {
  it('hands over only the plain forms of render and check', () => {
    expect(residentCommand(['render', 'a.yaml', '-o', 'x', '--to', 'docx', '--verbose'])).toEqual({ command: 'render', files: ['a.yaml'], flags: { out: 'x', to: 'docx', verbose: true } });
    expect(residentCommand(['check', '--format', 'json', 'a.yaml', 'b.yaml'])).toEqual({ command: 'check', files: ['a.yaml', 'b.yaml'], flags: { format: 'json' } });
    for (const args of [['render', 'a.yaml', '--watch'], ['render', 'a.yaml', '--templates', 't'], ['render', '--help'], ['render'], ['render', 'a.yaml', '-o'], ['render', 'a.yaml', '-o', 'x', '-o', 'y'], ['check', '--format', 'xml', 'a.yaml'], ['build', 'plans'], ['render', '--', 'a.yaml']]) {
      expect(residentCommand(args), args.join(' ')).toBeUndefined();
    }
  });

  it('trusts only a directory of its own user with no access for others', () => {
    const uid = process.getuid!();
    const stat = (mode: number, owner = uid) => ({ isDirectory: () => true, isSymbolicLink: () => false, uid: owner, mode: 0o40000 | mode }) as unknown as import('node:fs').Stats;
    expect(isPrivateDirectory(stat(0o700))).toBe(true);
    expect(isPrivateDirectory(stat(0o700, uid + 1))).toBe(false);
    expect(isPrivateDirectory(stat(0o750))).toBe(false);
    expect(isPrivateDirectory(stat(0o707))).toBe(false);
    expect(residentDirectory({ XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(`/run/user/1000/plandoc-${uid}`);
  });

  it('names one socket per folder', () => {
    const names = ['/home/a/计划', '/home/a/计划2', '/home/b/计划', '/', '/tmp/x'].map((folder) => residentSocketPath('/run/p', folder));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\/run\/p\/[0-9a-f]{16}\.sock$/);
    expect(residentSocketPath('/run/p', '/home/a/计划')).toBe(names[0]);
  });
});
