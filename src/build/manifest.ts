// The build manifest OUT/.plandoc-build.json: for each input, a hash of
// everything its outputs depend on and a hash of each output as written. An
// input is not rendered again only when its key is unchanged and every output
// in out/ still holds exactly what the manifest recorded (an interrupted
// build, or a hand edit, leaves other bytes there). Sizes and modification
// times are recorded too: a file whose stat is unchanged is not read again,
// and `shared` records what the shared part of every key stood for, so
// bin/build-unchanged.js can tell "nothing changed" from stats alone.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { readBounded } from '../io/read.js';
import { MAX_SOURCE_BYTES } from '../load/source.js';
import type { BuildInput, KnownSource } from './discover.js';
import { sameStat, statOf, type FileStat } from './file-stat.js';
import { inputKey as keyOfInput, MANIFEST_NAME, MANIFEST_VERSION } from '../../bin/build-unchanged.js';

export { MANIFEST_NAME } from '../../bin/build-unchanged.js';

export interface ManifestEntry {
  key: string;
  /** written files, relative to the output directory */
  outputs: string[];
  /** sha256 of each output as written, in the order of `outputs` */
  hashes: string[];
  /** the stat of each output when its hash was taken */
  stats?: FileStat[];
}

export interface Manifest {
  version: number;
  files: Record<string, ManifestEntry>;
  /** every YAML file of the build directory as last seen (discover.ts) */
  sources?: Record<string, KnownSource>;
  /** what the shared key of this build was made of */
  shared?: SharedRecord;
  /** the manifest's text as read, so an unchanged manifest is not written again */
  text?: string;
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const read = await readBounded(join(outDir, MANIFEST_NAME), MAX_MANIFEST_BYTES);
    if (!read.bytes) throw new Error('unreadable manifest');
    const text = read.bytes.toString('utf8');
    const parsed = JSON.parse(text) as Manifest;
    if (parsed.version === MANIFEST_VERSION && parsed.files && typeof parsed.files === 'object') return { ...parsed, text };
  } catch {
    // no manifest, or one we cannot read: build everything
  }
  return { version: MANIFEST_VERSION, files: {} };
}

/** A manifest of 100,000 inputs stays well below this; a larger "manifest" is not ours. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export async function writeManifest(outDir: string, manifest: Manifest, previousText?: string): Promise<void> {
  const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const text = `${JSON.stringify({ version: MANIFEST_VERSION, files: sorted(manifest.files), sources: sorted(manifest.sources ?? {}), shared: manifest.shared }, null, 2)}\n`;
  if (text !== previousText) await writeFileAtomic(join(outDir, MANIFEST_NAME), text);
}

/**
 * The current stats of `entry`'s outputs when they are up to date for `key`,
 * checked against the bytes in out/ (or against their recorded stat, when unchanged).
 */
export async function upToDateStats(entry: ManifestEntry | undefined, key: string, outDir: string): Promise<FileStat[] | undefined> {
  if (entry === undefined || entry.key !== key || entry.outputs.length === 0 || entry.hashes?.length !== entry.outputs.length) return undefined;
  const stats: FileStat[] = [];
  for (const [index, path] of entry.outputs.entries()) {
    const current = await stat(join(outDir, path)).catch(() => undefined);
    if (!current?.isFile()) return undefined;
    const recorded = entry.stats?.[index];
    if (!sameStat(recorded, current) && (await hashOutput(join(outDir, path))) !== entry.hashes[index]) return undefined;
    stats.push(sameStat(recorded, current) ? recorded! : statOf(current));
  }
  return stats;
}

/** sha256 and stat of an output file, or undefined when it is missing or not a regular file. */
export async function hashOutput(path: string): Promise<string | undefined> {
  const read = await readBounded(path, MAX_OUTPUT_BYTES);
  return read.bytes ? createHash('sha256').update(read.bytes).digest('hex') : undefined;
}

/** The hash and stat of an output just written, for the manifest. */
export async function recordOutput(path: string): Promise<{ hash: string; stat: FileStat } | undefined> {
  const before = await stat(path).catch(() => undefined);
  const hash = await hashOutput(path);
  return before && hash !== undefined ? { hash, stat: statOf(before) } : undefined;
}

/** Larger than any document plandoc writes; a bigger file in out/ is not ours. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** What every input shares: plandoc itself, the templates, the configuration, the formats. */
export interface SharedInputs {
  /** plandoc version and a hash of its code */
  tool: string;
  templatesDir: string;
  /** the configuration file (style profile, templates), if any */
  configFile?: string;
  formats: string[];
}

/**
 * The shared key and the stats of the files it was read from, each taken
 * before the file was read: a stat that still matches vouches for the bytes
 * the key was made of (bin/build-unchanged.js relies on that).
 */
export interface SharedRecord {
  key: string;
  tool: string;
  /** the plandoc package whose templates/ is the default */
  root: string;
  /** build directory and output directory, resolved */
  dir: string;
  outDir: string;
  formats: string[];
  /** --templates, resolved, or null */
  templatesFlag: string | null;
  /** the configuration file in effect, resolved, or null */
  configFile: string | null;
  config: FileStat | null;
  templatesDir: string;
  /** every file of the templates directory, relative to it */
  templates: Record<string, FileStat>;
}

export type SharedKey = Pick<SharedRecord, 'key' | 'config' | 'templates'>;

export async function sharedKey(shared: SharedInputs): Promise<SharedKey> {
  const configStat = shared.configFile === undefined ? undefined : await stat(shared.configFile).catch(() => undefined);
  const config = configStat ? await readFile(shared.configFile!, 'utf8') : '';
  const templates: Record<string, FileStat> = {};
  const hash = createHash('sha256');
  hash.update(`tool\0${shared.tool}\0config\0${config}\0formats\0${shared.formats.join(',')}\0`);
  hash.update(`templates\0${await hashDirectory(shared.templatesDir, templates)}\0`);
  return { key: hash.digest('hex'), config: configStat ? statOf(configStat) : null, templates };
}

/**
 * The hash of one input: its bytes (hashed when discovered), the plan a
 * progress file cites, and the shared inputs. `planHash` gives the hash of a
 * plan file, reading it only when the build has not seen it.
 */
export async function inputKey(input: BuildInput, shared: string, planHash: (path: string) => Promise<string>): Promise<string> {
  return keyOfInput(shared, input.hash, input.plan === undefined ? undefined : await planHash(input.plan));
}

/** Hashes of the discovered inputs by absolute path; other plan files are read (once) when cited. */
export function planHashes(inputs: readonly BuildInput[]): (path: string) => Promise<string> {
  const known = new Map<string, Promise<string>>(inputs.map((input) => [resolve(input.path), Promise.resolve(input.hash)]));
  return (path) => {
    const absolute = resolve(path);
    let hash = known.get(absolute);
    if (!hash) {
      // a cited plan that cannot be read keys on why: loading the progress file reports it
      hash = readBounded(absolute, MAX_SOURCE_BYTES).then((read) => (read.bytes ? createHash('sha256').update(read.bytes).digest('hex') : `(${read.refusal.kind})`));
      known.set(absolute, hash);
    }
    return hash;
  };
}

/** The hash of every file under `dir`; `stats` receives each file's stat, taken before it is read. */
async function hashDirectory(dir: string, stats: Record<string, FileStat>): Promise<string> {
  const hash = createHash('sha256');
  const files = existsSync(dir) ? (await listFiles(dir)).sort() : [];
  for (const file of files) {
    const name = relative(dir, file);
    const before = await stat(file);
    hash.update(`${name}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
    stats[name] = statOf(before);
  }
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
