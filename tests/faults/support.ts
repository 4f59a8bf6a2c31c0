// Scratch directories and a tiny file system for the fault tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const EXAMPLE_PLAN = join(ROOT, 'plans', 'changshou-2026.yaml');

export function scratch(prefix = 'plandoc-fault-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the example plan (and its schema, for the editor comment) in a scratch dir. */
export function planCopy(dir: string, name = 'plan.yaml'): string {
  const target = join(dir, name);
  cpSync(EXAMPLE_PLAN, target);
  return target;
}

/**
 * Mounts a tmpfs of `kilobytes` at dir (root, else `sudo -n`), so writing to it
 * really runs out of space, or really fails when read-only (chmod does not stop root). Returns an unmount function, or undefined when the
 * machine allows neither.
 */
export function mountTinyFs(dir: string, kilobytes: number, readOnly = false): (() => void) | undefined {
  mkdirSync(dir, { recursive: true });
  for (const prefix of [[], ['sudo', '-n']]) {
    const [command, ...args] = [...prefix, 'mount', '-t', 'tmpfs', '-o', `size=${kilobytes}k,uid=${process.getuid!()},gid=${process.getgid!()}${readOnly ? ',ro' : ''}`, 'tmpfs', dir];
    if (spawnSync(command!, args).status === 0) {
      return () => {
        spawnSync(prefix.length ? 'sudo' : 'umount', prefix.length ? ['-n', 'umount', dir] : [dir]);
      };
    }
  }
  return undefined;
}
