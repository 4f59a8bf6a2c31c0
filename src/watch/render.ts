// `plandoc render --watch`: after the first render, re-render whenever one of
// the inputs, the plan a progress file cites, the templates or the
// configuration is saved. Runs in this process, so re-renders are warm.
import { existsSync } from 'node:fs';
import { readBounded } from '../io/read.js';
import { MAX_SOURCE_BYTES } from '../load/source.js';
import { resolve } from 'node:path';
import { referencedPlan } from '../build/discover.js';
import { isProgressSource } from '../load/index.js';
import { CONFIG_FILE_NAME } from '../config/index.js';
import { watchAndRun } from './index.js';

export interface RenderWatchFlags {
  templates?: string;
  config?: string;
  to?: string[];
}

/** Watches until Ctrl+C; `render` is the render command's own run function. */
export async function watchRender<F extends RenderWatchFlags>(
  files: string[],
  flags: F,
  render: (files: string[], flags: F) => Promise<number>,
): Promise<number> {
  const dependents = await dependentsByPath(files);
  const shared = [flags.templates, flags.config ?? CONFIG_FILE_NAME].filter((p): p is string => p !== undefined && existsSync(p));
  const sharedPaths = shared.map((path) => resolve(path));
  const watched = [...new Set([...dependents.keys(), ...sharedPaths])];
  const handle = await watchAndRun(watched, async (changed) => {
    const affected = changed.some((path) => sharedPaths.some((shared) => path === shared || path.startsWith(`${shared}/`)))
      ? files
      : files.filter((file) => changed.some((path) => dependents.get(path)?.includes(file)));
    if (affected.length === 0) return;
    process.stderr.write(`\n${new Date().toLocaleTimeString('zh-CN', { hour12: false })} 文件已保存，重新生成：\n`);
    await render(affected, flags);
  });
  process.stderr.write('正在监视输入文件的修改，保存后自动重新生成（按 Ctrl+C 结束）。\n');
  // a save re-renders here, and the resident renderer answers plain renders here: warm the renderer up
  const { keepWarm } = await import('../build/render-inprocess.js');
  const sample = files.find((file) => existsSync(file));
  if (sample) void keepWarm(sample, { formats: flags.to ?? ['md', 'docx'], templatesDir: flags.templates, color: false });
  return new Promise((done) => {
    process.once('SIGINT', () => {
      handle.close();
      done(0);
    });
  });
}

/** absolute path → the inputs to re-render when it changes (an input, or the plan a progress file cites) */
async function dependentsByPath(files: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  const add = (path: string, file: string): void => {
    map.set(path, [...(map.get(path) ?? []), file]);
  };
  for (const file of files) {
    if (!existsSync(file)) continue;
    add(resolve(file), file);
    const plan = await citedPlan(file);
    if (plan && existsSync(plan)) add(plan, file);
  }
  return map;
}

/** The plan a progress file cites, found the way `plandoc build` finds it. */
async function citedPlan(file: string): Promise<string | undefined> {
  if (!/\.ya?ml$/i.test(file)) return undefined;
  // bounded: a FIFO or device given to render --watch must not stop the watch from starting
  const text = (await readBounded(file, MAX_SOURCE_BYTES)).bytes?.toString('utf8');
  return text !== undefined && isProgressSource(text) ? referencedPlan(text, file) : undefined;
}
