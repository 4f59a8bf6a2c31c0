// The one place outputs are written through. An OutputRoot is the output
// folder of one run: it is validated and created before any work, every
// file's folder is resolved to its real path (symlinks included) and must lie
// inside the root's real path, and two inputs claiming one output name in the
// same run are refused with both named.
import { lstat, realpath, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FileIoError, asWriteError, errnoCode } from './errors.js';
import { checkOutputDirectory, makeDirectory } from './directories.js';
import { isInside } from './paths.js';
import { describeFileKind } from './read.js';
import { removeStaleTemps, writeFileAtomic } from './write.js';
import { sanitizeText } from './sanitize.js';

export class OutputRoot {
  private readonly claims = new Map<string, string>();
  /** folders whose stale temporary files were removed in this run */
  private readonly cleaned = new Set<string>();

  private constructor(
    /** the folder as the user gave it */
    readonly shown: string,
    /** its real path */
    readonly real: string,
  ) {}

  /** Validates the folder before any work, creating nothing (a run with errors leaves no folder behind). */
  static async check(dir: string): Promise<void> {
    await checkOutputDirectory(dir, dir);
  }

  /** Checks and creates the folder (refusing /proc, paths through files…). */
  static async open(dir: string): Promise<OutputRoot> {
    await makeDirectory(dir, dir);
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      throw asWriteError(error, dir);
    }
    return new OutputRoot(dir, real);
  }

  /**
   * Reserves the output `path` for `input`. Returns the input that claimed it
   * earlier in this run (x.yaml and x.yml both give x.docx), else undefined.
   */
  claim(path: string, input: string): string | undefined {
    const key = resolve(path);
    const earlier = this.claims.get(key);
    if (earlier !== undefined && earlier !== input) return earlier;
    this.claims.set(key, input);
    return undefined;
  }

  /** The real path to write the output `path` (as shown) to, its folder created and contained in the root. */
  async target(path: string): Promise<string> {
    if (!isInside(resolve(this.shown), resolve(path))) {
      throw new FileIoError(`输出文件“${path}”不在输出目录“${this.shown}”里。`, path, 'EOUTSIDE');
    }
    const folder = dirname(resolve(path));
    await makeDirectory(folder, dirname(path));
    let realFolder: string;
    try {
      realFolder = await realpath(folder);
    } catch (error) {
      throw asWriteError(error, path);
    }
    if (!isInside(this.real, realFolder)) {
      throw new FileIoError(`输出文件“${path}”所在的文件夹是指向输出目录之外（${realFolder}）的链接：plandoc 不在输出目录之外写文件。删掉这个链接，或换一个输出目录（-o）。`, path, 'EOUTSIDE');
    }
    if (!this.cleaned.has(realFolder)) {
      this.cleaned.add(realFolder);
      await removeStaleTemps(realFolder);
    }
    const target = join(realFolder, basename(path));
    await refuseSpecialTarget(target, path);
    return target;
  }

  /** Writes one output atomically (a symlink at the target is replaced, never followed); text passes the sanitiser. */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    await writeFileAtomic(await this.target(path), typeof data === 'string' ? sanitizeText(data) : data, path);
  }

  /** Removes an output before a conversion that may fail, so an old file is never taken for the new one. */
  async removeStale(path: string): Promise<string> {
    const target = await this.target(path);
    try {
      await rm(target, { force: true });
    } catch (error) {
      throw asWriteError(error, path);
    }
    return target;
  }
}

async function refuseSpecialTarget(target: string, shown: string): Promise<void> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw asWriteError(error, shown);
  }
  if (info.isFile() || info.isSymbolicLink()) return;
  throw new FileIoError(`输出文件“${shown}”的位置已经有一个${describeFileKind(info)}，不能覆盖：删掉它，或换一个输出目录（-o）。`, shown, 'EEXIST');
}
