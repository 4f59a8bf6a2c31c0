// bin/plandoc.js starts the bundled command through V8's code cache
// (dist/plandoc.cjs.cache). The cache may only ever make plandoc faster: a
// missing, corrupt or unwritable cache must give the same output and exit code.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

let pkg: string;

/** A copy of the installed package whose dist/ the test may break. */
function makePackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-cache-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  for (const name of readdirSync(join(ROOT, 'bin')).filter((file) => !file.endsWith('.d.ts'))) copyFileSync(join(ROOT, 'bin', name), join(dir, 'bin', name));
  copyFileSync(join(ROOT, 'dist', 'plandoc.cjs'), join(dir, 'dist', 'plandoc.cjs'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const shared of ['templates', 'schema', 'node_modules']) symlinkSync(join(ROOT, shared), join(dir, shared));
  return dir;
}

function plandoc(args: string[]) {
  const result = spawnSync(process.execPath, [join(pkg, 'bin', 'plandoc.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFile = () => join(pkg, 'dist', 'plandoc.cjs.cache');
const checkArgs = ['check', 'plans/changshou-2026.yaml', 'tests/fixtures/bad/wrong-types.yaml'];

beforeEach(() => {
  pkg = makePackage();
});

afterEach(() => {
  rmSync(pkg, { recursive: true, force: true });
});

describe('V8 code cache of the command', () => {
  it('is written by the first run and gives the same output when read back', () => {
    expect(existsSync(cacheFile())).toBe(false);
    const first = plandoc(checkArgs);
    expect(first.code).toBe(1);
    expect(first.stdout + first.stderr).toContain('wrong-types.yaml');
    expect(readFileSync(cacheFile()).length).toBeGreaterThan(100_000);
    const second = plandoc(checkArgs);
    expect(second).toEqual(first);
  });

  it('replaces a corrupt cache and still answers correctly', () => {
    const reference = plandoc(checkArgs);
    writeFileSync(cacheFile(), Buffer.alloc(4096, 7));
    const withGarbage = plandoc(checkArgs);
    expect(withGarbage).toEqual(reference);
    expect(readFileSync(cacheFile()).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('keeps one cache per set of V8 flags, so render workers do not throw the command\'s cache away', () => {
    plandoc(checkArgs);
    const commandCache = readFileSync(cacheFile());
    // a render worker runs with --single-threaded, which V8 counts in the cache's flag hash
    const worker = spawnSync(process.execPath, ['--single-threaded', join(pkg, 'bin', 'plandoc.js'), ...checkArgs], { cwd: ROOT, encoding: 'utf8' });
    expect(worker.status).toBe(1);
    const caches = readdirSync(join(pkg, 'dist')).filter((name) => name.endsWith('.cache'));
    expect(caches).toHaveLength(2);
    expect(readFileSync(cacheFile()).equals(commandCache)).toBe(true);
  });

  it('runs without a cache where the cache cannot be read or written', () => {
    const reference = plandoc(checkArgs);
    rmSync(cacheFile());
    // a directory in its place: reading and renaming both fail, even for root
    mkdirSync(cacheFile());
    const blocked = plandoc(checkArgs);
    expect(blocked).toEqual(reference);
    expect(readdirSync(join(pkg, 'dist')).sort()).toEqual(['plandoc.cjs', 'plandoc.cjs.cache']);
  });
});
