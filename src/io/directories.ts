// Creating output folders without Node's recursive mkdir, which loops forever
// under /proc (ENOENT for every component it creates). The folder is
// validated first: a virtual file system or a path through a regular file is
// refused with a Chinese message before any work.
import { lstat, mkdir, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FileIoError, asWriteError, errnoCode } from './errors.js';

/** Kernel file systems (statfs f_type) that hold no user files. */
const VIRTUAL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, '/proc'],
  [0x62656572, '/sys'],
  [0x1373, '/dev'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
]);

/** The nearest folder of `path` (itself or an ancestor) that exists. */
async function nearestExisting(path: string): Promise<{ path: string; missing: string[] }> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      await lstat(current);
      return { path: current, missing };
    } catch (error) {
      const parent = dirname(current);
      if (errnoCode(error) !== 'ENOENT' || parent === current) throw error;
      missing.unshift(current);
      current = parent;
    }
  }
}

/** Throws a FileIoError when `dir` cannot be an output folder; creates nothing. */
export async function checkOutputDirectory(dir: string, shown = dir): Promise<void> {
  let existing: { path: string; missing: string[] };
  try {
    existing = await nearestExisting(dir);
  } catch (error) {
    throw asWriteError(error, shown);
  }
  let info;
  try {
    info = await stat(existing.path);
  } catch (error) {
    throw asWriteError(error, shown);
  }
  if (!info.isDirectory()) {
    const what = existing.path === resolve(dir) ? `“${shown}”已经是一个文件` : `路径里的“${existing.path}”是一个文件，不是文件夹`;
    throw new FileIoError(`无法创建输出目录“${shown}”：${what}。换一个输出目录（-o）。`, shown, 'ENOTDIR');
  }
  const system = await virtualFileSystem(existing.path);
  if (system) {
    throw new FileIoError(`无法创建输出目录“${shown}”：它在系统的虚拟文件夹（${system}）里，不能保存文件。换一个输出目录（-o）。`, shown, 'EVIRTUAL');
  }
}

async function virtualFileSystem(path: string): Promise<string | undefined> {
  try {
    return VIRTUAL_FILE_SYSTEMS.get(Number((await statfs(path)).type));
  } catch {
    const top = /^\/(proc|sys)(\/|$)/.exec(path)?.[1];
    return top ? `/${top}` : undefined;
  }
}

/** Creates `dir` and its missing parents, one at a time, after checking it. */
export async function makeDirectory(dir: string, shown = dir): Promise<void> {
  await checkOutputDirectory(dir, shown);
  const { missing } = await nearestExisting(dir).catch((error: unknown) => {
    throw asWriteError(error, shown);
  });
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw asWriteError(error, shown);
    }
  }
}
