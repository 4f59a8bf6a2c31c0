// Ctrl-C in the middle of a build: the terminal sends SIGINT to the whole
// process group. No partial file may be left and earlier outputs stay intact.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { snapshotDir } from '../fuzz/support.js';
import { EXAMPLE_PLAN, scratch } from './support.js';

const FILES = 16;
const dir = scratch('plandoc-sigint-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command and sends SIGINT to its process group once it reports its first finished file. */
function runUntilInterrupted(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done) => {
    // detached: the child leads its own process group, like a job in a terminal
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && stderr.includes('已生成')) {
        sent = true;
        process.kill(-child.pid!, 'SIGINT');
      }
    });
    child.stdout.resume();
    child.on('close', (code, signal) => {
      // let orphaned grandchildren, if any, finish before the directory is inspected
      setTimeout(() => done({ code, signal, stderr }), 1500);
    });
  });
}

function partialFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp$|\.tmp\.|~$/.test(name));
}

describe('Ctrl-C during a build', () => {
  it('leaves no partial file and the previous outputs intact', async () => {
    const plans = join(dir, 'plans');
    mkdirSync(plans, { recursive: true });
    for (let i = 0; i < FILES; i++) cpSync(EXAMPLE_PLAN, join(plans, `plan-${String(i).padStart(2, '0')}.yaml`));
    const first = runCli(['build', 'plans', '-o', 'out'], { cwd: dir });
    expect(first.code).toBe(0);
    const before = snapshotDir(join(dir, 'out'));
    const outputs = Object.keys(before).filter((name) => name.endsWith('.docx'));
    expect(outputs).toHaveLength(FILES);

    const interrupted = await runUntilInterrupted(['build', 'plans', '-o', 'out', '--force']);
    expect(interrupted.stderr).toContain('已生成');
    // stopped early: it did not get through every file
    expect(interrupted.stderr.match(/已生成/g)!.length).toBeLessThan(FILES);
    expect(interrupted.stderr).not.toMatch(/^\s+at /m);
    expect(partialFiles(join(dir, 'out'))).toEqual([]);
    // outputs are deterministic: every file is either untouched or rewritten with the same bytes
    const after = snapshotDir(join(dir, 'out'));
    for (const name of outputs) expect(after[name]?.split(':').at(-1), name).toBe(before[name]!.split(':').at(-1));
    expect(Object.keys(after).filter((name) => !(name in before))).toEqual([]);
  }, 120_000);
});
