// The writer's folder as the workbench sees it: its plan, progress and
// Markdown files grouped by plan, each with its check status, and reading and
// saving a file with a version so an outside change is never overwritten.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { writeInPlace } from '../io/inplace.js';
import { readBounded, refusalMessage } from '../io/read.js';
import { kindOf, referencedPlan } from '../build/discover.js';
import { HttpError } from './http.js';
import { resolveInside, shownPath } from './paths.js';

export type FileKind = 'plan' | 'progress' | 'markdown' | 'other';

export interface FileEntry {
  path: string;
  kind: FileKind;
  errors: number;
  warnings: number;
}

export interface PlanGroup {
  /** the plan's path; '' for files that belong to no plan */
  plan: string;
  files: FileEntry[];
}

const SKIPPED = new Set(['node_modules', '.git', 'out']);
const MAX_FILES = 2000;

/** Files under `root`, symlinks not followed. */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= MAX_FILES || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) await walk(path);
      else if (entry.isFile() && /\.(ya?ml|md|markdown)$/i.test(entry.name)) found.push(path);
    }
  };
  await walk(root);
  return found;
}

export async function groupFiles(root: string): Promise<PlanGroup[]> {
  const groups = new Map<string, FileEntry[]>();
  const add = (plan: string, entry: FileEntry) => groups.set(plan, [...(groups.get(plan) ?? []), entry]);
  const markdown: FileEntry[] = [];
  for (const path of await listFiles(root)) {
    const text = await readFile(path, 'utf8').catch(() => '');
    const isMarkdown = /\.(md|markdown)$/i.test(path);
    const kind: FileKind = isMarkdown ? 'markdown' : (kindOf(text) ?? 'other');
    if (kind === 'other') continue;
    const diagnostics = (await fileDiagnostics(text, path)).filter((d) => d.file === path);
    const entry = { path: shownPath(root, path), kind, errors: count(diagnostics, 'error'), warnings: count(diagnostics, 'warning') };
    if (kind === 'markdown') markdown.push(entry);
    else add(kind === 'plan' ? entry.path : planOf(root, text, path), entry);
  }
  for (const entry of markdown) add(ownerGroup(groups, entry.path), entry);
  return [...groups].map(([plan, files]) => ({ plan, files: sortPlanFirst(plan, files) })).sort((a, b) => (a.plan === '' ? 1 : b.plan === '' ? -1 : a.plan.localeCompare(b.plan)));
}

/** What the editor shows for the file: check's findings, or a Markdown file's reading and lint findings. */
async function fileDiagnostics(text: string, path: string): Promise<Array<{ file: string; severity: string }>> {
  if (/\.(md|markdown)$/i.test(path)) return (await import('./live.js')).liveDiagnostics(text, path);
  return (await (await import('../check/index.js')).checkSource(text, path)).diagnostics;
}

/** A Markdown file named like a plan or progress file beside it (its rendered text, a summary) belongs to that file's plan. */
function ownerGroup(groups: Map<string, FileEntry[]>, markdownPath: string): string {
  const stem = markdownPath.replace(/\.(md|markdown)$/i, '');
  for (const [plan, files] of groups) if (files.some((file) => file.path.replace(/\.ya?ml$/i, '') === stem)) return plan;
  return '';
}

function planOf(root: string, text: string, path: string): string {
  const plan = referencedPlan(text, path);
  if (!plan) return '';
  const rel = relative(root, plan);
  return rel.startsWith('..') ? '' : shownPath(root, plan);
}

function sortPlanFirst(plan: string, files: FileEntry[]): FileEntry[] {
  return [...files].sort((a, b) => (a.path === plan ? -1 : b.path === plan ? 1 : a.path.localeCompare(b.path)));
}

function count(diagnostics: Array<{ severity: string }>, severity: string): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

// ---- reading and saving ---------------------------------------------------------

export interface FileState {
  path: string;
  text: string;
  /** a hash of the bytes on disk; a save names the version it was based on */
  version: string;
}

export function versionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** The file's bytes, refusing anything but a regular file of a plan's size. */
export async function readInside(root: string, path: string, limit: number): Promise<{ absolute: string; bytes: Buffer }> {
  const absolute = await resolveInside(root, path);
  const read = await readBounded(absolute, limit);
  if (read.refusal) {
    const status = read.refusal.kind === 'missing' ? 404 : read.refusal.kind === 'too-large' ? 413 : 400;
    throw new HttpError(status, refusalMessage(path, read.refusal, limit).message);
  }
  return { absolute, bytes: read.bytes };
}

export async function currentVersion(root: string, path: string): Promise<string | undefined> {
  const absolute = await resolveInside(root, path);
  const bytes = await readFile(absolute).catch(() => undefined);
  return bytes ? versionOf(bytes) : undefined;
}

export type SaveResult = { saved: true; version: string } | { saved: false; conflict: FileState };

/**
 * Writes `text` atomically unless the file changed on disk since `baseVersion`
 * (another editor, `git checkout`): then nothing is written and the page gets
 * the current text to offer reload or keep. `baseVersion` null creates a new file.
 */
export async function saveFile(root: string, path: string, text: string, baseVersion: string | null): Promise<SaveResult> {
  const absolute = await resolveInside(root, path);
  return oneAtATime(absolute, () => saveChecked(absolute, path, text, baseVersion));
}

async function saveChecked(absolute: string, path: string, text: string, baseVersion: string | null): Promise<SaveResult> {
  const onDisk = await readFile(absolute).catch(() => undefined);
  const diskVersion = onDisk ? versionOf(onDisk) : null;
  if (diskVersion !== baseVersion) {
    return { saved: false, conflict: { path, text: onDisk?.toString('utf8') ?? '', version: diskVersion ?? '' } };
  }
  // an existing file stays the same file (symlink, mode, hard links kept); a new one is written atomically
  if (onDisk) await writeInPlace(absolute, text, path);
  else await writeFileAtomic(absolute, text, path);
  return { saved: true, version: versionOf(text) };
}

const pending = new Map<string, Promise<unknown>>();

/** Saves of one file run one after another, so the version check and the write are not interleaved. */
function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = pending.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  pending.set(key, settled);
  void settled.then(() => {
    if (pending.get(key) === settled) pending.delete(key);
  });
  return next;
}
