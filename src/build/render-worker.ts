// The worker side of RenderWorkers: reads one JSON request a line on standard
// input, renders it in this process, and answers one JSON line on standard output.
import { createInterface } from 'node:readline';
import { renderInProcess, type InProcessSettings } from './render-inprocess.js';
import { WORKER_SETTINGS_ENV, type WorkerRequest } from './render-workers.js';
import type { RenderJobResult } from './render-result.js';

export async function serveRenderRequests(): Promise<void> {
  const settings = JSON.parse(process.env[WORKER_SETTINGS_ENV] ?? '{}') as InProcessSettings;
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as WorkerRequest;
    process.stdout.write(`${JSON.stringify(await renderSafely(request, settings))}\n`);
  }
}

async function renderSafely(request: WorkerRequest, settings: InProcessSettings): Promise<RenderJobResult> {
  try {
    return await renderInProcess(request.input, request.outDir, settings, request.root);
  } catch (error) {
    return { ok: false, outputs: [], messages: `plandoc: 内部错误：${(error as Error).message}\n这是 plandoc 的缺陷，请把这条信息和输入文件报告给维护人员。\n` };
  }
}
