// Renders one input inside this process. Used by --watch: after the first
// render the modules are loaded and compiled, so a re-render after a save
// takes a fraction of a child process's start-up time.
import { hasErrors, sortDiagnostics } from '../load/diagnostic.js';
import type { StyleProfileOverrides } from '../docx/profile.js';
import type { RenderJobResult } from './render-result.js';
import { OutputRoot } from '../io/output.js';

export interface InProcessSettings {
  formats: string[];
  templatesDir?: string;
  profile?: StyleProfileOverrides;
  color: boolean;
  /** list every warning instead of the first few */
  verbose?: boolean;
}

const roots = new Map<string, Promise<OutputRoot>>();

/** The build's output root, opened once per process (workers render many files into it). */
function outputRoot(dir: string): Promise<OutputRoot> {
  let root = roots.get(dir);
  if (!root) {
    root = OutputRoot.open(dir);
    roots.set(dir, root);
    root.catch(() => roots.delete(dir));
  }
  return root;
}

/** Renders `input` into `outDir`, a folder inside the build's output folder `rootDir`. */
export async function renderInProcess(input: string, outDir: string, settings: InProcessSettings, rootDir = outDir): Promise<RenderJobResult> {
  const { prepareRender, writePrepared } = await import('../render/index.js');
  const { formatCompact } = await import('../load/format.js');
  const prepared = await prepareRender(input, {
    outDir,
    formats: settings.formats as Array<'md' | 'docx' | 'pdf'>,
    templatesDir: settings.templatesDir,
    profile: settings.profile,
  });
  const diagnostics = sortDiagnostics(prepared.diagnostics);
  const messages = diagnostics.length ? `${formatCompact(diagnostics, prepared.sources, { color: settings.color, verbose: settings.verbose })}\n` : '';
  if (hasErrors(diagnostics)) return { ok: false, outputs: [], messages };
  try {
    return { ok: true, outputs: await writePrepared(prepared, await outputRoot(rootDir)), messages };
  } catch (error) {
    return { ok: false, outputs: [], messages: `${messages}plandoc: ${(error as Error).message}\n` };
  }
}

/** renderInProcess, with an internal error reported as the file's failure instead of ending the build. */
export async function renderSafely(input: string, outDir: string, settings: InProcessSettings, rootDir = outDir): Promise<RenderJobResult> {
  try {
    return await renderInProcess(input, outDir, settings, rootDir);
  } catch (error) {
    return { ok: false, outputs: [], messages: `plandoc: 内部错误：${(error as Error).message}\n这是 plandoc 的缺陷，请把这条信息和输入文件报告给维护人员。\n` };
  }
}

/**
 * Prepares (without writing) one input, so the first re-render after a save
 * does not pay for compiling templates and warming up the JIT.
 */
export async function warmUp(input: string, settings: InProcessSettings): Promise<void> {
  const { prepareRender } = await import('../render/index.js');
  await prepareRender(input, { outDir: '.', formats: settings.formats as Array<'md' | 'docx' | 'pdf'>, templatesDir: settings.templatesDir, profile: settings.profile })
    .catch(() => undefined);
}

/**
 * V8 optimises a render only after some twenty runs: the second render of a
 * plan took ~3x as long as the thirtieth. A watch (and the resident renderer
 * it keeps) prepares its input that often in the background right after it
 * starts, within KEEP_WARM_MS, a turn of the event loop between runs so a
 * save or a client's request goes first.
 */
const KEEP_WARM_RUNS = 30;
const KEEP_WARM_MS = 1500;
/** A document this slow to prepare warms the code up within one run; more would only hold up a save. */
const KEEP_WARM_SLOWEST_RUN_MS = 250;

export async function keepWarm(input: string, settings: InProcessSettings): Promise<void> {
  const start = performance.now();
  for (let run = 0; run < KEEP_WARM_RUNS && performance.now() - start < KEEP_WARM_MS; run++) {
    await new Promise((next) => setImmediate(next));
    const began = performance.now();
    await warmUp(input, settings);
    if (performance.now() - began > KEEP_WARM_SLOWEST_RUN_MS) return;
  }
}
