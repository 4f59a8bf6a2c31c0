// Fuzz over the kinds of file a path can name (#19): regular files, symlinks
// in and out, devices, FIFOs, sockets, directories, loops, dangling links,
// read-only files, through every command that reads or rewrites a file. Each
// answers with exit 0 or a Chinese diagnostic (exit 1), never hangs, never
// 内部错误, never writes outputs for what is not a plan, never changes a
// file it refuses.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_PLAN, scratch } from '../faults/support.js';
import { FUZZ_SEED, hasStackTrace, sha256 } from './support.js';

const work = scratch('plandoc-file-kinds-');
const server = createServer();

/** name → how to make it; `plan` when the path leads to a readable plan */
const KINDS: Record<string, { make: (path: string) => void; plan: boolean }> = {
  regular: { make: (path) => cpSync(EXAMPLE_PLAN, path), plan: true },
  'symlink to a plan': { make: (path) => symlinkSync(join(work, 'real.yaml'), path), plan: true },
  'symlink to /dev/zero': { make: (path) => symlinkSync('/dev/zero', path), plan: false },
  'symlink to /dev/urandom': { make: (path) => symlinkSync('/dev/urandom', path), plan: false },
  fifo: { make: (path) => execFileSync('mkfifo', [path]), plan: false },
  directory: { make: (path) => mkdirSync(path), plan: false },
  'dangling symlink': { make: (path) => symlinkSync(join(work, 'nowhere.yaml'), path), plan: false },
  'symlink loop': { make: (path) => symlinkSync(path, path), plan: false },
  'read-only plan': { make: (path) => { cpSync(EXAMPLE_PLAN, path); chmodSync(path, 0o444); }, plan: true },
  socket: { make: () => undefined, plan: false },
};

const COMMANDS: Array<(file: string, out: string) => string[]> = [
  (file) => ['check', file],
  (file, out) => ['render', file, '-o', out],
  (file) => ['lint', file],
  (file) => ['lint', '--fix', file],
  (file) => ['status', file],
  (file) => ['diff', file, EXAMPLE_PLAN],
  (file, out) => ['rollover', file, '-o', join(out, 'next.yaml')],
];

beforeAll(async () => {
  cpSync(EXAMPLE_PLAN, join(work, 'real.yaml'));
  mkdirSync(join(work, 'kinds'));
  for (const [name, kind] of Object.entries(KINDS)) if (name !== 'socket') kind.make(join(work, 'kinds', `${name.replace(/[ /]/g, '-')}.yaml`));
  await new Promise<void>((resolve) => server.listen(join(work, 'kinds', 'socket.yaml'), resolve));
});
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('every command over every kind of file', () => {
  it('exit 0 or a Chinese diagnostic; nothing written for a non-plan; a refused file unchanged', () => {
    const pairs = fc.sample(fc.tuple(fc.constantFrom(...Object.keys(KINDS)), fc.nat(COMMANDS.length - 1)), { seed: FUZZ_SEED, numRuns: 14 });
    pairs.forEach(([kind, command], i) => {
      const file = join(work, 'kinds', `${kind.replace(/[ /]/g, '-')}.yaml`);
      const out = join(work, `out-${i}`);
      const args = COMMANDS[command]!(file, out);
      const before = KINDS[kind]!.plan ? sha256(file) : undefined;
      const result = runCli(args);
      const printed = result.stdout + result.stderr;
      const what = `${kind}: plandoc ${args.join(' ')} (PLANDOC_FUZZ_SEED=${FUZZ_SEED})\n${printed.slice(0, 400)}`;
      expect([0, 1], what).toContain(result.code);
      expect(printed, what).not.toContain('内部错误');
      expect(hasStackTrace(printed), what).toBe(false);
      if (!KINDS[kind]!.plan) {
        expect(result.code, what).toBe(1);
        expect(existsSync(out), what).toBe(false);
      }
      if (kind === 'read-only plan') expect(sha256(file), what).toBe(before);
    });
  });
});
