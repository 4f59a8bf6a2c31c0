// `plandoc build [DIR]`: the I/O edge of the build — configuration, progress
// display (a bar on a terminal, one line per file otherwise), the summary line,
// and `--watch`.
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../config/index.js';
import { FileIoError } from '../io/errors.js';
import { OutputRoot } from '../io/output.js';
import { formatDiagnostics } from '../load/format.js';
import { hasErrors } from '../load/diagnostic.js';
import { effectiveJobs, jobsNotice } from './jobs.js';
import { runBuild, summaryLine, workerSettings, type BuildEvents, type BuildOptions, type FileOutcome } from './index.js';
import { RenderWorkers } from './render-workers.js';

export interface BuildCommandFlags {
  out: string;
  to: string[];
  templates?: string;
  config?: string;
  jobs?: number;
  force?: boolean;
  watch?: boolean;
  verbose?: boolean;
}

export async function runBuildCommand(dir: string, flags: BuildCommandFlags): Promise<number> {
  if (!isDirectory(dir)) return fail(`找不到目录 ${dir}；用 plandoc build 目录 指定计划文件所在的目录。`);
  if (flags.templates !== undefined && !isDirectory(flags.templates)) return fail(`找不到模板目录“${flags.templates}”。`);
  try {
    await OutputRoot.check(flags.out);
  } catch (error) {
    if (error instanceof FileIoError) return fail(error.message);
    throw error;
  }
  const notice = jobsNotice(flags.jobs);
  if (notice) process.stderr.write(notice);
  const config = await loadConfig({ cwd: process.cwd(), explicitFile: flags.config });
  if (hasErrors(config.diagnostics)) {
    const sources = new Map(config.source ? [[config.source.file, config.source.text]] : []);
    process.stderr.write(`${formatDiagnostics(config.diagnostics, sources, { color: pc.isColorSupported })}\n`);
    return 1;
  }
  const options: BuildOptions = {
    dir,
    outDir: flags.out,
    formats: flags.to,
    templates: flags.templates,
    config: flags.config,
    templatesDir: flags.templates ? resolve(flags.templates) : config.config.templates,
    configFile: config.source ? resolve(config.source.file) : undefined,
    profile: config.config.profile,
    jobs: flags.jobs,
    force: flags.force,
    color: pc.isColorSupported,
    verbose: flags.verbose,
  };
  if (flags.watch) {
    options.failedKeys = new Map();
    // started on the first large batch, then kept warm for the next ones (the build itself runs with
    // the optimising compilers then: bin/plandoc.js leaves them on under --watch)
    options.workers = new RenderWorkers(effectiveJobs(flags.jobs), workerSettings(options));
  }
  let outcomes: FileOutcome[];
  try {
    outcomes = await buildOnce(options, Boolean(process.stderr.isTTY));
  } catch (error) {
    options.workers?.close();
    if (error instanceof FileIoError) return fail(error.message);
    throw error;
  }
  if (outcomes.length === 0) process.stderr.write(`${dir} 下没有找到计划或进度文件（.yaml）。\n`);
  if (!flags.watch) return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  // a save re-renders a file or two in this process: load and compile the renderer now
  const { keepWarm, warmUp } = await import('./render-inprocess.js');
  const sample = outcomes.find((o) => o.status !== 'failed');
  if (sample) await warmUp(sample.input.path, workerSettings(options));
  const watching = watchBuild(options);
  if (sample) void keepWarm(sample.input.path, workerSettings(options));
  return watching;
}

async function buildOnce(options: BuildOptions, terminal: boolean): Promise<FileOutcome[]> {
  const display = terminal ? await progressBar() : logLines();
  const outcomes = await runBuild(options, { ...display.events, skipped: reportSkipped });
  display.finish(outcomes);
  if (outcomes.length > 0) process.stderr.write(`${summaryLine(outcomes)}\n`);
  return outcomes;
}

function reportSkipped(paths: string[]): void {
  for (const path of paths) process.stderr.write(`跳过 ${path}：不是计划文件，也不是进度文件（没有顶格写的“sections:”或“period:”）\n`);
}

interface Display {
  events: BuildEvents;
  finish(outcomes: FileOutcome[]): void;
}

/** One line per file as it finishes: for logs, CI, and editors' terminals. */
function logLines(): Display {
  return {
    events: { done: (outcome) => process.stderr.write(describe(outcome)) },
    finish: () => undefined,
  };
}

/** A bar while files render; messages after it, so they are not torn apart by redraws. */
async function progressBar(): Promise<Display> {
  // a CommonJS module: bundled, its exports arrive as the default export
  const progress = await import('cli-progress');
  const SingleBar = progress.SingleBar ?? (progress as unknown as { default: typeof progress }).default.SingleBar;
  const bar = new SingleBar({
    stream: process.stderr,
    format: '生成中 [{bar}] {value}/{total} {file}',
    hideCursor: true,
    clearOnComplete: true,
    barsize: 24,
  });
  let started = false;
  return {
    events: {
      start: (_inputs, toRender) => {
        if (toRender === 0) return;
        bar.start(toRender, 0, { file: '' });
        started = true;
      },
      done: (outcome) => {
        if (started && outcome.status !== 'unchanged' && !outcome.repeated) bar.increment({ file: outcome.input.path });
      },
    },
    finish: (outcomes) => {
      if (started) bar.stop();
      for (const outcome of outcomes) if (outcome.status !== 'unchanged') process.stderr.write(describe(outcome));
    },
  };
}

function describe(outcome: FileOutcome): string {
  const path = outcome.input.path;
  switch (outcome.status) {
    case 'unchanged':
      return `未变 ${path}\n`;
    case 'rendered':
      return `已生成 ${path} → ${outcome.outputs.join('、')}\n${outcome.messages}`;
    case 'failed':
      return outcome.repeated ? `失败 ${path}（未修改，错误同上）\n` : `失败 ${path}\n${outcome.messages}`;
  }
}

/** Re-runs the (incremental) build after each save, until Ctrl+C. */
async function watchBuild(options: BuildOptions): Promise<number> {
  const { watchAndRun, isScratchFile } = await import('../watch/index.js');
  const outDir = resolve(options.outDir) + sep;
  const watched = [options.dir, options.templatesDir, options.configFile].filter((p): p is string => p !== undefined && existsSync(p));
  const handle = await watchAndRun(watched, async () => {
    if (!isDirectory(options.dir)) return; // moved away between the save and the run; watch says so
    const outcomes = await runBuild(options, { done: (o) => { if (o.status === 'rendered' || (o.status === 'failed' && !o.repeated)) process.stderr.write(describe(o)); } });
    if (outcomes.some((o) => o.status === 'rendered' || (o.status === 'failed' && !o.repeated))) process.stderr.write(`${summaryLine(outcomes)}\n`);
  }, { relevant: (path) => !resolve(path).startsWith(outDir) && !isScratchFile(path) });
  process.stderr.write(`正在监视 ${watched.join('、')} 的修改，保存后自动重新生成（按 Ctrl+C 结束）。\n`);
  return new Promise((done) => {
    process.once('SIGINT', () => {
      handle.close();
      options.workers?.close();
      done(0);
    });
  });
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function fail(message: string): number {
  process.stderr.write(`plandoc: ${message}\n`);
  return 1;
}
