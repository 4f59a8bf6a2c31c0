// Finds the plan and progress files under a directory. A YAML file is a
// progress file when it has a top-level `period` key, a plan when it has a
// top-level `sections` key; anything else (a config file…) is not ours.
// Each file is read at most once per build, and not at all when its size and
// modification time match what the previous build recorded for it.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FILE_NAME } from '../config/index.js';
import { isPlanSource, isProgressSource } from '../load/index.js';
import { excessiveNesting } from '../load/depth.js';
import { MAX_SOURCE_BYTES } from '../load/source.js';
import { readBounded, type ReadRefusal } from '../io/read.js';
import { sameStat, statOf, type FileStat } from './file-stat.js';
import { runPool } from './pool.js';

export type InputKind = 'plan' | 'progress';

export interface BuildInput {
  /** path as the user sees it: plans/changshou-2026.yaml */
  path: string;
  /** path relative to the build directory, the manifest key: changshou-2026.yaml */
  relative: string;
  kind: InputKind;
  /** the plan a progress file refers to (its `plan:`), resolved */
  plan?: string;
  /** sha256 of the file's bytes */
  hash: string;
}

/** What the previous build learnt about a YAML file, valid while its stat is unchanged. */
export interface KnownSource {
  stat: FileStat;
  hash: string;
  /** null: neither a plan nor a progress file */
  kind: InputKind | null;
  /** the `plan:` of a progress file, relative to the build directory */
  plan?: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface Discovered {
  inputs: BuildInput[];
  /** YAML files that are neither (the configuration file aside), so the build can say it left them out */
  skipped: string[];
  /** every YAML file found, by path relative to the directory: for the next build */
  sources: Record<string, KnownSource>;
}

/**
 * Every plan and progress file under `dir`, in path order; `exclude` (the
 * output directory) is not searched. `known` is what the last build recorded;
 * `listed`, the files listYamlFiles already found.
 */
export async function discoverInputs(
  dir: string, exclude: string[] = [], known: Record<string, KnownSource> = {}, listed?: string[],
): Promise<Discovered> {
  const files = listed ?? (await listYamlFiles(dir, exclude));
  // a few files at a time: one after another, each stat and read waited for the thread pool in turn
  const examined = await runPool(files, EXAMINED_AT_ONCE, (path) => examine(path, dir, known[relative(dir, path)]), () => undefined);
  const found: Discovered = { inputs: [], skipped: [], sources: {} };
  for (const [index, path] of files.entries()) {
    const name = relative(dir, path);
    const source = examined[index];
    if (!source) continue;
    found.sources[name] = source;
    if (!source.kind) {
      if (basename(path) !== CONFIG_FILE_NAME) found.skipped.push(path);
      continue;
    }
    const input: BuildInput = { path, relative: name, kind: source.kind, hash: source.hash };
    if (source.plan !== undefined) input.plan = resolve(dir, source.plan);
    found.inputs.push(input);
  }
  return found;
}

const EXAMINED_AT_ONCE = 8;

/** The YAML files under `dir`, in path order, outside the `exclude`d folders (the output directory). */
export async function listYamlFiles(dir: string, exclude: string[] = []): Promise<string[]> {
  return (await yamlFiles(dir, new Set(exclude.map((path) => resolve(path))))).sort();
}

/**
 * The file's kind, plan and hash: from `known` when its stat is unchanged,
 * else from reading it once, within the input bound. A file that cannot be
 * read (a FIFO or device named .yaml, one too large, one without read
 * permission) counts as a plan: rendering it fails with render's Chinese
 * diagnostic, where skipping it would hide it and waiting on it would hang.
 */
async function examine(path: string, dir: string, known: KnownSource | undefined): Promise<KnownSource | undefined> {
  const current = await stat(path).catch(() => undefined);
  if (!current) return undefined;
  if (current.isFile() && known && sameStat(known.stat, current)) return known;
  const read = await readBounded(path, MAX_SOURCE_BYTES);
  if (read.refusal) return read.refusal.kind === 'missing' ? undefined : unreadable(current, read.refusal);
  const bytes = read.bytes;
  const text = bytes.toString('utf8');
  const kind = kindOf(text) ?? null;
  const source: KnownSource = { stat: statOf(current), hash: createHash('sha256').update(bytes).digest('hex'), kind };
  const plan = kind === 'progress' ? referencedPlan(text, path) : undefined;
  if (plan !== undefined) source.plan = relative(dir, plan);
  return source;
}

/** Never trusted by stat: the next build looks again. */
function unreadable(current: Stats, refusal: ReadRefusal): KnownSource {
  return { stat: { ...statOf(current), racy: true }, hash: `(${refusal.kind})`, kind: 'plan' };
}

async function yamlFiles(dir: string, skipped: Set<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !skipped.has(resolve(path))) found.push(...(await yamlFiles(path, skipped)));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

export function kindOf(text: string): InputKind | undefined {
  if (isProgressSource(text)) return 'progress';
  if (isPlanSource(text)) return 'plan';
  return undefined;
}

/** The `plan:` of a progress file, relative to the progress file; undefined when unreadable. */
export function referencedPlan(text: string, path: string): string | undefined {
  if (excessiveNesting(text) !== undefined) return undefined;
  try {
    const value = (parse(text) as { plan?: unknown } | null)?.plan;
    return typeof value === 'string' ? resolve(dirname(path), value) : undefined;
  } catch {
    return undefined;
  }
}
