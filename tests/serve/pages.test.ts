// The live preview breaks pages with the project's width model; LibreOffice's
// render of the same files is the reference (issue #18 item 3), tables included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSource, type Preview } from '../../src/serve/preview.js';
import { ROOT, runCli } from '../helpers/cli.js';

let out: string;
let longTable: string;

/** tests/fixtures/tables-plan.yaml with 60 rows in its table: three pages of table. */
function longTablePlan(): string {
  const rows = Array.from({ length: 60 }, (_, i) => `                - [${i + 1}, 第${i + 1}村, ${i + 1}, ${i}, ""]`).join('\n');
  return readFileSync(join(ROOT, 'tests/fixtures/tables-plan.yaml'), 'utf8').replace(/ {14}rows:\n[\s\S]*?(?=  - title: 保障措施)/, `              rows:\n${rows}\n`);
}

const files = () => [
  join(ROOT, 'plans/changshou-2026.yaml'),
  join(ROOT, 'plans/changshou-2026-h1.yaml'),
  join(ROOT, 'tests/fixtures/tables-plan.yaml'),
  join(ROOT, 'tests/fixtures/quarterly-table.yaml'),
  longTable,
];

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'plandoc-pages-'));
  longTable = join(out, 'long-table.yaml');
  writeFileSync(longTable, longTablePlan());
  const result = runCli(['render', ...files(), '--to', 'pdf', '-o', out]);
  expect(result.code, result.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', join(out, basename(file).replace(/\.yaml$/, '.pdf')), '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

async function previewOf(file: string): Promise<Preview> {
  return previewSource(readFileSync(file, 'utf8'), file);
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('preview pages against LibreOffice', () => {
  it.each([0, 1, 2, 3, 4])('file %i: as many pages as LibreOffice, each starting within a line of where LibreOffice starts it', async (index) => {
    const file = files()[index]!;
    const preview = await previewOf(file);
    const pages = pdfPages(file);
    expect(preview.pageCount, basename(file)).toBe(pages.length);
    // each PDF page starts with text of a block the preview has within one line of that page's top
    for (let page = 1; page <= preview.pageCount; page++) {
      const top = (page - 1) * 22;
      const near = preview.blocks.filter((block) => block.top <= top + 1 && block.top + block.lines > top - 1);
      const firstLine = pages[page - 1]!.split('\n').map(squeeze).find(Boolean)!;
      const probe = firstLine.slice(0, 6);
      expect(near.some((block) => squeeze(block.text).includes(probe)), `${basename(file)} page ${page} starts with ${probe}`).toBe(true);
    }
  });

  it('a long table breaks between the same rows as in LibreOffice, its header repeated on each page', async () => {
    const preview = await previewOf(longTable);
    const pages = pdfPages(longTable);
    const villages = (text: string) => (squeeze(text).match(/第\d+村/g) ?? []).map((v) => Number(v.slice(1, -1)));
    for (let page = 1; page <= preview.pageCount; page++) {
      const onPage = preview.blocks.filter((block) => block.top >= (page - 1) * 22 && block.top < page * 22);
      const rows = onPage.filter((block) => block.kind === 'table-row').flatMap((block) => villages(block.text));
      const pdfRows = villages(pages[page - 1]!);
      if (pdfRows.length === 0) {
        expect(rows, `page ${page}`).toEqual([]);
        continue;
      }
      // a table page starts with the header, and its last row is LibreOffice's or its neighbour
      expect(onPage.some((block) => block.kind === 'table-header'), `page ${page}`).toBe(true);
      expect(Math.abs(rows.at(-1)! - pdfRows.at(-1)!), `page ${page}: preview ends at row ${rows.at(-1)}, LibreOffice at ${pdfRows.at(-1)}`).toBeLessThanOrEqual(1);
      // no row is cut by the page end
      for (const block of onPage) expect(block.top + block.lines).toBeLessThanOrEqual(page * 22 + 1e-6);
    }
  });
});
