// plandoc build: every plan and progress file under a directory, rendered in
// parallel, skipping those whose inputs have not changed since the last build.
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../init/schema-path.js';
import { discoverInputs, listYamlFiles, type BuildInput } from './discover.js';
import { inputKey, planHashes, readManifest, recordOutput, sharedKey, upToDateStats, writeManifest, type Manifest, type ManifestEntry, type SharedRecord } from './manifest.js';
import { OutputRoot } from '../io/output.js';
import { outputBaseName } from '../render/index.js';
import { effectiveJobs } from './jobs.js';
import { runPool } from './pool.js';
import { toolIdentity, type RenderJobResult } from './render-result.js';
import { RenderWorkers } from './render-workers.js';
import type { InProcessSettings } from './render-inprocess.js';
import type { FileStat } from './file-stat.js';
import type { StyleProfileOverrides } from '../docx/profile.js';

export type { BuildInput } from './discover.js';

export interface BuildOptions {
  dir: string;
  outDir: string;
  formats: string[];
  /** --templates, passed on to render */
  templates?: string;
  /** --config, passed on to render */
  config?: string;
  /** the templates directory in effect (from --templates or the configuration) */
  templatesDir?: string;
  /** the configuration file in effect, if any */
  configFile?: string;
  jobs?: number;
  /** render everything, ignoring the manifest */
  force?: boolean;
  color?: boolean;
  /** list every warning instead of the first few */
  verbose?: boolean;
  /**
   * Watch mode: the key each input had when it last failed. An input that
   * failed and has not changed since is not rendered again (its diagnostics
   * would only repeat).
   */
  failedKeys?: Map<string, string>;
  /** style-profile overrides from the configuration, for the default renderer */
  profile?: StyleProfileOverrides;
  /** renders one input into a directory; default: in this process for a few files, else warm render workers */
  renderer?: (input: string, outDir: string, root: string) => Promise<RenderJobResult>;
  /** watch mode: render workers kept warm from one build to the next (closed by the caller) */
  workers?: RenderWorkers;
}

/**
 * Up to this many files render in the build's own process: a render worker
 * costs a Node start, a cold load of the renderer and a JIT warm-up, which
 * only pays off when the lanes share enough files. 10 files took 0.42 s of
 * CPU in process and 1.15 s through two workers (docs/benchmark.md); 25 and
 * 40 files, under load, 0.93-1.09 and 1.33-1.49 s of CPU in process against
 * 1.27-1.45 and 1.94-1.98 s with one lane here and a worker, also shorter in
 * wall time. On an idle second core the worker starts helping at ~40 files.
 */
export const IN_PROCESS_BATCH = 32;

type Renderer = NonNullable<BuildOptions['renderer']>;

export type FileStatus = 'rendered' | 'unchanged' | 'failed';

export interface FileOutcome {
  input: BuildInput;
  status: FileStatus;
  outputs: string[];
  /** diagnostics and warnings `plandoc render` printed */
  messages: string;
  /** watch mode: a failure already reported and not retried */
  repeated?: boolean;
}

export interface BuildEvents {
  /** YAML files under the directory that are neither plans nor progress files */
  skipped?(paths: string[]): void;
  start?(inputs: BuildInput[], toRender: number): void;
  done?(outcome: FileOutcome): void;
}

export async function runBuild(options: BuildOptions, events: BuildEvents = {}): Promise<FileOutcome[]> {
  const manifest = await readManifest(options.outDir);
  const files = await listYamlFiles(options.dir, [options.outDir]);
  const early = workersStartedEarly(options, manifest, files.length);
  try {
    return await buildListed(options, events, manifest, files, early);
  } finally {
    early?.close();
  }
}

/**
 * A first build (or --force) of more files than render here starts its
 * workers before reading and hashing the inputs: their start-up (a Node
 * start, the bundle, the first renders) overlaps that work instead of
 * following it. An incremental build does not know yet whether anything
 * changed, and starts none.
 */
