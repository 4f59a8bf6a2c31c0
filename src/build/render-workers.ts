// A pool of long-lived `plandoc render-worker` processes, one per lane. A
// process per file paid plandoc's whole cold start (~0.4 s of CPU) for every
// document; a warm worker renders the next file in tens of milliseconds
// (docs/benchmark.md). Processes rather than threads keep one file's crash or
// runaway memory from taking the build down: a dead worker fails its file and
// is replaced.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { InProcessSettings } from './render-inprocess.js';
import { plandocBin, type RenderJobResult } from './render-result.js';

export const WORKER_SETTINGS_ENV = 'PLANDOC_RENDER_WORKER';

/** One file never takes this long (a plan renders in tens of milliseconds): a worker past it is stuck and is killed. */
export const RENDER_TIMEOUT_MS = 120_000;

/**
 * V8 flags of a render worker (scripts/build.mjs fills the code cache under
 * the same flags). One thread per worker: with a worker per core, V8's
 * background GC and compiler threads only competed with the other workers
 * (1,000 documents: 13.7 s instead of 17.5 s on two cores). A young
 * generation of up to 32 MB a half (16 MB by default): fewer scavenges
 * promote less short-lived garbage, so a worker rendering 500 documents
 * peaked at ~205 MB instead of ~230 MB, with 5-10 % less CPU time.
 */
export const WORKER_FLAGS = ['--single-threaded', '--max-semi-space-size=32'];

/**
 * The worker's environment: the build's, with the settings, and without
 * NODE_EXTRA_CA_CERTS: a worker never uses the network, and Node parses that
 * certificate bundle at every start (~30 ms where it is set).
 */
function workerEnvironment(settings: InProcessSettings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [WORKER_SETTINGS_ENV]: JSON.stringify(settings) };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** One request on a worker's standard input, one JSON line. */
export interface WorkerRequest {
  input: string;
  outDir: string;
  /** the build's output folder: every write must stay inside it */
  root: string;
}

class Worker {
  private readonly child: ChildProcessWithoutNullStreams;
  private pending?: (result: RenderJobResult) => void;
  private stderr = '';
  dead = false;

  constructor(settings: InProcessSettings, private readonly timeoutMs: number) {
    this.child = spawn(process.execPath, [...WORKER_FLAGS, plandocBin(), 'render-worker'], {
      env: workerEnvironment(settings),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.settle(JSON.parse(line) as RenderJobResult));
    this.child.on('error', (error) => this.die(`plandoc: 无法启动生成进程：${error.message}\n`));
    this.child.on('exit', () => this.die(`plandoc: 生成进程意外退出。\n${this.stderr}`));
  }

  render(request: WorkerRequest): Promise<RenderJobResult> {
    if (this.dead) return Promise.resolve({ ok: false, outputs: [], messages: `plandoc: 生成进程已退出。\n${this.stderr}` });
    return new Promise((done) => {
      const timer = setTimeout(() => this.stuck(request.input), this.timeoutMs);
      this.pending = (result) => {
        clearTimeout(timer);
        done(result);
      };
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  private stuck(input: string): void {
    this.die(`plandoc: 生成 ${input} 超过 ${Math.round(this.timeoutMs / 1000)} 秒仍未完成，已停止。这是 plandoc 的缺陷，请把这个文件报告给维护人员。\n`);
    this.child.kill('SIGKILL');
  }

  close(): void {
    this.dead = true;
    this.child.stdin.end();
  }

  private settle(result: RenderJobResult): void {
    const done = this.pending;
    this.pending = undefined;
    done?.(result);
  }

  private die(message: string): void {
    if (this.dead && !this.pending) return;
    this.dead = true;
    this.settle({ ok: false, outputs: [], messages: message });
  }
}

export class RenderWorkers {
  private readonly idle: Worker[] = [];
  private readonly started: Worker[] = [];
  private readonly queue: Array<(worker: Worker) => void> = [];

  constructor(readonly size: number, private readonly settings: InProcessSettings, private readonly timeoutMs = RENDER_TIMEOUT_MS) {}

  async render(input: string, outDir: string, root = outDir): Promise<RenderJobResult> {
    const worker = await this.acquire();
    try {
      return await worker.render({ input, outDir, root });
    } finally {
      this.release(worker);
    }
  }

  /** Starts every worker now, so their start-up overlaps the build's own work before the first file. */
  warm(): this {
    while (this.started.length < this.size) this.idle.push(this.start());
    return this;
  }

  close(): void {
    for (const worker of this.started) worker.close();
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    // a worker that died while idle is replaced before it gets a file
    if (worker) return Promise.resolve(worker.dead ? this.replace(worker) : worker);
    if (this.started.length < this.size) return Promise.resolve(this.start());
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(worker: Worker): void {
    const replacement = worker.dead ? this.replace(worker) : worker;
    const next = this.queue.shift();
    if (next) next(replacement);
    else this.idle.push(replacement);
  }

  private start(): Worker {
    const worker = new Worker(this.settings, this.timeoutMs);
    this.started.push(worker);
    return worker;
  }

  private replace(dead: Worker): Worker {
    this.started.splice(this.started.indexOf(dead), 1);
    return this.start();
  }
}
