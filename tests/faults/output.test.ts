// Faults around the output: a missing directory, one that cannot be created,
// a full disk. Each through the real command: a Chinese message, exit 1, no
// stack trace, no partial file, inputs untouched.
import { existsSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hasStackTrace, sha256, snapshotDir } from '../fuzz/support.js';
import { mountTinyFs, planCopy, scratch } from './support.js';

const dirs: string[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function workDir(): string {
  const dir = scratch();
  dirs.push(dir);
  return dir;
}

describe('output directory faults', () => {
  it('creates a missing output directory, nested', () => {
    const dir = workDir();
    const plan = planCopy(dir);
    const out = join(dir, '成稿', '2026', '上半年');
    const result = runCli(['render', plan, '-o', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['plan.docx', 'plan.md']);
  });

  it('explains an output directory that cannot be created (a file is in the way)', () => {
    const dir = workDir();
    const plan = planCopy(dir);
    const before = sha256(plan);
    writeFileSync(join(dir, 'blocker'), '这是一个文件，不是目录');
    const result = runCli(['render', plan, '-o', join(dir, 'blocker', 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/无法写入|不能创建|无法创建/);
    expect(result.stderr).toContain(join(dir, 'blocker'));
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'plan.yaml']);
    expect(sha256(plan)).toBe(before);
  });

  it('refuses a read-only output directory with a message', () => {
    const dir = workDir();
    const plan = planCopy(dir);
    const out = join(dir, 'readonly');
    const unmount = mountTinyFs(out, 64, true);
    if (!unmount) throw new Error('this test needs to mount a tmpfs: run as root or with passwordless sudo');
    cleanups.push(unmount);
    const result = runCli(['render', plan, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法写入');
    expect(result.stderr).toContain('权限');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('disk full', () => {
  it('a full disk leaves no partial file and the previous output intact', () => {
    const dir = workDir();
    const plan = planCopy(dir);
    const out = join(dir, 'tiny');
    const unmount = mountTinyFs(out, 64);
    if (!unmount) throw new Error('this test needs to mount a tmpfs: run as root or with passwordless sudo');
    cleanups.push(unmount);
    // a previous, good output and the free space used up to a few kilobytes
    expect(runCli(['render', plan, '-o', out, '--to', 'md']).code).toBe(0);
    const previous = snapshotDir(out);
    const free = statfsSync(out).bavail * statfsSync(out).bsize;
    writeFileSync(join(out, 'filler'), Buffer.alloc(Math.max(0, free - 4096)));
    const before = snapshotDir(out);

    const result = runCli(['render', plan, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('磁盘空间');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(snapshotDir(out)).toEqual(before);
    expect(snapshotDir(out)['plan.md']).toBe(previous['plan.md']);
    expect(existsSync(join(out, 'plan.docx'))).toBe(false);
  });
});
