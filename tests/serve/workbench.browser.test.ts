// plandoc serve in a real browser (issue item 8): Debian's Chromium driven by
// puppeteer-core. Typing, inline diagnostics, live preview, click-to-line,
// download byte-identical to render, and the conflict dialog.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { clickLineEnd as clickLineEndIn, openFile, openWorkbenchPage, settled as settledIn, type BrowserPage } from './browser.js';
import { startWorkbench, type Workbench } from './server.js';

let wb: Workbench;
let session: BrowserPage;
let page: Page;

beforeAll(async () => {
  wb = await startWorkbench();
  session = await openWorkbenchPage(wb.server.url);
  page = session.page;
  await openFile(page, 'changshou-2026.yaml');
});

afterAll(async () => {
  await session?.close();
  await wb?.close();
});

const clickLineEnd = (prefix: string) => clickLineEndIn(page, prefix);

async function activeLineNumber(): Promise<number> {
  return page.$eval('.cm-activeLineGutter', (el) => Number(el.textContent));
}

const settled = () => settledIn(page);

describe('serve in Chromium', () => {
  it('shows the plan as A4 pages with the title, page numbers and the file list with check status', async () => {
    expect(await page.$eval('.page .blk.title', (el) => el.textContent)).toContain('长寿镇2026年巩固拓展脱贫攻坚成果');
    const numbers = await page.$$eval('.page .page-number', (els) => els.map((el) => el.textContent));
    expect(numbers.slice(0, 2)).toEqual(['— 1 —', '— 2 —']);
    expect(await page.$eval('a.file[data-path="changshou-2026.yaml"] + .badge', (el) => el.textContent)).toBe('通过');
  });

  it('a mistake typed into year: shows an error at that line; fixing it clears it and the preview follows the edit', async () => {
    await clickLineEnd('year: 2026');
    const yearLine = await activeLineNumber();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('x');
    await settled();
    const marked = await page.$$eval('.cm-lintRange-error', (els) => els.map((el) => el.closest('.cm-line')?.textContent));
    expect(marked).toContain('year: 202x');
    expect(await page.$eval('ul.problems li.error', (el) => el.textContent)).toContain(`changshou-2026.yaml:${yearLine}:`);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('6');
    await settled();
    expect(await page.$$('.cm-lintRange-error')).toHaveLength(0);

    await clickLineEnd('title: 指导思想');
    await page.keyboard.type('和基本原则');
    await settled();
    const headings = await page.$$eval('.blk.heading2', (els) => els.map((el) => el.textContent));
    expect(headings).toContain('（一）指导思想和基本原则');
  });

  it('clicking a preview paragraph puts the cursor on its YAML line; the cursor line is highlighted in the preview', async () => {
    await page.click('.blk.heading1');
    expect(await page.$eval('.cm-activeLine', (el) => el.textContent)).toBe('    title: 总体要求');
    const paragraph = await page.$$('.blk.body');
    await paragraph[0]!.click();
    expect(await page.$eval('.cm-activeLine', (el) => el.textContent?.trim())).toMatch(/^text: 以习近平新时代/);
    await clickLineEnd('title: 工作目标');
    await page.waitForFunction(() => document.querySelector('.blk.current')?.textContent === '（二）工作目标');
  });

  it('offers the correction of lint --fix as a quick fix on the marked text', async () => {
    await clickLineEnd('title: 工作目标');
    await page.keyboard.type(',任务');
    await settled();
    const marked = await page.waitForSelector('.cm-lintRange-warning');
    const box = await marked!.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const action = await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction', { timeout: 5000 });
    expect(await action!.evaluate((el) => el.textContent)).toBe('改为“，”');
    await action!.click();
    await page.waitForFunction(() => [...document.querySelectorAll('.cm-line')].some((l) => l.textContent?.trim() === 'title: 工作目标，任务'));
    await settled();
    expect(await page.$$('.cm-lintRange-warning')).toHaveLength(0);
  });

  it('undo survives the preview refresh: Ctrl+Z after the page updated takes the typing back, and the page follows', async () => {
    await clickLineEnd('issuer: 长寿镇');
    await page.keyboard.type('人民政府');
    await settled();
    await page.waitForFunction(() => [...document.querySelectorAll('.blk.signature')].some((el) => el.textContent === '长寿镇人民政府'));
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await settled();
    expect(await page.$eval('.cm-activeLine', (el) => el.textContent)).toBe('issuer: 长寿镇');
    expect(await page.$$eval('.blk.signature', (els) => els.map((el) => el.textContent))).toContain('长寿镇');
  });

  it('downloads a DOCX byte-identical to `plandoc render` of the saved file', async () => {
    const downloads = mkdtempSync(join(tmpdir(), 'plandoc-dl-'));
    const rendered = mkdtempSync(join(tmpdir(), 'plandoc-render-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await page.click('#download-docx'); // saves the edit first
      await waitFor(() => readdirSync(downloads).some((name) => name.endsWith('.docx')));
      const saved = readFileSync(join(wb.dir, 'changshou-2026.yaml'), 'utf8');
      expect(saved).toContain('title: 指导思想和基本原则');
      const result = runCli(['render', join(wb.dir, 'changshou-2026.yaml'), '-o', rendered, '--to', 'docx']);
      expect(result.code).toBe(0);
      const downloaded = readFileSync(join(downloads, 'changshou-2026.docx'));
      expect(Buffer.compare(downloaded, readFileSync(join(rendered, 'changshou-2026.docx')))).toBe(0);
    } finally {
      rmSync(downloads, { recursive: true, force: true });
      rmSync(rendered, { recursive: true, force: true });
    }
  });

  it('an outside edit while the writer has unsaved changes brings up the reload/keep dialog; reload shows the disk', async () => {
    await clickLineEnd('issuer: 长寿镇');
    await page.keyboard.type('人民政府');
    const file = join(wb.dir, 'changshou-2026.yaml');
    const outside = readFileSync(file, 'utf8').replace('date: 2026-01-14', 'date: 2026-01-20');
    writeFileSync(file, outside);
    await page.waitForSelector('dialog.conflict[open]', { timeout: 10_000 });
    expect(await page.$eval('dialog.conflict', (el) => el.textContent)).toContain('在工作台之外被修改了');
    expect(readFileSync(file, 'utf8')).toBe(outside);
    await page.click('dialog.conflict button.reload');
    await page.waitForFunction(() => [...document.querySelectorAll('.cm-line')].some((l) => l.textContent === 'date: 2026-01-20'));
    expect(await page.$$eval('.cm-line', (els) => els.some((l) => l.textContent === 'issuer: 长寿镇人民政府'))).toBe(false);
  });

  it('no script error happened on the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeout = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
