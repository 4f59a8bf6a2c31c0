// Tables in the DOCX, asserted on the XML (TB-01, TB-02) and on the LibreOffice
// render: every cell kept, the header repeated on every page of a long table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { prepareRender } from '../../src/render/index.js';
import { docxToPdf } from '../../src/docx/pdf.js';
import { all, attr, child, openDocx, paragraphText, runProp, type DocxParts } from '../docx/xml.js';
import { canRender, readPages } from '../render/pdf-layout.js';
import { TABLE_PLAN, exampleWithTables, writePlan } from './fixtures.js';

const TYPE_AREA = 11906 - 1587 - 1474;

async function renderDocx(file: string): Promise<Uint8Array> {
  const prepared = await prepareRender(file, { outDir: mkdtempSync(join(tmpdir(), 'plandoc-tables-out-')), formats: ['docx'] });
  expect(prepared.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return prepared.files.find((f) => f.path.endsWith('.docx'))!.data as Uint8Array;
}

const cellTexts = (row: Element) => all(row, 'tc').map((tc) => paragraphText(tc));

describe('tables in the DOCX (TB-01, TB-02)', async () => {
  const parts: DocxParts = await openDocx(await renderDocx(writePlan(TABLE_PLAN)));
  const table = all(parts.document, 'tbl')[0]!;
  const rows = all(table, 'tr');

  it('TB-01 the caption is centred above the table in 黑体, kept with it', () => {
    const caption = table.previousSibling as Element;
    expect(paragraphText(caption)).toBe('道路建设任务表');
    expect(attr(child(child(caption, 'pPr'), 'jc'), 'val')).toBe('center');
    expect(child(child(caption, 'pPr'), 'keepNext')).toBeDefined();
    const run = all(caption, 'r')[0]!;
    expect(runProp(parts, run, 'rFonts', 'eastAsia')).toBe('黑体');
  });

  it('TB-01 both header rows repeat on every page; a group spans its columns and single columns merge down', () => {
    const repeats = (row: Element) => {
      const mark = child(child(row, 'trPr'), 'tblHeader');
      return mark !== undefined && !['false', '0'].includes(attr(mark, 'val') ?? '');
    };
    expect(rows.map(repeats)).toEqual([true, true, false, false]);
    expect(cellTexts(rows[0]!)).toEqual(['序号', '村', '里程（公里）', '备注']);
    const group = all(rows[0]!, 'tc')[2]!;
    expect(attr(child(child(group, 'tcPr'), 'gridSpan'), 'val')).toBe('2');
    expect(cellTexts(rows[1]!)).toEqual(['', '', '计划', '已完成', '']);
    expect(attr(child(child(all(rows[0]!, 'tc')[0], 'tcPr'), 'vMerge'), 'val')).toBe('restart');
    expect(child(child(all(rows[1]!, 'tc')[0], 'tcPr'), 'vMerge')).toBeDefined();
  });

  it('TB-01 cells keep their text as typed, citations expanded; numbers right-aligned', () => {
    expect(cellTexts(rows[2]!)).toEqual(['1', '青山村', '3.5', '1.2', '**不是粗体**']);
    expect(cellTexts(rows[3]!)).toEqual(['2', '绿水村', '2', '', '茶园面积2000亩以上']);
    const jc = (tc: Element) => attr(child(child(all(tc, 'p')[0], 'pPr'), 'jc'), 'val');
    expect(jc(all(rows[2]!, 'tc')[2]!)).toBe('right');
    expect(jc(all(rows[2]!, 'tc')[1]!)).toBe('left');
  });

  it('TB-01 cells are padded and the text is 仿宋', () => {
    const margins = child(child(table, 'tblPr'), 'tblCellMar');
    for (const side of ['top', 'bottom']) expect(Number(attr(child(margins, side), 'w'))).toBeGreaterThan(0);
    for (const side of ['left', 'right', 'start', 'end']) {
      const margin = child(margins, side);
      if (margin) expect(Number(attr(margin, 'w'))).toBeGreaterThan(0);
    }
    const run = all(rows[2]!, 'r')[0]!;
    expect(runProp(parts, run, 'rFonts', 'eastAsia')).toMatch(/仿宋/);
  });

  it('TB-02 a fixed tblGrid whose gridCols fill the type area; rows never have an exact height', () => {
    const cols = all(child(table, 'tblGrid')!, 'gridCol').map((col) => Number(attr(col, 'w')));
    expect(cols).toHaveLength(5);
    expect(cols.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(TYPE_AREA - 1);
    expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TYPE_AREA + 1);
    expect(attr(child(child(table, 'tblPr'), 'tblLayout'), 'type')).toBe('fixed');
    for (const height of all(table, 'trHeight')) expect(attr(height, 'hRule')).not.toBe('exact');
  });
});

describe.runIf(canRender)('tables in the LibreOffice render', () => {
  it('changshou-2026 with its 责任分工表 and 主要指标表: every cell is on the page', async () => {
    const docx = await renderDocx(exampleWithTables('changshou-2026', '  tasks: true\n  metrics: true'));
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-tables-pdf-'));
    writeFileSync(join(dir, 'cs.docx'), docx);
    const pages = readPages(await docxToPdf(join(dir, 'cs.docx'), dir));
    const text = pages.map((page) => page.lines.map((line) => line.text).join('')).join('').replace(/\s+/g, '');
    for (const cell of ['重点任务责任分工表', '（三）推进就业帮扶，拓宽增收渠道', '主要指标表', '返贫致贫风险动态清零', '风险动态清零']) {
      expect(text).toContain(cell);
    }
  }, 120_000);

  it('a table longer than a page repeats its header on the next page and loses no row', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `                - [${i + 1}, 第${i + 1}村, ${i + 1}, ${i}, ""]`).join('\n');
    const plan = TABLE_PLAN.replace(/ {14}rows:\n[\s\S]*?(?=  - title: 保障措施)/, `              rows:\n${rows}\n`);
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-tables-pdf-'));
    writeFileSync(join(dir, 'long.docx'), await renderDocx(writePlan(plan)));
    const pages = readPages(await docxToPdf(join(dir, 'long.docx'), dir));
    const withTable = pages.filter((page) => page.lines.some((line) => /第\d+村/.test(line.text)));
    expect(withTable.length).toBeGreaterThanOrEqual(2);
    for (const page of withTable) expect(page.lines.some((line) => line.text.includes('已完成'))).toBe(true);
    const villages = new Set(pages.flatMap((page) => page.lines.flatMap((line) => line.text.match(/第\d+村/g) ?? [])));
    expect(villages.size).toBe(60);
  }, 120_000);
});
