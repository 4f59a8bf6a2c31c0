// The worker side of RenderWorkers: reads one JSON request a line on standard
// input, renders it in this process, and answers one JSON line on standard output.
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { renderSafely, type InProcessSettings } from './render-inprocess.js';
import { WORKER_SETTINGS_ENV, type WorkerRequest } from './render-workers.js';

/** How often the watchdog looks for the parent build. */
const WATCHDOG_INTERVAL_MS = 500;

/**
 * A worker must not outlive its build. Standard input closing ends the
 * request loop, but a worker busy in a long render never reads it (and a
 * pipe inherited by another process may never close); a thread that notices
 * the parent is gone (the worker was re-parented) kills the whole process,
 * whatever its main thread is doing.
 */
function watchParent(): void {
  const source = `const { workerData } = require('node:worker_threads');
setInterval(() => { if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL'); }, ${WATCHDOG_INTERVAL_MS});`;
  new Worker(source, { eval: true, workerData: { parent: process.ppid } }).unref();
}

export async function serveRenderRequests(): Promise<void> {
  watchParent();
  const settings = JSON.parse(process.env[WORKER_SETTINGS_ENV] ?? '{}') as InProcessSettings;
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as WorkerRequest;
    const result = await renderSafely(request.input, request.outDir, settings, request.root);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
