// The preview's link from a block on the page back to the YAML line it came from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewSource } from '../../src/serve/preview.js';
import { ROOT } from '../helpers/cli.js';

async function preview(name: string) {
  const file = join(ROOT, 'plans', name);
  const text = readFileSync(file, 'utf8');
  return { lines: text.split('\n'), preview: await previewSource(text, file) };
}

describe('preview block → YAML line', () => {
  it('every heading of a plan points at the title: line it prints', async () => {
    const { lines, preview: p } = await preview('changshou-2026.yaml');
    const headings = p.blocks.filter((block) => block.kind.startsWith('heading'));
    expect(headings.length).toBeGreaterThan(10);
    for (const heading of headings) {
      const title = heading.text.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/u, '');
      expect(lines[heading.line! - 1], heading.text).toMatch(new RegExp(`title: ${title}`));
    }
  });

  it('furniture points at its key: the signature at issuer:, the date at date:', async () => {
    const { lines, preview: p } = await preview('changshou-2026.yaml');
    const signature = p.blocks.filter((block) => block.kind === 'signature');
    expect(signature.map((block) => lines[block.line! - 1])).toEqual(['issuer: 长寿镇', 'date: 2026-01-14']);
  });

  it('a summary paragraph points at the progress file text it prints, or at the entry naming its plan section or metric', async () => {
    const { lines, preview: p } = await preview('changshou-2026-h1.yaml');
    const block = (start: string) => p.blocks.find((b) => b.text.startsWith(start))!;
    expect(lines[block('二是产业发展平台建设进度不一').line! - 1]).toContain('二是产业发展平台建设进度不一');
    const body = p.blocks.filter((b) => b.kind === 'body' && b.line !== undefined);
    expect(body.length).toBeGreaterThan(15);
    for (const b of body) {
      const line = lines[b.line! - 1]!;
      const value = line.replace(/^\s*(?:-\s+)?(?:\w+:\s*)?/, '');
      const namesAnId = /(section|task|metric): /.test(line);
      expect(namesAnId || b.text.replace(/\s+/g, '').includes(value.replace(/\s+/g, '').slice(0, 8)), `${b.text.slice(0, 20)} → ${line}`).toBe(true);
    }
  });
});

describe('tables in the preview', () => {
  const file = join(ROOT, 'tests/fixtures/tables-plan.yaml');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');

  it('sets a table as the DOCX does: title centred above it, a two-level header merged, numbers right and 序号 centred', async () => {
    const { blocks } = await previewSource(text, file);
    const at = blocks.findIndex((block) => block.kind === 'caption');
    expect(blocks[at]!.text).toBe('道路建设任务表');
    const [header, first, second] = blocks.slice(at + 1, at + 4);
    expect(header!.kind).toBe('table-header');
    expect(header!.html).toContain('<th class="center" rowspan="2">序号</th>');
    expect(header!.html).toContain('<th class="center" colspan="2">里程（公里）</th>');
    expect(header!.html.match(/<tr>/g)).toHaveLength(2);
    expect([first!.kind, second!.kind]).toEqual(['table-row', 'table-row']);
    expect(first!.html).toContain('<td class="center">1</td>');
    expect(first!.html).toContain('<td class="right">3.5</td>');
    // a cell's text is the writer's text, not Markdown: the asterisks stay, nothing is bold
    expect(first!.html).toContain('<td>**不是粗体**</td>');
    expect(second!.html).toContain('茶园面积2000亩以上');
    // the derived 责任分工表 and 主要指标表 are attachments with their own tables
    expect(blocks.filter((block) => block.kind === 'table-header').map((block) => block.text.split(' ')[1])).toEqual(['村', '重点任务', '指标']);
  });

  it('the title points at caption:, a row at its row in rows:', async () => {
    const { blocks } = await previewSource(text, file);
    expect(lines[blocks.find((block) => block.kind === 'caption')!.line! - 1]).toContain('caption: 道路建设任务表');
    const rows = blocks.filter((block) => block.kind === 'table-row' && /青山村|绿水村/.test(block.text));
    expect(rows.map((block) => lines[block.line! - 1]!.trim())).toEqual(['- [1, 青山村, 3.5, 1.2, "**不是粗体**"]', '- [2, 绿水村, 2, "", "茶园面积[[tea-area]]"]']);
  });
});
