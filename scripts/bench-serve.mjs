// Workbench speed (issue #18 item 9): keystroke → updated preview in a real
// Chromium, the server's check + preview round trip, and the DOCX download.
// Runs the built command (`plandoc serve`) over a scratch copy of plans/.
// Usage: npm run bench:serve [-- --runs 20]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const FILE = 'changshou-2026.yaml';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function format(values) {
  return `中位数 ${median(values).toFixed(0)} ms（最少 ${Math.min(...values).toFixed(0)}，最多 ${Math.max(...values).toFixed(0)}，${values.length} 次）`;
}

async function startServe(dir) {
  const child = spawn(process.execPath, ['bin/plandoc.js', 'serve', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.on('exit', () => reject(new Error(`plandoc serve exited: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function timeRoundTrip(base, token, body) {
  const start = performance.now();
  await Promise.all(['/api/check', '/api/preview'].map((path) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'x-plandoc-token': token, origin: base, 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer())));
  return performance.now() - start;
}

async function timeDownload(base, token) {
  const start = performance.now();
  const res = await fetch(`${base}/api/download?path=${FILE}&format=docx&token=${token}`);
  await res.arrayBuffer();
  return performance.now() - start;
}

async function keystrokes(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  await page.goto(url);
  await page.waitForSelector(`a.file[data-path="${FILE}"]`);
  await page.evaluate((file) => document.querySelector(`a.file[data-path="${file}"]`).click(), FILE);
  await page.waitForSelector('.page .blk.title');
  const line = await page.evaluateHandle(() => [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.startsWith('    title: 总体要求')));
  await line.asElement().click();
  await page.keyboard.press('End');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(() => document.body.dataset.updated);
    const start = performance.now();
    await page.keyboard.type(i % 2 ? '字' : '文');
    await page.waitForFunction((b) => document.body.dataset.updated !== b, { timeout: 20_000 }, before);
    times.push(performance.now() - start);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), 'plandoc-bench-serve-'));
cpSync('plans', dir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'plandoc-bench-chromium-'));
const serve = await startServe(dir);
const browser = await puppeteer.launch({
  executablePath: process.env.PLANDOC_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const base = new URL(serve.url).origin;
  const token = new URL(serve.url).searchParams.get('token');
  const { readFileSync } = await import('node:fs');
  const body = JSON.stringify({ path: FILE, text: readFileSync(join(dir, FILE), 'utf8') });
  await timeRoundTrip(base, token, body); // warm the renderer
  const roundTrips = [];
  for (let i = 0; i < runs; i++) roundTrips.push(await timeRoundTrip(base, token, body));
  await timeDownload(base, token);
  const downloads = [];
  for (let i = 0; i < runs; i++) downloads.push(await timeDownload(base, token));
  const typed = await keystrokes(browser, serve.url);
  console.log(`plandoc serve，${FILE}（7 页），${new Date().toISOString().slice(0, 10)}`);
  console.log(`按键 → 预览更新（Chromium，含停笔 300 ms）：${format(typed)}`);
  console.log(`服务器检查 + 预览一个来回：                ${format(roundTrips)}`);
  console.log(`下载 DOCX（与 render 逐字节相同）：        ${format(downloads)}`);
} finally {
  await browser.close();
  serve.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
