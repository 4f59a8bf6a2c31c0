// Writing files whole: to a temporary file beside the target, then renamed
// into place, so a failed or interrupted run leaves the old file intact. A
// run killed between the write and the rename leaves `.NAME.PID.tmp`; the
// next run in that folder removes the ones whose process is gone.
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asWriteError, errnoCode } from './errors.js';
import { makeDirectory } from './directories.js';

const TEMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes `data` to `path` atomically; failures are Chinese FileIoErrors naming `shown`. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, shown = path): Promise<void> {
  await makeDirectory(dirname(path), dirname(shown));
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw asWriteError(error, shown);
  }
}

/** Whether process `pid` is still running (a signal 0 probe). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** Removes temporary files in `dir` that a killed plandoc left behind. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    await rm(join(dir, name), { force: true }).then(() => removed.push(name), () => undefined);
  }
  return removed;
}
