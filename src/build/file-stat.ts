// The stat a build trusts instead of reading a file again: size, modification
// time and inode. A file modified within RACY_MS of being recorded may change
// again within the same clock tick without its time changing, so its stat is
// never trusted (git's "racily clean" rule); it is hashed at the next build.
import type { Stats } from 'node:fs';

export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  /** recorded too soon after the file changed to vouch for its bytes */
  racy?: true;
}

const RACY_MS = 100;

export function statOf(stats: Stats, now = Date.now()): FileStat {
  const recorded: FileStat = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  if (now - stats.mtimeMs < RACY_MS) recorded.racy = true;
  return recorded;
}

/** True when `current` is the file `recorded` describes, so its recorded hash still holds. */
export { sameStat } from '../../bin/build-unchanged.js';
