// plandoc serve: the local workbench. A node:http server on 127.0.0.1 that
// serves the bundled page (dist/web) and the API over the writer's folder.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES, type ApiContext } from './api.js';
import { checkRequest, newToken } from './guard.js';
import { HttpError, sendBytes, sendJson } from './http.js';
import { PathRefused } from './paths.js';
import { FileIoError } from '../io/errors.js';
import { pageHtml } from './page.js';

export interface ServeOptions {
  root: string;
  port?: number;
  /** fixed token (tests); a random one otherwise */
  token?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = await realpath(options.root);
  const token = options.token ?? newToken();
  const ctx: ApiContext = { root };
  let port = options.port ?? 0;
  const server: Server = createServer((req, res) => {
    handle(req, res, { token, port: () => port }, ctx).catch((error) => replyError(res, error));
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, guard: { token: string; port: () => number }, ctx: ApiContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname.startsWith('/assets/')) return sendAsset(res, url.pathname.slice('/assets/'.length));
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  checkRequest(req, url, guard);
  if (req.method === 'GET' && url.pathname === '/') return sendBytes(res, 'text/html; charset=utf-8', pageHtml());
  const route = ROUTES[`${req.method} ${url.pathname}`];
  if (!route) throw new HttpError(404, '没有这个地址');
  await route(req, url, res, ctx);
}

const ASSET_TYPES: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };

async function sendAsset(res: ServerResponse, name: string): Promise<void> {
  const type = ASSET_TYPES[name];
  if (!type) throw new HttpError(404, '没有这个文件');
  sendBytes(res, type, await readFile(join(webDir(), name)));
}

let cachedWebDir: string | undefined;

/** dist/web, from src/serve (tests) or from the bundle in dist/. */
export function webDir(): string {
  if (cachedWebDir) return cachedWebDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'app.js'))) return (cachedWebDir = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new HttpError(500, '找不到工作台的网页文件（dist/web）：请先运行 npm run build');
    dir = parent;
  }
}

function replyError(res: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : error instanceof PathRefused ? 403 : error instanceof FileIoError ? 422 : 500;
  const message = error instanceof HttpError || error instanceof PathRefused || error instanceof FileIoError ? error.message : `工作台内部错误：${(error as Error)?.message ?? String(error)}`;
  if (status === 500 && process.env.PLANDOC_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
  if (res.headersSent) return void res.destroy();
  sendJson(res, status, { error: message });
}

