// Finds the plan and progress files under a directory. A YAML file is a
// progress file when it has a top-level `period` key, a plan when it has a
// top-level `sections` key; anything else (a config file…) is not ours.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FILE_NAME } from '../config/index.js';
import { isPlanSource, isProgressSource } from '../load/index.js';
import { excessiveNesting } from '../load/depth.js';

export type InputKind = 'plan' | 'progress';

export interface BuildInput {
  /** path as the user sees it: plans/changshou-2026.yaml */
  path: string;
  /** path relative to the build directory, the manifest key: changshou-2026.yaml */
  relative: string;
  kind: InputKind;
  /** the plan a progress file refers to (its `plan:`), resolved */
  plan?: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface Discovered {
  inputs: BuildInput[];
  /** YAML files that are neither (the configuration file aside), so the build can say it left them out */
  skipped: string[];
}

/** Every plan and progress file under `dir`, in path order; `exclude` (the output directory) is not searched. */
export async function discoverInputs(dir: string, exclude: string[] = []): Promise<Discovered> {
  const excluded = new Set(exclude.map((path) => resolve(path)));
  const files = (await yamlFiles(dir, excluded)).sort();
  const found: Discovered = { inputs: [], skipped: [] };
  for (const path of files) {
    const text = await readFile(path, 'utf8').catch(() => '');
    const kind = kindOf(text);
    if (!kind) {
      if (basename(path) !== CONFIG_FILE_NAME) found.skipped.push(path);
      continue;
    }
    const input: BuildInput = { path, relative: relative(dir, path), kind };
    if (kind === 'progress') input.plan = referencedPlan(text, path);
    found.inputs.push(input);
  }
  return found;
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
