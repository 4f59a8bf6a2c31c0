// The workbench's API: each route is a thin call into the functions the CLI
// commands use (check, render's prepareRender, status, diff, init, rollover,
// import). Bodies are JSON; files are named relative to the folder.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_SOURCE_BYTES } from '../load/index.js';
import { attachment, HttpError, readBody, readJson, sendBytes, sendJson } from './http.js';
import type { ValueInput } from './progress.js';
import { currentVersion, groupFiles, readInside, saveFile, versionOf } from './workspace.js';
import { resolve } from 'node:path';
import { resolveInside, shownPath } from './paths.js';
import { downloadOutput, type DownloadFormat } from './outputs.js';

export interface ApiContext {
  root: string;
}

type Handler = (req: IncomingMessage, url: URL, res: ServerResponse, ctx: ApiContext) => Promise<void>;

interface TextRequest {
  path: string;
  text: string;
}

export const ROUTES: Record<string, Handler> = {
  'GET /api/files': async (_req, _url, res, ctx) => sendJson(res, 200, { groups: await groupFiles(ctx.root) }),
  'GET /api/file': async (_req, url, res, ctx) => {
    const path = param(url, 'path');
    const { bytes } = await readInside(ctx.root, path, MAX_SOURCE_BYTES);
    sendJson(res, 200, { path, text: bytes.toString('utf8').replace(/^\uFEFF/, ''), version: versionOf(bytes) });
  },
  'GET /api/version': async (_req, url, res, ctx) => sendJson(res, 200, { version: (await currentVersion(ctx.root, param(url, 'path'))) ?? null }),
  'PUT /api/file': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest & { baseVersion: string | null }>(req);
    const text = checkedText(body);
    const result = await saveFile(ctx.root, body.path, text, body.baseVersion ?? null);
    sendJson(res, result.saved ? 200 : 409, result);
  },
  'POST /api/check': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest>(req);
    const absolute = await resolveInside(ctx.root, body.path);
    const { liveDiagnostics } = await import('./live.js');
    const diagnostics = await liveDiagnostics(checkedText(body), absolute);
    sendJson(res, 200, { diagnostics: diagnostics.map((d) => ({ ...d, file: shownPath(ctx.root, resolve(d.file)) })) });
  },
  'POST /api/preview': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest>(req);
    const absolute = await resolveInside(ctx.root, body.path);
    const { previewSource } = await import('./preview.js');
    const preview = await previewSource(checkedText(body), absolute);
    sendJson(res, 200, { blocks: preview.blocks, pageCount: preview.pageCount });
  },
  'GET /api/download': async (_req, url, res, ctx) => {
    const format = param(url, 'format') as DownloadFormat;
    if (!['docx', 'md', 'pdf'].includes(format)) throw new HttpError(400, '可下载的格式是 docx、md、pdf');
    const absolute = await resolveInside(ctx.root, param(url, 'path'));
    const output = await downloadOutput(absolute, format);
    sendBytes(res, output.type, output.data, attachment(output.name));
  },
  'GET /api/exact': async (_req, url, res, ctx) => {
    const { exactPages } = await import('./exact.js');
    sendJson(res, 200, { pages: await exactPages(await resolveInside(ctx.root, param(url, 'path'))) });
  },
  'POST /api/progress': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest>(req);
    const { progressView } = await import('./progress.js');
    sendJson(res, 200, { view: (await progressView(checkedText(body), await resolveInside(ctx.root, body.path))) ?? null });
  },
  'POST /api/progress-value': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest & ValueInput & { baseVersion: string | null }>(req);
    const { withValue } = await import('./progress.js');
    const text = await withValue(checkedText(body), body);
    const result = await saveFile(ctx.root, body.path, text, body.baseVersion ?? null);
    sendJson(res, result.saved ? 200 : 409, { ...result, text });
  },
  'GET /api/revisions': async (_req, url, res, ctx) => {
    const { revisionsOf, uncommitted } = await import('./changes.js');
    const absolute = await resolveInside(ctx.root, param(url, 'path'));
    sendJson(res, 200, { revisions: (await revisionsOf(absolute, ctx.root)) ?? null, uncommitted: (await uncommitted(ctx.root)) ?? null });
  },
  'POST /api/diff': async (req, _url, res, ctx) => {
    const body = await readJson<TextRequest & { rev: string }>(req);
    const { diffAgainst } = await import('./changes.js');
    if (typeof body.rev !== 'string' || !body.rev) throw new HttpError(400, '请选择要比较的版本');
    sendJson(res, 200, await diffAgainst(await resolveInside(ctx.root, body.path), body.rev, checkedText(body)));
  },
  'POST /api/init': async (req, _url, res, ctx) => {
    const { createPlan } = await import('./actions.js');
    sendJson(res, 200, await createPlan(ctx.root, await readJson(req)));
  },
  'POST /api/rollover': async (req, _url, res, ctx) => {
    const { rolloverPlan } = await import('./actions.js');
    sendJson(res, 200, await rolloverPlan(ctx.root, await readJson(req)));
  },
  'POST /api/import': async (req, _url, res, ctx) => {
    const { importDocument } = await import('./actions.js');
    const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    if (!name) throw new HttpError(400, '请求缺少文件名');
    sendJson(res, 200, await importDocument(ctx.root, name, await readBody(req, MAX_IMPORT_BYTES)));
  },
};

/** An old .docx with pictures can be larger than a plan; import reads its text only. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function param(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || value === '') throw new HttpError(400, `请求缺少参数 ${name}`);
  return value;
}

/** The editor's text, refused politely when it is not a plan's size. */
export function checkedText(body: Partial<TextRequest>): string {
  if (typeof body.path !== 'string' || typeof body.text !== 'string') throw new HttpError(400, '请求缺少 path 或 text');
  if (Buffer.byteLength(body.text) > MAX_SOURCE_BYTES) {
    throw new HttpError(413, `内容太大（超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB），没有接收。计划文件一般只有几百 KB；请检查是否粘贴了别的内容。`);
  }
  return body.text;
}
