// Reading input files with a hard bound. The size check uses the bytes
// actually read, not the stat size (0 for /dev/zero or a pipe); devices, FIFOs,
// sockets and directories are refused before they are opened for reading, and
// the open itself is non-blocking so a FIFO without a writer cannot hang us.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { errnoCode } from './errors.js';

export type ReadRefusal =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'special'; what: string }
  | { kind: 'unreadable'; code?: string }
  | { kind: 'too-large'; bytes: number; /** the file is endless or growing: only this much was read */ atLeast?: boolean };

export type BoundedRead = { bytes: Buffer; refusal?: undefined } | { bytes?: undefined; refusal: ReadRefusal };

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** What a non-regular file is, in words a user knows. */
export function describeFileKind(info: Stats): string {
  if (info.isDirectory()) return '文件夹';
  if (info.isFIFO()) return '命名管道（FIFO）';
  if (info.isSocket()) return '套接字（socket）';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

function refusalFor(info: Stats, maxBytes: number): ReadRefusal | undefined {
  if (info.isDirectory()) return { kind: 'directory' };
  if (!info.isFile()) return { kind: 'special', what: describeFileKind(info) };
  if (info.size > maxBytes) return { kind: 'too-large', bytes: info.size };
  return undefined;
}

function refusalForError(error: unknown): ReadRefusal {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'directory' };
  if (code === 'ENXIO' || code === 'ENODEV') return { kind: 'special', what: '特殊文件' };
  return { kind: 'unreadable', code };
}

/** Reads a regular file of at most `maxBytes` bytes, or says why not. */
export async function readBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    const early = refusalFor(await stat(path), maxBytes);
    if (early) return { refusal: early };
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { refusal: refusalForError(error) };
  }
  try {
    // the file may have been swapped between stat and open
    const late = refusalFor(await handle.stat(), maxBytes);
    if (late) return { refusal: late };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { refusal: { kind: 'too-large', bytes: total, atLeast: true } };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { refusal: refusalForError(error) };
  } finally {
    await handle.close();
  }
}

/** The synchronous twin of readBounded, for template loading. */
export function readBoundedSync(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    const early = refusalFor(statSync(path), maxBytes);
    if (early) return { refusal: early };
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { refusal: refusalForError(error) };
  }
  try {
    const late = refusalFor(fstatSync(fd), maxBytes);
    if (late) return { refusal: late };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const bytesRead = readSync(fd, chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { refusal: { kind: 'too-large', bytes: total, atLeast: true } };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { refusal: refusalForError(error) };
  } finally {
    closeSync(fd);
  }
}

/** The refusal as one Chinese sentence naming `file`. */
export function refusalMessage(file: string, refusal: ReadRefusal, maxBytes: number): { message: string; hint: string; code: string } {
  switch (refusal.kind) {
    case 'missing':
      return { code: 'file-missing', message: `找不到文件“${file}”`, hint: '检查文件名和路径是否写对（区分大小写）。' };
    case 'directory':
      return { code: 'file-directory', message: `“${file}”是一个文件夹，不是文件`, hint: '请给出文件夹里的 .yaml 文件，例如 plans/*.yaml。' };
    case 'special':
      return { code: 'file-special', message: `“${file}”是${refusal.what}，不是普通文件，plandoc 不读取它`, hint: '请给出保存在磁盘上的普通文件。' };
    case 'too-large':
      return {
        code: 'file-too-large',
        message: `文件太大（${refusal.atLeast ? '读了 ' : ''}${(refusal.bytes / 1024 / 1024).toFixed(1)} MB${refusal.atLeast ? ' 仍未读完' : ''}），超过了 ${maxBytes / 1024 / 1024} MB 的上限`,
        hint: '计划文件通常只有几十 KB：检查是不是选错了文件。',
      };
    case 'unreadable':
      return refusal.code === 'EACCES' || refusal.code === 'EPERM'
        ? { code: 'file-unreadable', message: `没有权限读取文件“${file}”`, hint: '检查文件权限，或换一个有权限的账户运行。' }
        : { code: 'file-unreadable', message: `无法读取文件“${file}”${refusal.code ? `（${refusal.code}）` : ''}`, hint: '检查文件是否存在、是否被其他程序占用。' };
  }
}
