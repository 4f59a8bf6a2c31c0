// plandoc serve in Chromium, the rest of the year: completion and hover from
// the schema, entering a progress value, 修订对照 against git, creating,
// rolling over and importing files, and the LibreOffice "exact" view.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickLineEnd as clickLineEndIn, openFile, openWorkbenchPage, type BrowserPage } from './browser.js';
import { startWorkbench, type Workbench } from './server.js';

let wb: Workbench;
let session: BrowserPage;
let page: Page;

/** A summary as render writes it and a writer then edits by hand: one half-width comma in Chinese. */
const SUMMARY_MD = `---
title: 长寿镇2026年上半年工作总结
issuer: 长寿镇
date: 2026-07-05
---

## 一、主要工作

上半年,全镇完成转移就业培训180人次。

## 二、下步打算

继续抓好就业帮扶。
`;

beforeAll(async () => {
  wb = await startWorkbench();
  writeFileSync(join(wb.dir, 'changshou-2026-h1.md'), SUMMARY_MD);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: wb.dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', '初稿');
  session = await openWorkbenchPage(wb.server.url);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await wb?.close();
});

const open = (path: string) => openFile(page, path);
const clickLineEnd = (prefix: string) => clickLineEndIn(page, prefix);

describe('serve in Chromium: the rest of the year', () => {
  it('completes keys with their Chinese titles from the schema and explains a key on hover', async () => {
    await open('songtao-2022.yaml');
    await clickLineEnd('year: 2022');
    await page.keyboard.press('Enter');
    await page.keyboard.type('iss');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    const options = await page.$$eval('.cm-tooltip-autocomplete li', (els) => els.map((el) => el.textContent));
    expect(options.some((o) => o?.startsWith('issuer') && o.includes('署名'))).toBe(true);
    await page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    const key = await page.evaluateHandle(() => [...document.querySelectorAll('.cm-line')].find((line) => line.textContent!.startsWith('year:')));
    const box = await (key.asElement() as ElementHandle<Element>).boundingBox();
    await page.mouse.move(box!.x + 12, box!.y + box!.height / 2);
    await page.waitForSelector('.schema-tip', { timeout: 5000 });
    expect(await page.$eval('.schema-tip', (el) => el.textContent)).toMatch(/^year：/);
  });

  it('shows the status of a progress file: completion bars, statuses, and a chart of a metric over its dated values', async () => {
    await open('changshou-2026-h1.yaml');
    await page.click('#tab-progress');
    await page.waitForSelector('tr[data-metric="transfer-training"]');
    expect(await page.$eval('tr[data-metric="job-fairs"] td.status', (el) => el.textContent)).toBe('滞后');
    expect(await page.$eval('tr[data-metric="transfer-training"] td.rate', (el) => el.textContent)).toBe('60.0%');
    await page.click('tr[data-metric="transfer-training"]');
    await page.waitForFunction(() => document.querySelector('.chart h4')?.textContent?.startsWith('转移就业培训'));
    expect(await page.$eval('.chart', (el) => (el as HTMLElement).dataset.points)).toBe('2');
  });

  it('a progress value typed in the table lands in the YAML on disk, in place, comments kept', async () => {
    await open('changshou-2026-h1.yaml');
    await page.click('#tab-progress');
    await page.waitForSelector('tr[data-metric="job-fairs"] input.value');
    const before = readFileSync(join(wb.dir, 'changshou-2026-h1.yaml'), 'utf8');
    const cell = await page.$('tr[data-metric="job-fairs"] input.value');
    await cell!.click({ clickCount: 3 });
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.startsWith('已写入'));
    const after = readFileSync(join(wb.dir, 'changshou-2026-h1.yaml'), 'utf8');
    expect(after).toBe(before.replace('{ metric: job-fairs, value: 0, date: 2026-06-30 }', '{ metric: job-fairs, value: 2, date: 2026-06-30 }'));
    expect(await page.$$eval('.cm-line', (els) => els.some((el) => el.textContent === '  - { metric: job-fairs, value: 2, date: 2026-06-30 }'))).toBe(true);
    await page.waitForFunction(() => document.querySelector('tr[data-metric="job-fairs"] td.status')?.textContent === '已完成');
    // Enter moved down a row, like a spreadsheet, and the refresh that followed kept the cell
    expect(await page.evaluate(() => document.activeElement === document.querySelector('tr[data-metric="job-fairs"] + tr input.value'))).toBe(true);
    expect(await page.$eval('.chart', (el) => el.textContent)).toContain('各次报送的完成数');

    const bad = await page.$('tr[data-metric="job-fairs"] input.value');
    await bad!.click({ clickCount: 3 });
    await page.keyboard.type('很多');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('不是数字'));
    expect(readFileSync(join(wb.dir, 'changshou-2026-h1.yaml'), 'utf8')).toBe(after);
  });

  it('shows the 修订对照 of the editor text against the last commit, and says committing stays in git', async () => {
    await open('songtao-2022.yaml');
    await clickLineEnd('issuer: 松涛镇');
    await page.keyboard.type('人民政府');
    await clickLineEnd('title: 总体要求');
    await page.keyboard.type('和原则');
    await page.click('#tab-changes');
    await page.waitForSelector('.changes button.compare');
    expect(await page.$eval('.changes', (el) => el.textContent)).toContain('提交（commit）仍在 git 里完成');
    await page.click('.changes button.compare');
    await page.waitForSelector('.diff-table');
    const rows = await page.$$eval('.diff-table tr', (trs) => trs.map((tr) => tr.textContent));
    expect(rows.some((row) => row?.includes('松涛镇人民政府'))).toBe(true);
    expect(await page.$$eval('.diff-table ins', (els) => els.map((el) => el.textContent))).toContain('和原则');
  });

  it('lists uncommitted files after a save', async () => {
    await page.click('#save');
    await page.click('#tab-preview');
    await page.click('#tab-changes');
    await page.waitForFunction(() => document.querySelector('.uncommitted')?.textContent?.includes('songtao-2022.yaml'));
  });

  it('creates a plan as init does, and rolls a plan over to next year', async () => {
    await page.click('#new-plan');
    await page.waitForSelector('dialog.form[open]');
    await page.type('dialog.form input[name="issuer"]', '青山镇');
    await page.$eval('dialog.form input[name="year"]', (el) => ((el as HTMLInputElement).value = '2027'));
    await page.click('dialog.form button.ok');
    await page.waitForFunction(() => document.body.dataset.file === '青山镇-2027.yaml');
    expect(readFileSync(join(wb.dir, '青山镇-2027.yaml'), 'utf8')).toContain('issuer: 青山镇');
    await page.waitForSelector('dialog.notes[open]');
    await page.click('dialog.notes button.ok');

    await open('changshou-2026.yaml');
    await page.waitForFunction(() => !(document.querySelector('#rollover') as HTMLButtonElement).disabled);
    await page.click('#rollover');
    await page.waitForSelector('dialog.form[open]');
    await page.click('dialog.form button.ok');
    await page.waitForFunction(() => document.body.dataset.file === 'changshou-2027.yaml', { timeout: 15_000 });
    expect(readFileSync(join(wb.dir, 'changshou-2027.yaml'), 'utf8')).toMatch(/^year: 2027$/m);
    await page.waitForSelector('dialog.notes[open]');
    expect(await page.$eval('dialog.notes', (el) => el.textContent)).toContain('changshou-2027.yaml');
    await page.click('dialog.notes button.ok');
  });

  it('imports a document dropped on the page', async () => {
    const text = '白云镇2027年工作要点\n\n一、总体要求\n\n坚持稳中求进。\n\n二、重点任务\n\n（一）抓好产业发展\n\n完成培训300人次以上。\n';
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], '白云镇要点.txt', { type: 'text/plain' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => document.body.dataset.file === '白云镇要点.yaml', { timeout: 15_000 });
    expect(readFileSync(join(wb.dir, '白云镇要点.yaml'), 'utf8')).toContain('抓好产业发展');
    await page.waitForSelector('dialog.notes[open]');
    expect(await page.$eval('dialog.notes', (el) => el.textContent)).toContain('识别出指标 1 个');
    await page.click('dialog.notes button.ok');
  });

  it('the exact view shows the LibreOffice pages of the saved file', async () => {
    await open('songtao-2022.yaml');
    await page.click('#tab-exact');
    await page.waitForSelector('img.exact-page', { timeout: 110_000 });
    const count = await page.$$eval('img.exact-page', (imgs) => imgs.length);
    expect(count).toBe(await page.$$eval('.pages .page', (pages) => pages.length));
  }, 120_000);

  it('a Markdown file sits with the file it was rendered from, shows its lint warning in the list and inline, and previews as pages', async () => {
    const link = 'a.file[data-path="changshou-2026-h1.md"]';
    expect(await page.$eval(link, (el) => el.closest('section.group')!.querySelector('h3')!.textContent)).toBe('changshou-2026');
    expect(await page.$eval(`${link} + .badge`, (el) => el.textContent)).toBe('1 个警告');
    await open('changshou-2026-h1.md');
    await page.click('#tab-preview');
    expect(await page.$eval('.page .blk.title', (el) => el.textContent)).toBe('长寿镇2026年上半年工作总结');
    expect(await page.$$eval('.blk.heading1', (els) => els.map((el) => el.textContent))).toEqual(['一、主要工作', '二、下步打算']);
    const marked = await page.$$eval('.cm-lintRange-warning', (els) => els.map((el) => el.closest('.cm-line')?.textContent));
    expect(marked).toEqual(['上半年,全镇完成转移就业培训180人次。']);
    const headings = await page.$$('.blk.heading1');
    await headings[1]!.click();
    expect(await page.$eval('.cm-activeLine', (el) => el.textContent)).toBe('## 二、下步打算');
  });

  it('no script error happened on the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
