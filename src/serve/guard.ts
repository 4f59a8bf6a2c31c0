// Who may talk to the workbench: only this machine (the server binds to
// 127.0.0.1), only pages that know the random token in the URL, and for every
// request that changes something only the workbench's own page (Origin).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface Guard {
  token: string;
  port: () => number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Throws HttpError 403 unless the request may go on. */
export function checkRequest(req: IncomingMessage, url: URL, guard: Guard): void {
  const port = guard.port();
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // a page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host
  if (!allowedHosts.includes(req.headers.host ?? '')) throw new HttpError(403, '只接受本机地址 127.0.0.1 的访问');
  const token = (req.headers['x-plandoc-token'] as string | undefined) ?? url.searchParams.get('token') ?? '';
  if (!sameSecret(token, guard.token)) throw new HttpError(403, '缺少或错误的访问令牌：请使用 plandoc serve 打印的完整地址');
  if (!SAFE_METHODS.has(req.method ?? 'GET')) {
    const origin = req.headers.origin;
    if (!origin || !allowedHosts.map((host) => `http://${host}`).includes(origin)) throw new HttpError(403, '拒绝来自其他网页的修改请求');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
