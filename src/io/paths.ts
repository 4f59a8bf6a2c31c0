// Path containment on real paths (symlinks resolved by the caller).
import { isAbsolute, relative } from 'node:path';

/** Whether `path` is `root` itself or lies below it; both must be resolved the same way. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('../') && !rel.startsWith('..\\'));
}

/**
 * A name from user data (an issuer, a title) as one file name in the current
 * folder: separators, "..", and characters Windows refuses become "_".
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length)).trim();
  return cleaned === '' ? 'plan' : cleaned;
}
