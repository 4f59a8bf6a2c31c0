// plandoc build: every plan and progress file under a directory, rendered in
// parallel, skipping those whose inputs have not changed since the last build.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../init/schema-path.js';
import { discoverInputs, type BuildInput } from './discover.js';
import { hashOutput, inputKey, isUpToDate, readManifest, sharedKey, writeManifest, type Manifest } from './manifest.js';
import { OutputRoot } from '../io/output.js';
import { outputBaseName } from '../render/index.js';
import { runPool } from './pool.js';
import { toolIdentity, type RenderJobResult } from './render-result.js';
import { RenderWorkers } from './render-workers.js';
import type { InProcessSettings } from './render-inprocess.js';
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
  /**
   * Watch mode: the key each input had when it last failed. An input that
   * failed and has not changed since is not rendered again (its diagnostics
   * would only repeat).
   */
  failedKeys?: Map<string, string>;
  /** style-profile overrides from the configuration, for the default renderer */
  profile?: StyleProfileOverrides;
  /** renders one input into a directory; default: a pool of warm render workers */
  renderer?: (input: string, outDir: string, root: string) => Promise<RenderJobResult>;
}

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
  const { inputs, skipped } = await discoverInputs(options.dir, [options.outDir]);
  if (skipped.length > 0) events.skipped?.(skipped);
  const manifest = await readManifest(options.outDir);
  const shared = await sharedKey({
    tool: toolIdentity(),
    templatesDir: options.templatesDir ?? join(packageRoot(), 'templates'),
    config: options.configFile && existsSync(options.configFile) ? await readFile(options.configFile, 'utf8') : '',
    formats: options.formats,
  });
  const collisions = outputCollisions(inputs, await OutputRoot.open(options.outDir), options.outDir);
  const keys = new Map<BuildInput, string>();
  for (const input of inputs) keys.set(input, await inputKey(input, shared));
  const outcomes = new Map<BuildInput, FileOutcome>();
  const toRender: BuildInput[] = [];
  for (const input of inputs) {
    const key = keys.get(input)!;
    const entry = manifest.files[input.relative];
    const clash = collisions.get(input);
    if (clash) {
      outcomes.set(input, { input, status: 'failed', outputs: [], messages: clash });
    } else if (!options.force && (await isUpToDate(entry, key, options.outDir))) {
      outcomes.set(input, { input, status: 'unchanged', outputs: entry!.outputs.map((p) => join(options.outDir, p)), messages: '' });
    } else if (options.failedKeys?.get(input.relative) === key) {
      outcomes.set(input, { input, status: 'failed', outputs: [], messages: '', repeated: true });
    } else {
      toRender.push(input);
    }
  }
  events.start?.(inputs, toRender.length);
  for (const outcome of outcomes.values()) events.done?.(outcome);
  const lanes = Math.max(1, Math.min(options.jobs ?? availableParallelism(), toRender.length));
  const workers = options.renderer ? undefined : new RenderWorkers(lanes, workerSettings(options));
  const render = options.renderer ?? ((input: string, outDir: string, root: string) => workers!.render(input, outDir, root));
  try {
    await runPool(toRender, lanes, (input) => render(input.path, join(options.outDir, dirname(input.relative)), options.outDir), (input, result) => {
      const outcome: FileOutcome = { input, status: result.ok ? 'rendered' : 'failed', outputs: result.outputs, messages: result.messages };
      outcomes.set(input, outcome);
      events.done?.(outcome);
    });
  } finally {
    workers?.close();
  }
  const ordered = inputs.map((input) => outcomes.get(input)!);
  await writeManifest(options.outDir, await updatedManifest(manifest, ordered, keys, options));
  return ordered;
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

function workerSettings(options: BuildOptions): InProcessSettings {
  return { formats: options.formats, templatesDir: options.templatesDir, profile: options.profile, color: options.color ?? false };
}

/** The manifest after this build: each rendered input with the hashes of the outputs now in out/. */
async function updatedManifest(previous: Manifest, outcomes: FileOutcome[], keys: Map<BuildInput, string>, options: BuildOptions): Promise<Manifest> {
  const files: Manifest['files'] = {};
  for (const outcome of outcomes) {
    const name = outcome.input.relative;
    if (outcome.status === 'unchanged') files[name] = previous.files[name]!;
    if (outcome.status === 'rendered') {
      const outputs = outcome.outputs.map((path) => relative(resolve(options.outDir), resolve(path)));
      const hashes = await Promise.all(outcome.outputs.map((path) => hashOutput(path)));
      // an output that vanished already is not recorded: the next build renders the input again
      if (hashes.every((hash): hash is string => hash !== undefined)) files[name] = { key: keys.get(outcome.input)!, outputs, hashes };
    }
    if (options.failedKeys) {
      if (outcome.status === 'failed') options.failedKeys.set(name, keys.get(outcome.input)!);
      else options.failedKeys.delete(name);
    }
  }
  return { version: previous.version, files };
}

export function summaryLine(outcomes: readonly FileOutcome[]): string {
  const count = (status: FileStatus) => outcomes.filter((o) => o.status === status).length;
  return `共 ${outcomes.length} 个文件：生成 ${count('rendered')} 个，未变 ${count('unchanged')} 个，失败 ${count('failed')} 个`;
}
