// The workbench may only touch files inside its folder. A request names a file
// by a path relative to the folder; anything that could leave it (absolute
// paths, "..", backslashes, NUL, a symlink pointing outside) is refused.
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class PathRefused extends Error {}

/** The absolute, symlink-free path of `requested` inside `root`, or PathRefused. */
export async function resolveInside(root: string, requested: string): Promise<string> {
  if (!isPlainRelative(requested)) throw new PathRefused(`不能访问这个路径：${requested}`);
  const realRoot = await realpath(root);
  const target = resolve(realRoot, requested);
  if (!isWithin(realRoot, target)) throw new PathRefused(`不能访问文件夹以外的文件：${requested}`);
  const real = await realOrParent(target);
  if (!isWithin(realRoot, real)) throw new PathRefused(`不能访问文件夹以外的文件：${requested}`);
  return real;
}

function isPlainRelative(path: string): boolean {
  if (path === '' || path.length > 1024 || isAbsolute(path)) return false;
  if (/[\\\0]/.test(path) || /^[a-zA-Z]:/.test(path)) return false;
  return path.split('/').every((part) => part !== '..' && part !== '.' && part !== '');
}

export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A file that does not exist yet (a new plan) is judged by the real path of its directory. */
async function realOrParent(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parent = dirname(target);
    return join(await realpath(parent), target.slice(parent.length + 1));
  }
}

/** The path the page shows and sends back: relative to the folder, with "/". */
export function shownPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}
