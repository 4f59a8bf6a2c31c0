// File-system failures in plain Chinese, naming the file. Every command shows
// these instead of Node's English `ENOSPC: no space left on device, open …`.

/** An I/O failure a user can act on: its message is already Chinese and names the file. */
export class FileIoError extends Error {
  constructor(message: string, readonly path: string, readonly code?: string) {
    super(message);
    this.name = 'FileIoError';
  }
}

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why writing `path` failed, in one Chinese sentence with the fix. */
export function writeFailureMessage(path: string, code: string | undefined): string {
  return `无法写入“${path}”：${WRITE_FAILURES[code ?? ''] ?? `${code ? `（${code}）` : ''}检查输出目录的权限和磁盘空间。`}`;
}

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: '磁盘已满。清理磁盘空间后重试。',
  EDQUOT: '磁盘配额已用完。清理磁盘空间后重试。',
  EACCES: '没有权限。检查文件和目录的权限，或换一个输出目录（-o）。',
  EPERM: '没有权限。检查文件和目录的权限，或换一个输出目录（-o）。',
  EROFS: '所在的磁盘是只读的（没有写入权限）。换一个输出目录（-o）。',
  EISDIR: '这个位置是一个文件夹。删掉或改名这个文件夹，或换一个输出目录（-o）。',
  ENOTDIR: '上级路径里有一个同名的文件，不是文件夹。换一个输出目录（-o）。',
  ENAMETOOLONG: '文件名太长。缩短文件名或目录名。',
  EMFILE: '同时打开的文件太多。减少并行数（-j）后重试。',
  ENFILE: '同时打开的文件太多。减少并行数（-j）后重试。',
  EIO: '磁盘读写出错（EIO）。检查磁盘，或换一个输出目录（-o）。',
};

/** Wraps any error from writing `path` as a FileIoError (keeps one that already is). */
export function asWriteError(error: unknown, path: string): FileIoError {
  if (error instanceof FileIoError) return error;
  const code = errnoCode(error);
  return new FileIoError(writeFailureMessage(path, code), path, code);
}
