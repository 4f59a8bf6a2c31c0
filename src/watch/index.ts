// Re-runs a job when watched files change: `--watch` on build and render.
// Directories are watched rather than files, because editors save by writing a
// new file and renaming it over the old one, which a watch on the file misses.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface WatchOptions {
  /** quiet time after the last change before the job runs */
  debounceMs?: number;
  /** which changed paths matter; default: all but hidden and temporary files */
  relevant?: (path: string) => boolean;
}

export interface WatchHandle {
  close(): void;
  /** resolves when no run is pending or in progress (for tests) */
  idle(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 80;

/** Files editors and plandoc itself write next to the real ones. */
export function isScratchFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.startsWith('.') || name.endsWith('~') || /\.(tmp|swp|swx)$/i.test(name) || name.startsWith('#');
}

/**
 * Watches `paths` (files or directories) and calls `run` with the changed
 * absolute paths, at most one run at a time; changes during a run start one
 * more run afterwards.
 */
export async function watchAndRun(
  paths: string[],
  run: (changed: string[]) => Promise<void>,
  options: WatchOptions = {},
): Promise<WatchHandle> {
  const relevant = options.relevant ?? ((path: string) => !isScratchFile(path));
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const flush = (): void => {
    timer = undefined;
    if (running || pending.size === 0) return;
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

  const watchers: FSWatcher[] = [];
  for (const target of paths) watchers.push(await watchOne(resolve(target), onChange));
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
    async idle() {
      while (timer || running) {
        await (running ?? new Promise((done) => setTimeout(done, debounceMs)));
      }
    },
  };
}

async function watchOne(target: string, onChange: (path: string) => void): Promise<FSWatcher> {
  const isDirectory = (await stat(target)).isDirectory();
  const dir = isDirectory ? target : dirname(target);
  const watcher = watch(dir, { recursive: isDirectory }, (_event, name) => {
    if (!name) return;
    const path = join(dir, name.toString());
    if (isDirectory || path === target) onChange(path);
  });
  // a watched directory that disappears is not worth crashing the session for
  watcher.on('error', () => watcher.close());
  return watcher;
}