export function workersStartedEarly(options: BuildOptions, manifest: Manifest, listed: number): RenderWorkers | undefined {
  if (options.renderer || options.workers || listed <= IN_PROCESS_BATCH) return undefined;
  if (!options.force && Object.keys(manifest.files).length > 0) return undefined;
  return new RenderWorkers(Math.min(effectiveJobs(options.jobs), listed), workerSettings(options)).warm();
}

async function buildListed(options: BuildOptions, events: BuildEvents, manifest: Manifest, files: string[], early: RenderWorkers | undefined): Promise<FileOutcome[]> {
  const { inputs, skipped, sources } = await discoverInputs(options.dir, [options.outDir], manifest.sources, files);
  if (skipped.length > 0) events.skipped?.(skipped);
  const record = await sharedRecord(options);
  const shared = record.key;
  const collisions = outputCollisions(inputs, await OutputRoot.open(options.outDir), options.outDir);
  const keys = new Map<BuildInput, string>();
  const planHash = planHashes(inputs);
  for (const input of inputs) keys.set(input, await inputKey(input, shared, planHash));
  const outcomes = new Map<BuildInput, FileOutcome>();
  const checked = new Map<BuildInput, FileStat[]>();
  const toRender: BuildInput[] = [];
  for (const input of inputs) {
    const key = keys.get(input)!;
    const entry = manifest.files[input.relative];
    const clash = collisions.get(input);
    const stats = clash || options.force ? undefined : await upToDateStats(entry, key, options.outDir);
    if (clash) {
      outcomes.set(input, { input, status: 'failed', outputs: [], messages: clash });
    } else if (stats) {
      checked.set(input, stats);
      outcomes.set(input, { input, status: 'unchanged', outputs: entry!.outputs.map((p) => join(options.outDir, p)), messages: '' });
    } else if (options.failedKeys?.get(input.relative) === key) {
      outcomes.set(input, { input, status: 'failed', outputs: [], messages: '', repeated: true });
    } else {
      toRender.push(input);
    }
  }
  events.start?.(inputs, toRender.length);
  for (const outcome of outcomes.values()) events.done?.(outcome);
  const { render, lanes, close } = await chooseRenderer(early ? { ...options, workers: early } : options, toRender.length);
  try {
    await runPool(toRender, lanes, (input) => render(input.path, join(options.outDir, dirname(input.relative)), options.outDir), (input, result) => {
      const outcome: FileOutcome = { input, status: result.ok ? 'rendered' : 'failed', outputs: result.outputs, messages: result.messages };
      outcomes.set(input, outcome);
      events.done?.(outcome);
    });
  } finally {
    close();
  }
  const ordered = inputs.map((input) => outcomes.get(input)!);
  const updated = await updatedManifest(manifest, ordered, keys, checked, options);
  await writeManifest(options.outDir, { ...updated, sources, shared: record }, manifest.text);
  return ordered;
}

/** The shared key of this build, with what it was made of (for bin/build-unchanged.js). */
async function sharedRecord(options: BuildOptions): Promise<SharedRecord> {
  const root = packageRoot();
  const inputs = { tool: toolIdentity(), templatesDir: resolve(options.templatesDir ?? join(root, 'templates')), configFile: options.configFile, formats: options.formats };
  const { key, config, templates } = await sharedKey(inputs);
  return {
    key, tool: inputs.tool, root, dir: resolve(options.dir), outDir: resolve(options.outDir), formats: options.formats,
    templatesFlag: options.templates === undefined ? null : resolve(options.templates),
    configFile: options.configFile === undefined ? null : resolve(options.configFile), config, templatesDir: inputs.templatesDir, templates,
  };
}

/**
 * A few files render here, one after another (no worker start-up to pay);
 * more go to render workers, one per lane: new ones, or watch's warm ones.
 */
