// `plandoc render PROGRESS.yaml` through the built command: the summary as
// Markdown and as an official DOCX, nothing written when the input is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { all, openDocx, W, type DocxParts } from '../docx/xml.js';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'plandoc-summary-render-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

function paragraphTexts(document: DocxParts['document']): string[] {
  return all(document, 'p').map((p) => Array.from(p.getElementsByTagNameNS(W, 't')).map((t) => t.textContent ?? '').join(''));
}

describe('plandoc render PROGRESS.yaml', () => {
  it('writes the half-year summary as .md and .docx', async () => {
    const result = runCli(['render', 'plans/changshou-2026-h1.yaml', '-o', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['changshou-2026-h1.docx', 'changshou-2026-h1.md']);

    const loaded = await loadProgressFile(join(ROOT, 'plans/changshou-2026-h1.yaml'));
    const expected = composeSummaryMarkdown(loaded.value!, loaded.plan).markdown;
    expect(await readFile(join(out, 'changshou-2026-h1.md'), 'utf8')).toBe(expected);

    const docx = await openDocx(await readFile(join(out, 'changshou-2026-h1.docx')));
    const texts = paragraphTexts(docx.document);
    expect(texts).toContain('一、主要工作及成效');
    expect(texts.some((t) => t.startsWith('（四）推进就业帮扶，拓宽增收渠道。“百日攻坚”行动完成劳动力就业意愿摸排，完成转移就业培训180人次。'))).toBe(true);
    expect(texts).toContain('主要指标完成情况表');
    expect(all(docx.document, 'tbl')).toHaveLength(1);
    expect(all(docx.document, 'tr')).toHaveLength(24); // header + 23 metrics
  });

  it('renders the year-end and the standalone summary too', async () => {
    const result = runCli(['render', 'plans/changshou-2026-year.yaml', 'plans/pailou-2025-h1.yaml', '-o', out, '--to', 'docx']);
    expect(result.code).toBe(0);
    const pailou = await openDocx(await readFile(join(out, 'pailou-2025-h1.docx')));
    const texts = paragraphTexts(pailou.document);
    expect(texts).toContain('（二）聚焦产业兴旺，发展动能持续增强');
    expect(texts).toContain('牌楼镇乡村振兴工作站');
    expect(texts).toContain('2025年10月20日');
    expect(all(pailou.document, 'tbl')).toHaveLength(0);
  });

  it('writes nothing and exits 1 when the plan of a progress file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plandoc-summary-bad-'));
    try {
      const text = (await readFile(join(ROOT, 'plans/changshou-2026-h1.yaml'), 'utf8')).replace('plan: changshou-2026.yaml', 'plan: changshou-2062.yaml');
      await writeFile(join(dir, 'h1.yaml'), text);
      const line = text.split('\n').indexOf('plan: changshou-2062.yaml') + 1;
      const result = runCli(['render', join(dir, 'h1.yaml'), '-o', join(dir, 'out')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${join(dir, 'h1.yaml')}:${line}:7: 错误 [plan-missing]`);
      expect(await readdir(dir)).toEqual(['h1.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('check accepts the progress files in plans/, saying which value the half-year file still lacks', async () => {
    const result = runCli(['check', 'plans/pailou-2025-h1.yaml', 'plans/changshou-2026-h1.yaml', 'plans/changshou-2026-year.yaml']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => /: (错误|警告) \[/.test(l));
    expect(lines).toEqual([
      'plans/changshou-2026-h1.yaml:15:1: 警告 [value-missing] 1项指标还没有完成数据：“新增卫生户厕改造任务”（toilet-renovation）；总结中计为“尚无统计数据”，不写它的成效和下步打算',
    ]);
    expect(result.stdout).toContain('提示：在 values 中补上，例如 - { metric: toilet-renovation, value: true, date: 2026-06-30 }。');
  });
});
