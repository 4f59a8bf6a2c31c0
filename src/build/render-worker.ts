// The worker side of RenderWorkers: reads one JSON request a line on standard
// input, renders it in this process, and answers one JSON line on standard output.
import { createInterface } from 'node:readline';
import { renderSafely, type InProcessSettings } from './render-inprocess.js';
import { WORKER_SETTINGS_ENV, type WorkerRequest } from './render-workers.js';

export async function serveRenderRequests(): Promise<void> {
  const settings = JSON.parse(process.env[WORKER_SETTINGS_ENV] ?? '{}') as InProcessSettings;
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as WorkerRequest;
    const result = await renderSafely(request.input, request.outDir, settings, request.root);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
