// The live preview breaks pages with the project's width model; LibreOffice's
// render of the same files is the reference (issue #18 item 3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSource } from '../../src/serve/preview.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FILES = ['changshou-2026', 'changshou-2026-h1'];
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'plandoc-pages-'));
  const result = runCli(['render', ...FILES.map((name) => `plans/${name}.yaml`), '--to', 'pdf', '-o', out]);
  expect(result.code, result.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function pdfPages(name: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', join(out, `${name}.pdf`), '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

describe('preview pages against LibreOffice', () => {
  it.each(FILES)('%s: as many pages as LibreOffice, each starting within a line of where LibreOffice starts it', async (name) => {
    const file = join(ROOT, 'plans', `${name}.yaml`);
    const preview = await previewSource(readFileSync(file, 'utf8'), file);
    const pages = pdfPages(name);
    expect(preview.pageCount).toBe(pages.length);
    // each PDF page starts with text of a block the preview has within one line of that page's top
    for (let page = 1; page <= preview.pageCount; page++) {
      const top = (page - 1) * 22;
      const near = preview.blocks.filter((block) => block.top <= top + 1 && block.top + block.lines > top - 1);
      const firstLine = pages[page - 1]!.split('\n').map((line) => line.replace(/\s+/g, '')).find(Boolean)!;
      const probe = firstLine.slice(0, 6);
      expect(near.some((block) => block.text.replace(/\s+/g, '').includes(probe)), `page ${page} starts with ${probe}`).toBe(true);
    }
  });
});
