// Reads a file as it was at a git revision (`git show REV:path`), for
// `plandoc diff FILE --rev REV`. Failures become one Chinese sentence.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { MAX_SOURCE_BYTES } from '../load/source.js';

const run = promisify(execFile);

/** A revision or repository problem the user can fix; the message is for them. */
export class RevisionError extends Error {}

export interface RevisionBytes {
  /** the file as stored, undecoded: the caller checks its encoding like any input */
  bytes: Buffer;
  /** "HEAD~1:plans/x.yaml": what diagnostics and headings call it */
  name: string;
}

async function git(args: string[], cwd: string): Promise<string> {
  return (await gitBytes(args, cwd)).toString('utf8');
}

async function gitBytes(args: string[], cwd: string): Promise<Buffer> {
  const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The path of `file` inside its repository, with forward slashes. */
export async function repositoryPath(file: string): Promise<{ root: string; path: string }> {
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) throw new RevisionError(`找不到文件夹 ${dirname(file)}。`);
  try {
    const root = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
    const prefix = (await git(['rev-parse', '--show-prefix'], dir)).trim();
    return { root, path: `${prefix}${basename(file)}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RevisionError('找不到 git 命令，无法读取历史版本；请先安装 git。');
    }
    throw new RevisionError(`${file} 不在 git 仓库里，无法按版本比较；请改用 plandoc diff 旧文件 新文件。`);
  }
}

export async function readRevision(file: string, rev: string): Promise<RevisionBytes> {
  const { root, path } = await repositoryPath(file);
  const name = `${rev}:${path}`;
  if (!(await revisionExists(rev, root))) {
    throw new RevisionError(`版本 “${rev}” 不存在；可以用 git log --oneline 查看已有的提交。`);
  }
  let size: number;
  try {
    size = Number((await git(['cat-file', '-s', name], root)).trim());
  } catch {
    throw new RevisionError(`版本 “${rev}” 中没有文件 ${path}（文件可能是之后才加入或改过名）。`);
  }
  // the same bound as any input, checked before the file is read (a 64 MB one was reported as missing)
  if (size > MAX_SOURCE_BYTES) {
    throw new RevisionError(`版本 “${rev}” 中的文件 ${path} 太大（${(size / 1024 / 1024).toFixed(1)} MB），超过了 ${MAX_SOURCE_BYTES / 1024 / 1024} MB 的上限，不像计划文件。`);
  }
  return { bytes: await gitBytes(['show', name], root), name };
}

async function revisionExists(rev: string, root: string): Promise<boolean> {
  if (rev.startsWith('-')) return false;
  try {
    await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
    return true;
  } catch {
    return false;
  }
}

/** Who made a revision and when: the commit's author name and author date (ISO 8601 with its zone). */
export async function commitAuthor(file: string, rev: string): Promise<{ author: string; date: string }> {
  const { root } = await repositoryPath(file);
  if (!(await revisionExists(rev, root))) throw new RevisionError(`版本 “${rev}” 不存在；可以用 git log --oneline 查看已有的提交。`);
  const [author = '', date = ''] = (await git(['show', '-s', '--format=%an%n%aI', `${rev}^{commit}`], root)).split('\n');
  return { author: author.trim(), date: date.trim() };
}

/** git's user.name where `file` lives, or undefined when none is set. */
export async function gitUserName(file: string): Promise<string | undefined> {
  const { root } = await repositoryPath(file);
  try {
    return (await git(['config', 'user.name'], root)).trim() || undefined;
  } catch {
    return undefined;
  }
}
