// #19: lint --fix writes through the safe in-place writer (src/io/inplace.ts).
import { chmodSync, linkSync, lstatSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeInPlace } from '../../src/io/inplace.js';
import { runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function workDir(): string {
  const dir = scratch('plandoc-inplace-');
  dirs.push(dir);
  return dir;
}

/** A plan whose text has a half-width comma lint --fix changes (TX-01). */
const FIXABLE = 'title: 测试计划\nyear: 2026\nsections:\n  - title: 任务\n    text: 开展培训,提高能力。\n';
const FIXED = FIXABLE.replace('培训,提高', '培训，提高');

function fix(file: string) {
  return runCli(['lint', '--fix', file]);
}

describe('lint --fix keeps the file the user has', () => {
  it('follows a symlink and fixes the real file, leaving the link a link', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'real.yaml'), FIXABLE);
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'plan.yaml'));
    expect(fix(join(dir, 'plan.yaml')).stderr).toContain('已改正');
    expect(lstatSync(join(dir, 'plan.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(FIXED);
  });

  it('keeps a 0600 file 0600', () => {
    const dir = workDir();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, FIXABLE, { mode: 0o600 });
    chmodSync(file, 0o600);
    fix(file);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps hard links together', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'plan.yaml'), FIXABLE);
    linkSync(join(dir, 'plan.yaml'), join(dir, 'copy.yaml'));
    fix(join(dir, 'plan.yaml'));
    expect(readFileSync(join(dir, 'copy.yaml'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'plan.yaml')).ino).toBe(statSync(join(dir, 'copy.yaml')).ino);
  });

  it('refuses a read-only (0444) file with a message, even when run as root', () => {
    const dir = workDir();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, FIXABLE);
    chmodSync(file, 0o444);
    const result = fix(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('是只读文件，没有修改它');
    expect(result.stderr).not.toContain('已改正');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('writeInPlace keeps the owner and mode of the file it replaces', async () => {
    const dir = workDir();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'a');
    chmodSync(file, 0o640);
    const before = statSync(file);
    await writeInPlace(file, 'b');
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode]).toEqual([before.uid, before.gid, before.mode]);
    expect(readFileSync(file, 'utf8')).toBe('b');
  });
});
