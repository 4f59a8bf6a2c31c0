// Re-runs a job when watched files change: `--watch` on build and render.
// Directories are watched rather than files, because editors save by writing a
// new file and renaming it over the old one, which a watch on the file misses.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { WatchedTree } from './tree.js';

export interface WatchOptions {
  /** quiet time after the last change before the job runs */
  debounceMs?: number;
  /** which changed paths matter; default: all but hidden and temporary files */
  relevant?: (path: string) => boolean;
  /** where to say that a watched folder went away or came back; default stderr */
  say?: (message: string) => void;
}

export interface WatchHandle {
  close(): void;
  /** resolves when no run is pending or in progress (for tests) */
  idle(): Promise<void>;
}

/**
 * An editor's save (write a temporary file and rename it, or truncate and
 * write) arrives as events microseconds to a few milliseconds apart; 20 ms
 * still makes one run of them, where 80 ms was most of a re-render's latency.
 */
const DEFAULT_DEBOUNCE_MS = 20;

/** Files editors and plandoc itself write next to the real ones. */
export function isScratchFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.startsWith('.') || name.endsWith('~') || /\.(tmp|swp|swx)$/i.test(name) || name.startsWith('#');
}

/**
 * Watches `paths` (files or directories) and calls `run` with the changed
 * absolute paths, at most one run at a time; changes during a run start one
 * more run afterwards. While a watched folder is gone, runs wait for it.
 */
export async function watchAndRun(
  paths: string[],
  run: (changed: string[]) => Promise<void>,
  options: WatchOptions = {},
): Promise<WatchHandle> {
  const relevant = options.relevant ?? ((path: string) => !isScratchFile(path));
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const say = options.say ?? ((message: string) => process.stderr.write(`${message}\n`));
  const pending = new Set<string>();
  const trees: WatchedTree[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const flush = (): void => {
    timer = undefined;
    if (running || pending.size === 0 || !trees.every((tree) => tree.attached)) return;
    const changed = [...pending];
    pending.clear();
    running = run(changed)
      .catch((error: unknown) => {
        process.stderr.write(`plandoc: ${(error as Error).message}\n`);
      })
      .finally(() => {
        running = undefined;
        if (pending.size > 0) schedule();
      });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const onChange = (path: string): void => {
    if (!relevant(path)) return;
    pending.add(path);
    schedule();
  };

  for (const target of paths) trees.push(await watchOne(target, onChange, say));
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const tree of trees) tree.close();
    },
    async idle() {
      while (timer || running) {
        await (running ?? new Promise((done) => setTimeout(done, debounceMs)));
      }
    },
  };
}

/** A directory is watched with everything below it; a file through its directory. */
async function watchOne(target: string, onChange: (path: string) => void, say: (message: string) => void): Promise<WatchedTree> {
  const absolute = resolve(target);
  const isDirectory = (await stat(absolute)).isDirectory();
  const folder = isDirectory ? target : dirname(target);
  return WatchedTree.open(isDirectory ? absolute : dirname(absolute), {
    recursive: isDirectory,
    change: (path) => {
      if (isDirectory || path === absolute) onChange(path);
    },
    vanished: () => say(`监视的文件夹 ${folder} 不见了（被移走或删除），等它回来后继续监视。`),
    reappeared: () => {
      say(`监视的文件夹 ${folder} 又出现了，继续监视。`);
      // whatever happened while it was away is one change
      onChange(absolute);
    },
  });
}
