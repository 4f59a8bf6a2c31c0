// The build manifest OUT/.plandoc-build.json: for each input, a hash of
// everything its outputs depend on and a hash of each output as written. An
// input is not rendered again only when its key is unchanged and every output
// in out/ still holds exactly what the manifest recorded (an interrupted
// build, or a hand edit, leaves other bytes there).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { readBounded } from '../io/read.js';
import type { BuildInput } from './discover.js';

export const MANIFEST_NAME = '.plandoc-build.json';
const MANIFEST_VERSION = 2;

export interface ManifestEntry {
  key: string;
  /** written files, relative to the output directory */
  outputs: string[];
  /** sha256 of each output as written, in the order of `outputs` */
  hashes: string[];
}

export interface Manifest {
  version: number;
  files: Record<string, ManifestEntry>;
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (parsed.version === MANIFEST_VERSION && parsed.files && typeof parsed.files === 'object') return parsed;
  } catch {
    // no manifest, or one we cannot read: build everything
  }
  return { version: MANIFEST_VERSION, files: {} };
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify({ version: MANIFEST_VERSION, files: sorted }, null, 2)}\n`);
}

/** Whether the outputs of `entry` are current for `key`, checked against the bytes in out/. */
export async function isUpToDate(entry: ManifestEntry | undefined, key: string, outDir: string): Promise<boolean> {
  if (entry === undefined || entry.key !== key || entry.outputs.length === 0 || entry.hashes?.length !== entry.outputs.length) return false;
  for (const [index, path] of entry.outputs.entries()) {
    if ((await hashOutput(join(outDir, path))) !== entry.hashes[index]) return false;
  }
  return true;
}

/** sha256 of an output file, or undefined when it is missing or not a regular file. */
export async function hashOutput(path: string): Promise<string | undefined> {
  const read = await readBounded(path, MAX_OUTPUT_BYTES);
  return read.bytes ? createHash('sha256').update(read.bytes).digest('hex') : undefined;
}

/** Larger than any document plandoc writes; a bigger file in out/ is not ours. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** What every input shares: plandoc itself, the templates, the configuration, the formats. */
export interface SharedInputs {
  /** plandoc version and a hash of its code */
  tool: string;
  templatesDir: string;
  /** text of the configuration file (style profile, templates), or '' */
  config: string;
  formats: string[];
}

export async function sharedKey(shared: SharedInputs): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`tool\0${shared.tool}\0config\0${shared.config}\0formats\0${shared.formats.join(',')}\0`);
  hash.update(`templates\0${await hashDirectory(shared.templatesDir)}\0`);
  return hash.digest('hex');
}

/** The hash of one input: its bytes, the plan a progress file cites, and the shared inputs. */
export async function inputKey(input: BuildInput, shared: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`shared\0${shared}\0input\0`);
  hash.update(await readFile(input.path));
  if (input.plan !== undefined) {
    hash.update('\0plan\0');
    hash.update(await readFile(input.plan).catch(() => Buffer.from('(missing)')));
  }
  return hash.digest('hex');
}

async function hashDirectory(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = existsSync(dir) ? (await listFiles(dir)).sort() : [];
  for (const file of files) {
    hash.update(`${relative(dir, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
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
