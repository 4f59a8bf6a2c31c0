// Round trip: importing each reference document gives a plan that `check`
// accepts and whose rendered text reads like the original (punctuation made
// full-width, website debris dropped, typed numbering errors corrected).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importText } from '../../src/import/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { composeSummaryMarkdown, loadProgressSource } from '../../src/summary/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { lintPlanSource } from '../../src/lint/index.js';
import type { Plan } from '../../src/model/plan.js';
import { ROOT } from '../helpers/cli.js';
import { markdownLines, referenceLines, type Correction } from '../plans/plain-text.js';

const REFERENCE_DIR = join(ROOT, 'tests/fixtures/reference');

function importReference(name: string) {
  return importText(readFileSync(join(REFERENCE_DIR, name), 'utf8'), name);
}

function rendered(plan: Plan): string[] {
  const { markdown, diagnostics } = composePlanMarkdown(plan);
  expect(diagnostics).toEqual([]);
  return markdownLines(parseMarkdown(markdown).root);
}

const ROUND_TRIPS: Array<{ reference: string; corrections: Correction[] }> = [
  { reference: '000_changshou-2026-plan.txt', corrections: [] },
  {
    reference: '004_songtao-2022-plan.txt',
    corrections: [
      // lint fixes this typo on import (TX-04); the renderer renumbers 13. as 11.
      { from: '(2021一2025年)', to: '(2021—2025年)', why: '一 written for the range dash' },
      { from: '\n13.推进社会帮扶', to: '\n11.推进社会帮扶', why: 'typed numbering skipped 11 and 12' },
    ],
  },
];

