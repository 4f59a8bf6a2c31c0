// A real Chromium (Debian's /usr/bin/chromium, installed by
// scripts/install-system-deps.sh) driven by puppeteer-core; nothing is downloaded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.PLANDOC_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'plandoc-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1600,1000'],
    defaultViewport: { width: 1600, height: 1000 },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface BrowserPage {
  page: Page;
  /** script errors the page threw: a test ends by checking there were none */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** A fresh browser with the workbench at `url` loaded and its file list shown. */
export async function openWorkbenchPage(url: string): Promise<BrowserPage> {
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('a.file');
  return { page, pageErrors, close };
}

/**
 * Opens a file from the list (re-rendered after every save: found and clicked
 * in one step) and waits until its check, preview and progress have arrived,
 * which re-render the panels.
 */
export async function openFile(page: Page, path: string): Promise<void> {
  const before = await updatedMark(page);
  await page.evaluate((p) => document.querySelector<HTMLElement>(`a.file[data-path="${p}"]`)!.click(), path);
  await page.waitForFunction((p, b) => document.body.dataset.file === p && document.body.dataset.updated !== b && document.querySelector('.page'), {}, path, before);
}

/** Waits for the next check and preview answering the editor's text (the page marks each one). */
export async function settled(page: Page): Promise<void> {
  const before = await updatedMark(page);
  await page.waitForFunction((b) => document.body.dataset.updated !== b, { timeout: 10_000 }, before);
}

const updatedMark = (page: Page) => page.evaluate(() => document.body.dataset.updated);

/** Puts the cursor at the end of the first editor line that starts with `prefix`. */
export async function clickLineEnd(page: Page, prefix: string): Promise<void> {
  const handle = await page.evaluateHandle((p) => [...document.querySelectorAll('.cm-line')].find((line) => line.textContent!.trimStart().startsWith(p)), prefix);
  const line = handle.asElement() as ElementHandle<Element> | null;
  if (!line) throw new Error(`no editor line starts with ${prefix}`);
  await line.click();
  await page.keyboard.press('End');
}
