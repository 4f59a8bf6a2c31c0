// Golden text: plans/pailou-2025-h1.yaml renders the text of the published
// summary 001. Both sides are normalised (whitespace, punctuation width, web
// debris); the one intended difference, the numbering fix （三）→（二）, is
// applied to the reference explicitly.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';

const REFERENCE = join(ROOT, 'tests/fixtures/reference/001_pailou-2025-h1-summary.txt');

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

function normalise(line: string): string {
  return line
    .replace(/\s+/g, '')
    .replace(/[,:;()?!]/g, (c) => HALF_TO_FULL[c]!)
    .replace(/(\d{4}年)-(\d{4}年)/g, '$1—$2') // TX-02: a range of years takes "—"
    .replace(/向著/g, '向着'); // traditional-character conversion debris in the web copy
}

function referenceLines(): { lines: string[]; title: string } {
  const raw = readFileSync(REFERENCE, 'utf8').split('\n');
  const title = /\| 名称: \| ([^|]+) \|/.exec(raw.join('\n'))![1]!.trim();
  const lines = raw
    .filter((line) => !line.startsWith('|')) // 政务公开 metadata table
    .filter((line) => line.trim() !== '' && line.trim() !== '扫一扫在手机打开当前页') // web debris
    .map((line) => line.replace(/^\(三\)聚焦产业兴旺/, '(二)聚焦产业兴旺')) // the numbering fix
    .map(normalise);
  return { lines, title };
}

/** The Markdown as a reader sees it: body text, then 署名 and 成文日期 from the front matter. */
function renderedLines(markdown: string): { lines: string[]; title: string } {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)!;
  const furniture = parseYaml(front!) as { title: string; issuer: string; date: string };
  const [year, month, day] = furniture.date.split('-').map(Number);
  const lines = body!
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# '))
    .map((line) => line.replace(/^#+ /, '').replace(/\*\*/g, ''));
  return { lines: [...lines, furniture.issuer, `${year}年${month}月${day}日`].map(normalise), title: furniture.title };
}

describe('golden: 001 牌楼镇 2025 上半年工作总结', () => {
  it('renders the reference text line by line', async () => {
    const loaded = await loadProgressFile(join(ROOT, 'plans/pailou-2025-h1.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    const { markdown, diagnostics } = composeSummaryMarkdown(loaded.value!, loaded.plan);
    expect(diagnostics).toEqual([]);
    const rendered = renderedLines(markdown);
    const reference = referenceLines();
    expect(rendered.title).toBe(reference.title);
    expect(rendered.lines).toEqual(reference.lines);
  });

  it('holds every figure of the reference as tracked data, not as typed text', () => {
    const source = readFileSync(join(ROOT, 'plans/pailou-2025-h1.yaml'), 'utf8');
    const body = source.slice(source.indexOf('\nbody:'));
    const figures = ['23户', '78人', '15户', '48人', '362人次', '54.3万元', '508户', '107.1564万元', '330人次', '77人次', '1448人次', '72.4万元',
      '1862万元', '790万元', '1072万元', '693户', '1844人', '106户', '355人', '165条', '60条', '34人', '82户', '173750元', '87名', '361名', '200元', '300元'];
    for (const figure of figures) expect(body, figure).not.toContain(figure);
  });
});

// The example summaries as checked in: each golden was read as the town leader
// who signs it would read it before it was checked in, so a change to the
// generated wording shows up here as a diff to read again.
// UPDATE_GOLDEN=1 rewrites the files; read them before committing.
describe.each(['changshou-2026-h1', 'changshou-2026-year', 'pailou-2025-h1'])('golden summary %s', (name) => {
  it('renders the checked-in Markdown byte for byte, twice the same', async () => {
    const loaded = await loadProgressFile(join(ROOT, `plans/${name}.yaml`));
    const first = composeSummaryMarkdown(loaded.value!, loaded.plan);
    expect(first.diagnostics).toEqual([]);
    expect(composeSummaryMarkdown(structuredClone(loaded.value!), loaded.plan).markdown).toBe(first.markdown);
    const golden = join(ROOT, 'tests/golden', `${name}.md`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, first.markdown);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/summary/golden.test.ts, then read it`).toBe(true);
    expect(first.markdown).toBe(readFileSync(golden, 'utf8'));
  });
});
