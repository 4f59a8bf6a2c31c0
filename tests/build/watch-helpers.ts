// A `plandoc … --watch` process for tests: wait for output, stop it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

export interface WatchedCli {
  child: ChildProcess;
  /** everything printed on stderr so far */
  stderr(): string;
  /** waits until `text` appears after offset `from`; returns the milliseconds waited */
  waitFor(text: string | RegExp, ms: number, from?: number): Promise<number>;
  stop(): Promise<void>;
}

export function startWatching(args: string[], cwd: string): WatchedCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    child,
    stderr: () => stderr,
    async waitFor(text, ms, from = 0) {
      const start = Date.now();
      while (Date.now() - start < ms) {
        const seen = stderr.slice(from);
        if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return Date.now() - start;
        await new Promise((done) => setTimeout(done, 20));
      }
      throw new Error(`timed out waiting for ${String(text)}; output so far:\n${stderr}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
    },
  };
}
