// Small HTTP helpers: JSON replies, bounded request bodies, the security
// headers every reply carries.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body bigger than this is refused before it is read (a plan is a few hundred KB). */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const SECURITY_HEADERS: Record<string, string> = {
  // no inline script anywhere; CodeMirror adds <style> elements, so inline styles are allowed
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': data.length });
  res.end(data);
}

export function sendBytes(res: ServerResponse, type: string, data: Uint8Array | string, extra: Record<string, string> = {}): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': bytes.length, ...extra });
  res.end(bytes);
}

/** A download's Content-Disposition with the Chinese file name (RFC 5987). */
export function attachment(name: string): Record<string, string> {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return { 'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}` };
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooBig(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooBig(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson<T>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req);
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new HttpError(400, '请求的内容不是有效的 JSON');
  }
}

function tooBig(limit: number): HttpError {
  return new HttpError(413, `内容太大（超过 ${Math.round(limit / 1024 / 1024)} MB），没有接收。计划文件一般只有几百 KB；请检查是否粘贴了别的内容。`);
}
