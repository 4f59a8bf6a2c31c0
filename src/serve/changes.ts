// The changes view: the 修订对照 of the editor's text against a git revision
// (as `plandoc diff FILE --rev REV`), the file's recent commits, and the
// folder's uncommitted files. Committing stays in git.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PlanDiff } from '../diff/index.js';
import { HttpError } from './http.js';

const run = promisify(execFile);

export interface Revision {
  rev: string;
  date: string;
  subject: string;
}

async function git(args: string[], cwd: string): Promise<string | undefined> {
  try {
    return (await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch {
    return undefined; // not a repository, or no git: the view says so
  }
}

/** The last commits that touched the file; undefined outside a git repository. */
export async function revisionsOf(absolute: string, root: string): Promise<Revision[] | undefined> {
  const out = await git(['log', '-n', '30', '--date=short', '--format=%h%x09%ad%x09%s', '--', absolute], root);
  if (out === undefined) return undefined;
  return out.split('\n').filter(Boolean).map((line) => {
    const [rev = '', date = '', subject = ''] = line.split('\t');
    return { rev, date, subject };
  });
}

/** Files of the folder that differ from the last commit ("M plans/x.yaml"); undefined outside git. */
export async function uncommitted(root: string): Promise<Array<{ status: string; path: string }> | undefined> {
  const out = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], root);
  if (out === undefined) return undefined;
  const prefix = ((await git(['rev-parse', '--show-prefix'], root)) ?? '').trim();
  return out.split('\0').filter(Boolean).map((entry) => ({ status: entry.slice(0, 2).trim(), path: entry.slice(3).replace(prefix, '') }));
}

/** diff's change list from REV to the editor's (unsaved) text. */
export async function diffAgainst(absolute: string, rev: string, text: string): Promise<PlanDiff & { from: string }> {
  const { readRevision, RevisionError } = await import('../diff/git.js');
  const { decodeSource } = await import('../load/source.js');
  const { loadPlanSource } = await import('../load/index.js');
  const { diffPlans } = await import('../diff/index.js');
  let old;
  try {
    old = await readRevision(absolute, rev);
  } catch (error) {
    if (error instanceof RevisionError) throw new HttpError(422, error.message);
    throw error;
  }
  const decoded = decodeSource(old.bytes, old.name);
  const before = decoded.text === undefined ? undefined : loadPlanSource(decoded.text, old.name).value;
  const after = loadPlanSource(text, absolute).value;
  if (!before) throw new HttpError(422, `${old.name} 这个版本的计划有错误，无法比较。`);
  if (!after) throw new HttpError(422, '编辑器里的计划有错误，先改正再比较。');
  return { from: old.name, ...diffPlans(before, after) };
}