export async function chooseRenderer(options: BuildOptions, count: number): Promise<ChosenRenderer> {
  const lanes = Math.max(1, Math.min(effectiveJobs(options.jobs), count));
  if (options.renderer) return { kind: 'given', render: options.renderer, lanes, close: () => undefined };
  if (count <= IN_PROCESS_BATCH) {
    const { renderSafely } = await import('./render-inprocess.js');
    const settings = workerSettings(options);
    return { kind: 'in-process', render: (input, outDir, root) => renderSafely(input, outDir, settings, root), lanes: 1, close: () => undefined };
  }
  const workers = options.workers ?? new RenderWorkers(lanes, workerSettings(options));
  const close = options.workers ? () => undefined : () => workers.close();
  return { kind: 'workers', render: (input, outDir, root) => workers.render(input, outDir, root), lanes: Math.min(lanes, workers.size), close };
}

export interface ChosenRenderer {
  kind: 'given' | 'in-process' | 'workers';
  render: Renderer;
  lanes: number;
  /** ends the workers started for this build (not watch's warm ones) */
  close: () => void;
}

/**
 * Inputs whose outputs would have the same name (plans/x.yaml and
 * plans/x.yml): neither is rendered, and the message names both.
 */
function outputCollisions(inputs: BuildInput[], root: OutputRoot, outDir: string): Map<BuildInput, string> {
  const byPath = new Map(inputs.map((input) => [input.path, input]));
  const found = new Map<BuildInput, string>();
  for (const input of inputs) {
    const stem = join(outDir, dirname(input.relative), outputBaseName(input.path));
    const earlier = root.claim(stem, input.path);
    if (earlier === undefined) continue;
    const message = `plandoc: ${earlier} 和 ${input.path} 会生成同名的输出文件 ${stem}.*，两个都没有生成：给其中一个改名。\n`;
    found.set(input, message);
    found.set(byPath.get(earlier)!, message);
  }
  return found;
}

export function workerSettings(options: BuildOptions): InProcessSettings {
  return { formats: options.formats, templatesDir: options.templatesDir, profile: options.profile, color: options.color ?? false, verbose: options.verbose };
}

/** The manifest after this build: each rendered input with the hashes (and stats) of the outputs now in out/. */
async function updatedManifest(
  previous: Manifest, outcomes: FileOutcome[], keys: Map<BuildInput, string>, checked: Map<BuildInput, FileStat[]>, options: BuildOptions,
): Promise<Manifest> {
  const files: Manifest['files'] = {};
  for (const outcome of outcomes) {
    const name = outcome.input.relative;
    if (outcome.status === 'unchanged') files[name] = { ...previous.files[name]!, stats: checked.get(outcome.input) };
    if (outcome.status === 'rendered') {
      const entry = await renderedEntry(outcome, keys.get(outcome.input)!, options.outDir);
      // an output that vanished already is not recorded: the next build renders the input again
      if (entry) files[name] = entry;
    }
    if (options.failedKeys) {
      if (outcome.status === 'failed') options.failedKeys.set(name, keys.get(outcome.input)!);
      else options.failedKeys.delete(name);
    }
  }
  return { version: previous.version, files };
}

async function renderedEntry(outcome: FileOutcome, key: string, outDir: string): Promise<ManifestEntry | undefined> {
  const outputs = outcome.outputs.map((path) => relative(resolve(outDir), resolve(path)));
  const records = await Promise.all(outcome.outputs.map((path) => recordOutput(path)));
  if (!records.every((record) => record !== undefined)) return undefined;
  return { key, outputs, hashes: records.map((r) => r!.hash), stats: records.map((r) => r!.stat) };
}

export function summaryLine(outcomes: readonly FileOutcome[]): string {
  const count = (status: FileStatus) => outcomes.filter((o) => o.status === status).length;
  return `共 ${outcomes.length} 个文件：生成 ${count('rendered')} 个，未变 ${count('unchanged')} 个，失败 ${count('failed')} 个`;
}
