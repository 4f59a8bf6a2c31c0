// plandoc serve, item 7 of the issue: who may read and write what.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from './server.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
});
afterAll(() => wb.close());

const auth = () => ({ 'x-plandoc-token': wb.server.token });
const origin = () => ({ origin: wb.base });

async function getFile(path: string): Promise<Response> {
  return fetch(`${wb.base}/api/file?path=${path}`, { headers: auth() });
}

async function put(path: string, text: string, baseVersion: string | null, headers: Record<string, string> = { ...auth(), ...origin() }): Promise<Response> {
  return fetch(`${wb.base}/api/file`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ path, text, baseVersion }) });
}

describe('serve: token, Origin and Host', () => {
  it('refuses the API without the token, or with a wrong one', async () => {
    expect((await fetch(`${wb.base}/api/files`)).status).toBe(403);
    expect((await fetch(`${wb.base}/api/files?token=x${wb.server.token}`)).status).toBe(403);
    const body = (await (await fetch(`${wb.base}/api/files`)).json()) as { error: string };
    expect(body.error).toMatch(/令牌/);
    expect((await fetch(`${wb.base}/api/files`, { headers: auth() })).status).toBe(200);
  });

  it('refuses a write without Origin or from another origin, even with the token', async () => {
    const file = await (await getFile('songtao-2022.yaml')).json() as { text: string; version: string };
    for (const headers of [auth(), { ...auth(), origin: 'http://evil.example' }, { ...auth(), origin: 'http://127.0.0.1:1' }]) {
      const res = await put('songtao-2022.yaml', 'title: 被改了\n', file.version, headers);
      expect(res.status).toBe(403);
    }
    expect(readFileSync(join(wb.dir, 'songtao-2022.yaml'), 'utf8')).toBe(file.text);
  });

  it('refuses a Host that is not 127.0.0.1 (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: wb.server.port, path: `/api/files?token=${wb.server.token}`, headers: { host: `attacker.example:${wb.server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('binds to 127.0.0.1 only', () => {
    expect(wb.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('sends a Content-Security-Policy without inline script, and the page has no inline script', async () => {
    const res = await fetch(`${wb.base}/?token=${wb.server.token}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const html = await res.text();
    expect(html).toMatch(/<script type="module" src="\/assets\/app.js"><\/script>/);
    expect(html.match(/<script[^>]*>[^<]+<\/script>/)).toBeNull();
  });
});

describe('serve: no path outside the folder', () => {
  beforeAll(() => {
    writeFileSync(join(wb.dir, '..', 'plandoc-serve-outside.yaml'), 'title: secret\n');
    symlinkSync('/etc/passwd', join(wb.dir, 'link-out.yaml'));
    mkdirSync(join(wb.dir, 'sub'), { recursive: true });
    symlinkSync('/etc', join(wb.dir, 'sub', 'etc'));
  });

  it.each([
    ['../plandoc-serve-outside.yaml'],
    ['..%2Fplandoc-serve-outside.yaml'],
    ['%2E%2E%2Fplandoc-serve-outside.yaml'],
    ['sub%2F..%2F..%2Fplandoc-serve-outside.yaml'],
    ['%2Fetc%2Fpasswd'],
    ['..%5Cplandoc-serve-outside.yaml'],
    ['link-out.yaml'],
    ['sub%2Fetc%2Fpasswd'],
    ['songtao-2022.yaml%00.md'],
  ])('reading %s is refused', async (path) => {
    const res = await getFile(path);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/root:|secret/);
  });

  it('writing through a symlink or .. is refused and nothing is written', async () => {
    expect((await put('../plandoc-serve-escape.yaml', 'x: 1\n', null)).status).toBe(403);
    expect((await put('sub/etc/plandoc-x.yaml', 'x: 1\n', null)).status).toBe(403);
    expect(() => readFileSync(join(wb.dir, '..', 'plandoc-serve-escape.yaml'))).toThrow();
  });

  it('downloads are limited to the folder too', async () => {
    const res = await fetch(`${wb.base}/api/download?path=..%2Fplandoc-serve-outside.yaml&format=md&token=${wb.server.token}`);
    expect(res.status).toBe(403);
  });
});

describe('serve: saving', () => {
  it('writes atomically and refuses to overwrite a file changed on disk (409 with the disk text)', async () => {
    const file = await (await getFile('pailou-2025-h1.yaml')).json() as { text: string; version: string };
    const edited = file.text.replace('issuer:', '# 工作台修改\nissuer:');
    const saved = await put('pailou-2025-h1.yaml', edited, file.version);
    expect(saved.status).toBe(200);
    expect(readFileSync(join(wb.dir, 'pailou-2025-h1.yaml'), 'utf8')).toBe(edited);
    const outside = `${edited}# 别的编辑器加的\n`;
    writeFileSync(join(wb.dir, 'pailou-2025-h1.yaml'), outside);
    const stale = await put('pailou-2025-h1.yaml', `${edited}# 工作台又改\n`, file.version);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { conflict: { text: string } }).conflict.text).toBe(outside);
    expect(readFileSync(join(wb.dir, 'pailou-2025-h1.yaml'), 'utf8')).toBe(outside);
  });

  it('refuses a 10 MB paste politely, in Chinese, and keeps running', async () => {
    const big = `title: ${'很'.repeat(3_500_000)}\n`;
    const res = await fetch(`${wb.base}/api/check`, { method: 'POST', headers: { ...auth(), ...origin(), 'content-type': 'application/json' }, body: JSON.stringify({ path: 'songtao-2022.yaml', text: big }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/内容太大/);
    expect((await fetch(`${wb.base}/api/files`, { headers: auth() })).status).toBe(200);
  });

  it('broken YAML gives diagnostics with line and column, not a crash', async () => {
    const res = await fetch(`${wb.base}/api/check`, { method: 'POST', headers: { ...auth(), ...origin(), 'content-type': 'application/json' }, body: JSON.stringify({ path: 'songtao-2022.yaml', text: 'title: [未闭合\nyear: 2022\n' }) });
    expect(res.status).toBe(200);
    const { diagnostics } = (await res.json()) as { diagnostics: Array<{ line: number; severity: string; message: string }> };
    expect(diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
    const preview = await fetch(`${wb.base}/api/preview`, { method: 'POST', headers: { ...auth(), ...origin(), 'content-type': 'application/json' }, body: JSON.stringify({ path: 'songtao-2022.yaml', text: ':\n  - ]\n' }) });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { pageCount: number }).pageCount).toBe(0);
  });
});
