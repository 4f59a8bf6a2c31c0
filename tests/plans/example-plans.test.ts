// The example plans in plans/ must reproduce their reference documents
// completely: every line of the web copy (after fixing punctuation width and
// dropping website debris) is produced, in order, by the plan's tree with
// derived numbering and expanded citations, and nothing else is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import type { ComposeProblem } from '../../src/compose/text.js';
import {
  type Correction,
  allProse,
  allSections,
  citationTable,
  citedIds,
  markdownLines,
  metricsWithNumbers,
  plainLines,
  publicationBlock,
  readPlanYaml,
  referenceLines,
  targetPhrase,
} from './plain-text.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { loadPlanFile } from '../../src/load/index.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

// Verbatim copies of ../shared/reference/ (tests/fixtures/reference/), so a clean clone can run this test.
const REFERENCE_DIR = join(ROOT, 'tests/fixtures/reference');

interface Example {
  plan: string;
  reference: string;
  corrections: Correction[];
  /** metrics deliberately not cited, because no target phrase matches the original wording */
  uncited: string[];
}

const EXAMPLES: Example[] = [
  {
    plan: 'plans/changshou-2026.yaml',
    reference: '000_changshou-2026-plan.txt',
    corrections: [],
    uncited: [],
  },
  {
    plan: 'plans/songtao-2022.yaml',
    reference: '004_songtao-2022-plan.txt',
    corrections: [
      { from: '任务，。', to: '任务。', why: 'doubled punctuation' },
      { from: '(2021一2025年)', to: '(2021—2025年)', why: '一 written for the range dash' },
      { from: '推进十四五”', to: '推进“十四五”', why: 'missing opening quote' },
      { from: '深度挖掘\u00a0“', to: '深度挖掘“', why: 'stray no-break space' },
      { from: '\n13.推进社会帮扶', to: '\n11.推进社会帮扶', why: 'typed numbering skipped 11 and 12' },
    ],
    uncited: [],
  },
];

function load(example: Example): { plan: Plan; source: string; yamlProblems: string[] } {
  return readPlanYaml(join(ROOT, example.plan));
}

function reference(example: Example): string {
  return readFileSync(join(REFERENCE_DIR, example.reference), 'utf8');
}

describe.each(EXAMPLES)('$plan', (example) => {
  const { plan, source, yamlProblems } = load(example);

  it('is clean YAML (no syntax errors, no duplicate keys)', () => {
    expect(yamlProblems).toEqual([]);
  });

  it('passes the schema and every semantic rule with no error and no warning', async () => {
    const result = await loadPlanFile(join(ROOT, example.plan));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.title).toBe(plan.title);
  });

  it('starts with the schema line and names the reference it reproduces', () => {
    const [first, second] = source.split('\n');
    expect(first).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(second).toContain(example.reference);
  });

  it('reproduces every line of the reference, in order, and nothing more', () => {
    const problems: ComposeProblem[] = [];
    expect(plainLines(plan, problems)).toEqual(referenceLines(reference(example), example.corrections));
    expect(problems).toEqual([]);
  });

  it('renders through compose to Markdown that reads exactly like the reference', () => {
    const { markdown, diagnostics } = composePlanMarkdown(plan);
    expect(diagnostics).toEqual([]);
    const parsed = parseMarkdown(markdown);
    expect(parsed.diagnostics).toEqual([]);
    expect(markdownLines(parsed.root)).toEqual(referenceLines(reference(example), example.corrections));
    expect(parsed.furniture).toMatchObject({ title: plan.title, issuer: plan.issuer });
  });

  it('uses full-width punctuation in all prose (TX-01)', () => {
    const offenders = allProse(plan).filter((p) => /[,:;()?!]/.test(p.replace(/\[\[[^\]]*\]\]/g, '')));
    expect(offenders).toEqual([]);
  });

  it('never types a heading number in a title', () => {
    const typed = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)/;
    const titles = allSections(plan.sections).map((s) => s.title ?? '');
    expect(titles.filter((t) => typed.test(t))).toEqual([]);
  });

  it('has unique section ids and every metric belongs to an existing section', () => {
    const ids = allSections(plan.sections).flatMap((s) => (s.id ? [s.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const orphans = (plan.metrics ?? []).filter((m) => !ids.includes(m.task));
    expect(orphans.map((m) => m.id)).toEqual([]);
  });

  it('cites only known ids, and cites every metric unless listed as uncited', () => {
    const known = citationTable(plan);
    const cited = citedIds(plan);
    expect([...cited].filter((id) => !known.has(id))).toEqual([]);
    const neverCited = (plan.metrics ?? []).map((m) => m.id).filter((id) => !cited.has(id));
    expect(neverCited).toEqual(example.uncited);
  });

  it('keeps each target number in one place: the metric, never typed in the prose', () => {
    const prose = allProse(plan).join('\n');
    const typed = metricsWithNumbers(plan)
      .map((m) => targetPhrase(m.target, m.unit))
      .filter((phrase) => prose.includes(phrase));
    expect(typed).toEqual([]);
  });

  it('gives a unit to every metric whose target has a number', () => {
    expect(metricsWithNumbers(plan).filter((m) => !m.unit).map((m) => m.id)).toEqual([]);
  });
});

describe('changshou-2026 specifics', () => {
  const example = EXAMPLES[0]!;
  const { plan } = load(example);

  it('keeps the 政务公开 metadata of the web page as publication data', () => {
    const block = publicationBlock(reference(example));
    expect(plan.publication).toMatchObject({
      indexNo: block.get('索引号'),
      publisher: block.get('发布机构'),
      published: block.get('公开日期'),
      openness: block.get('公开方式'),
      scope: block.get('公开范围'),
    });
    expect(block.get('生成日期')).toContain(plan.publication?.generated);
    expect(plan.date).toBe(block.get('公开日期'));
  });

  it('restarts level-3 numbers in each section and runs headings in with "："', () => {
    const lines = plainLines(plan);
    expect(lines).toContain('1.优化动态监测机制：整合农户自主申报、干部排查、部门大数据筛查预警“三种渠道”，运用防止返贫监测APP和政府救助平台，常态化开展收入骤降、刚性支出骤增等风险排查，每月开展1次数据比对和会商研判，做到风险隐患早发现、早处置。');
    expect(lines.filter((l) => l.startsWith('1.'))).toHaveLength(7);
  });

  it('prints the 五项保障 task as a heading followed by its five list items', () => {
    const lines = plainLines(plan);
    const at = lines.indexOf('3.巩固“五项保障”成果：');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6).map((l) => l.slice(0, 4))).toEqual(['教育帮扶', '健康帮扶', '住房安全', '饮水安全', '兜底保障']);
  });

  it('states the quantified targets of the issue through metrics', () => {
    const phrases = (plan.metrics ?? []).map((m) => targetPhrase(m.target, m.unit));
    for (const p of ['90%以上', '300人次以上', '2—3场', '不低于65%', '10万元以上', '2～3个', '3—5名', '至少1人', '100%', '不低于上年度规模']) {
      expect(phrases).toContain(p);
    }
  });
});