describe.each(ROUND_TRIPS)('importing $reference', ({ reference, corrections }) => {
  const outcome = importReference(reference);

  it('writes YAML that check accepts without a single diagnostic', () => {
    const loaded = loadPlanSource(outcome.yaml, 'imported.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toBeDefined();
    expect(parse(outcome.yaml)).toEqual(JSON.parse(JSON.stringify(outcome.plan)));
  });

  it('renders back to the reference text, line for line', () => {
    expect(rendered(outcome.plan)).toEqual(referenceLines(readFileSync(join(REFERENCE_DIR, reference), 'utf8'), corrections));
  });

  it('types no number twice: every extracted metric is cited exactly once', () => {
    const cited = [...outcome.yaml.matchAll(/\[\[(m\d+)\]\]/g)].map((m) => m[1]);
    expect(cited.sort()).toEqual((outcome.plan.metrics ?? []).map((m) => m.id).sort());
  });

  it('leaves no safe lint fix in the imported text', () => {
    expect(lintPlanSource(outcome.yaml, 'x.yaml').filter((d) => d.fix?.safe)).toEqual([]);
  });
});

describe('importing 000 (half-width web copy with 政务公开 metadata)', () => {
  const { plan, yaml } = importReference('000_changshou-2026-plan.txt');

  it('keeps the metadata as publication data, not body text', () => {
    expect(plan.publication).toEqual({
      indexNo: '113/2026-2354051', publisher: '长寿镇', generated: '2026-01-14 10:54:56',
      published: '2026-01-14', openness: '政府网站', scope: '全部公开',
    });
    expect(yaml).not.toContain('来源');
  });

  it('recognises the structure: 3 parts, run-in goals and tasks with ：, the 五项保障 list', () => {
    expect(plan.sections.map((s) => s.title)).toEqual(['总体要求', '重点工作任务', '保障措施']);
    expect(plan.numbering).toEqual({ runInMark: '：' });
    const goals = plan.sections[0]!.children![1]!;
    expect(goals.children!.map((g) => [g.title, g.runIn])).toEqual([
      ['底线坚守', true], ['增收提质', true], ['产业增效', true], ['建设提速', true], ['治理提效', true],
    ]);
    const guarantees = plan.sections[1]!.children![0]!.children![2]!;
    expect(guarantees.title).toBe('巩固“五项保障”成果');
    expect(Array.isArray(guarantees.text) && guarantees.text[0]).toMatchObject({ list: expect.arrayContaining([expect.stringMatching(/^教育帮扶：/)]) });
  });

  it('extracts the targets of the text as metrics with the right kinds', () => {
    const byPhrase = new Map((plan.metrics ?? []).map((m) => [JSON.stringify(m.target), m]));
    expect(plan.metrics?.length).toBe(17);
    expect(byPhrase.get(JSON.stringify({ kind: 'atLeast', value: 300, wording: '以上' }))).toMatchObject({ unit: '人次', name: '转移就业培训', task: 's2-3-1' });
    expect(byPhrase.get(JSON.stringify({ kind: 'atLeast', value: 65, wording: '不低于' }))).toMatchObject({ unit: '%', name: '财政衔接资金' });
    expect(byPhrase.get(JSON.stringify({ kind: 'range', min: 2, max: 3, separator: '—' }))).toMatchObject({ unit: '场', name: '专场招聘会' });
    expect(byPhrase.get(JSON.stringify({ kind: 'vsLastYear', relation: 'notBelow' }))).toMatchObject({ name: '岗位数量' });
    expect(byPhrase.get(JSON.stringify({ kind: 'achieve', statement: '实现“村村通快递”全覆盖' }))).toBeDefined();
    expect(byPhrase.get(JSON.stringify({ kind: 'atLeast', value: 1, wording: '至少' }))).toMatchObject({ unit: '人' });
    expect(byPhrase.get(JSON.stringify({ kind: 'exact', value: 100 }))).toMatchObject({ unit: '%' });
  });
});

describe('importing 004 (cited higher document, continued numbering with a gap)', () => {
  const { plan, yaml, notes } = importReference('004_songtao-2022-plan.txt');

  it('turns the cited document into basis and cites it from the opening', () => {
    expect(plan.basis).toEqual([{ id: 'b1', title: '中共资阳市委农村工作领导小组办公室关于做好2022年巩固脱贫攻坚成果同乡村振兴有效衔接工作的实施意见', number: '资农领办〔2022〕11号' }]);
    expect(plan.opening).toBe('为进一步巩固拓展脱贫攻坚成果，推进乡村全面振兴，根据[[b1]]精神，特制定本方案。');
  });

  it('detects level-3 numbers continuing across sections and names the 10 → 13 gap', () => {
    expect(plan.numbering).toEqual({ level3: 'continue', runInMark: '。' });
    expect(notes).toContainEqual({ line: 25, kind: 'warning', message: '编号从“10.”跳到“13.”，缺少“11.”、“12.”；导入后按结构重新编号为“11.”，请核对' });
    expect(yaml).toContain('# 导入时推测：原文编号为“13.”');
    const tasks = plan.sections[2]!.children!.flatMap((s) => s.children ?? []);
    expect(tasks).toHaveLength(11);
  });

  it('extracts growth targets (同比增长10%以上, 增长10%)', () => {
    const growth = (plan.metrics ?? []).filter((m) => m.target.kind === 'growth');
    expect(growth.map((m) => m.target)).toEqual([
      { kind: 'growth', rate: 10 },
      { kind: 'growth', rate: 10, orMore: false },
      { kind: 'growth', rate: 10 },
      { kind: 'growth', rate: 10, orMore: false },
    ]);
    expect(growth[0]!.task).toBe('s2');
  });

  it('drops the Word bookmark debris and reports what lint cannot fix', () => {
    expect(yaml).not.toContain('bookmark');
    expect(notes.filter((n) => n.message.startsWith('[TX-05]')).map((n) => n.message)).toHaveLength(2);
  });
});

describe('importing 001 (a summary: metadata table, jumps from （一） to （三）, signature)', () => {
  const text = readFileSync(join(REFERENCE_DIR, '001_pailou-2025-h1-summary.txt'), 'utf8');
  const { plan, yaml, notes, summary } = importText(text, '001.txt');

  it('is a summary: a progress file for 2025 上半年 that check accepts, its figures as values', async () => {
    expect(summary?.progress.period).toEqual({ kind: 'half', year: 2025, half: 1 });
    const loaded = await loadProgressSource(yaml, '001.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(summary!.progress.values!.length).toBeGreaterThan(30);
    expect(summary!.progress.values).toContainEqual({ metric: expect.any(String), value: 54.3, date: '2025-06-30' });
  });

  it('takes the title from the metadata table, and the signature and date from the end', () => {
    expect(plan.title).toBe('牌楼镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2025年上半年乡村振兴工作总结及2025年下半年工作计划');
    expect(yaml).toContain('# 导入时推测：正文前没有标题行，标题取自网页信息“名称”');
    expect(plan).toMatchObject({ issuer: '牌楼镇乡村振兴工作站', date: '2025-10-20', year: 2025 });
    expect(plan.publication).toMatchObject({ indexNo: '11341802003285507Y/202510-00043', category: '年度计划', publisher: '贵池区牌楼镇人民政府', topic: '民政、扶贫、救灾', published: '2025-10-20' });
    expect(plan.docNumber).toBeUndefined();
  });

  it('keeps the structure intact across the missing （二） and warns about it', () => {
    expect(plan.sections[0]!.children!.map((s) => s.title)).toEqual(['机制健全，坚决守住不发生规模性返贫底线', '聚焦产业兴旺，发展动能持续增强']);
    expect(notes.find((n) => n.kind === 'warning' && n.line === 16)?.message).toContain('缺少“（二）”');
  });

  it('renders back to the web copy line for line (metadata, signature and debris aside)', () => {
    const corrections: Correction[] = [
      { from: '\n(三)聚焦产业兴旺', to: '\n(二)聚焦产业兴旺', why: 'typed numbering skipped （二）' },
      { from: '(2021年-2025年)', to: '(2021年—2025年)', why: 'TX-02 time range' },
      { from: '(2026年-2030年)', to: '(2026年—2030年)', why: 'TX-02 time range' },
    ];
    const furniture = /^\||^扫一扫|^牌楼镇乡村振兴工作站$|^2025年10月20日$/;
    const expected = referenceLines(text, corrections).filter((line) => !furniture.test(line));
    const { markdown } = composeSummaryMarkdown(summary!.progress, undefined);
    expect(markdownLines(parseMarkdown(markdown).root)).toEqual([plan.title, ...expected]);
  });
});

describe('importing a Markdown file that plandoc rendered', () => {
  it.each(['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml'])('gives back a plan that renders the same text (%s)', (file) => {
    const original = parse(readFileSync(join(ROOT, file), 'utf8')) as Plan;
    const { markdown } = composePlanMarkdown(original);
    const outcome = importText(markdown, 'rendered.md');
    expect(loadPlanSource(outcome.yaml, 'imported.yaml').diagnostics).toEqual([]);
    expect(rendered(outcome.plan)).toEqual(rendered(original));
    const furniture = ({ title, issuer, date, year }: Plan) => ({ title, issuer, date, year });
    expect(furniture(outcome.plan)).toEqual(furniture(original));
  });
});
