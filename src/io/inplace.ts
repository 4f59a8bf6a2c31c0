// Rewriting a user's own file (lint --fix, and the YAML value editor of
// collect / apply / the workbench). The user's file keeps being the same file:
// a symlink is followed to the real file, which is rewritten; its mode and
// owner are kept; a file with other hard links is rewritten in place so every
// link sees the change; a read-only file is refused, even for root.
import { chmod, chown, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { FileIoError, asWriteError, errnoCode } from './errors.js';
import { describeFileKind } from './read.js';
import { tempPathFor } from './write.js';

/**
 * Writes edited source text back into `path`. The reader drops a UTF-8
 * byte-order mark; it is put back so only the edited characters change.
 */
export async function writeSourceInPlace(path: string, text: string): Promise<void> {
  await writeInPlace(path, (await startsWithBom(path)) ? `\uFEFF${text}` : text);
}

async function startsWithBom(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return bytesRead === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    await handle.close();
  }
}

/** Replaces the content of the user's file `path` (shown as `shown`), keeping what makes it that file. */
export async function writeInPlace(path: string, data: string | Uint8Array, shown = path): Promise<void> {
  let real: string;
  let info: Stats;
  try {
    real = await realpath(path);
    info = await stat(real);
  } catch (error) {
    throw asWriteError(error, shown);
  }
  if (!info.isFile()) throw new FileIoError(`“${shown}”是${describeFileKind(info)}，不是普通文件，没有修改它。`, shown, 'ESPECIAL');
  if ((info.mode & 0o222) === 0) {
    throw new FileIoError(`“${shown}”是只读文件，没有修改它：要让 plandoc 修改，先去掉只读属性（chmod u+w ${shown}）。`, shown, 'EREADONLY');
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  if (info.nlink > 1) await rewriteSameFile(real, bytes, shown);
  else await replaceFile(real, bytes, info, shown);
}

/** Temp file beside the real file, same mode and owner, renamed over it. */
async function replaceFile(real: string, bytes: Buffer, info: Stats, shown: string): Promise<void> {
  const temp = tempPathFor(real);
  try {
    await writeFile(temp, bytes, { mode: info.mode & 0o7777, flag: 'wx' });
    await chmod(temp, info.mode & 0o7777); // the umask may have narrowed it
    await chown(temp, info.uid, info.gid).catch((error: unknown) => {
      // only root may give a file away; a user's own file keeps its owner anyway
      if (errnoCode(error) !== 'EPERM') throw error;
    });
    await rename(temp, real);
  } catch (error) {
    await rm(temp, { force: true });
    throw asWriteError(error, shown);
  }
}

/** Hard links share one inode: write through it, restoring the old bytes if the write fails half-way. */
async function rewriteSameFile(real: string, bytes: Buffer, shown: string): Promise<void> {
  const handle = await open(real, 'r+').catch((error: unknown) => {
    throw asWriteError(error, shown);
  });
  try {
    const { size } = await handle.stat();
    const original = Buffer.alloc(size);
    await handle.read(original, 0, size, 0);
    try {
      await handle.write(bytes, 0, bytes.length, 0);
      await handle.truncate(bytes.length);
    } catch (error) {
      await handle.write(original, 0, original.length, 0).then(() => handle.truncate(original.length)).catch(() => undefined);
      throw asWriteError(error, shown);
    }
  } finally {
    await handle.close();
  }
}