describe('songtao-2022 specifics', () => {
  const example = EXAMPLES[1]!;
  const { plan } = load(example);

  it('cites its higher document in the opening as 《标题》（文号）', () => {
    expect(plainLines(plan)[1]).toBe(
      '为进一步巩固拓展脱贫攻坚成果，推进乡村全面振兴，根据《中共资阳市委农村工作领导小组办公室关于做好2022年巩固脱贫攻坚成果同乡村振兴有效衔接工作的实施意见》（资农领办〔2022〕11号）精神，特制定本方案。',
    );
  });

  it('continues level-3 numbers across sections, so the original 13. becomes 11.', () => {
    const numbered = plainLines(plan)
      .map((l) => /^(\d+)\./.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
    expect(numbered).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('states both growth targets once, cited from 目标任务 and from the tasks', () => {
    const lines = plainLines(plan);
    expect(lines.find((l) => l.startsWith('按照省、市下达目标要求'))).toContain('户均同比增长10%以上');
    expect(lines.find((l) => l.startsWith('按照省、市下达目标要求'))).toContain('集体经济收入同比增长10%，');
    expect(lines.find((l) => l.startsWith('3.'))).toContain('确保今年家庭经营性收入户均同比增长10%以上。');
    expect(lines.find((l) => l.startsWith('5.'))).toContain('村级集体经济收入较2021年增长10%。');
  });

  it('runs 保障措施 headings in at level 2 with "。"', () => {
    expect(plainLines(plan)).toContain('（二）落实政策措施。加大教育、医疗、住房、就业、金融、产业等扶持政策宣传、执行力度，提升群众知晓率、获得感。');
  });
});

describe('plandoc check on the example plans', () => {
  it('reports no problem and exits 0', () => {
    const result = runCli(['check', ...EXAMPLES.map((e) => e.plan)]);
    expect(result.stderr).not.toMatch(/错误|警告/);
    expect(result.code).toBe(0);
    for (const e of EXAMPLES) expect(result.stdout).toContain(`${e.plan}：没有问题`);
  });

  it('passes plandoc lint (punctuation, numbers, document numbers) with exit 0', () => {
    const result = runCli(['lint', ...EXAMPLES.map((e) => e.plan)]);
    expect(result.stdout + result.stderr).not.toMatch(/错误|警告/);
    expect(result.code).toBe(0);
  });
});
