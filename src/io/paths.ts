// Path containment on real paths (symlinks resolved by the caller).
import { isAbsolute, relative } from 'node:path';

/** Whether `path` is `root` itself or lies below it; both must be resolved the same way. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('../') && !rel.startsWith('..\\'));
}
