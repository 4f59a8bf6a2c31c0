// Phrase quality of generated summaries, as a property: random plans and
// progress files (every target kind; met, unmet and missing values; writer
// text present or not; long and short sections) render to Markdown that reads
// as a careful writer's text by the invariants of issue #11.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metric, Plan, Section, Target } from '../../src/model/plan.js';
import type { MetricValue, NarrativeSection, Progress, TaskProgress } from '../../src/model/progress.js';
import { composeSummaryMarkdown } from '../../src/summary/index.js';

// ---- vocabulary: distinct names, so "named twice" means what it says ----------------

interface MetricWord {
  name: string;
  unit: string;
  kinds: Array<Target['kind']>;
}

const METRIC_WORDS: MetricWord[] = [
  { name: '转移就业培训', unit: '人次', kinds: ['atLeast', 'range', 'exact'] },
  { name: '农产品展销活动', unit: '次', kinds: ['atLeast', 'range'] },
  { name: '专场招聘会', unit: '场', kinds: ['atLeast', 'range'] },
  { name: '安全隐患排查', unit: '次', kinds: ['atLeast', 'exact'] },
  { name: '培育新型经营主体', unit: '家', kinds: ['atLeast', 'range'] },
  { name: '新建高标准茶园', unit: '亩', kinds: ['atLeast', 'exact'] },
  { name: '改造农村户厕', unit: '户', kinds: ['atLeast', 'range', 'exact'] },
  { name: '城乡居民医保参保率', unit: '%', kinds: ['exact', 'atLeast'] },
  { name: '村级集体经济经营性收入', unit: '万元', kinds: ['atLeast', 'growth'] },
  { name: '公益性岗位数量', unit: '个', kinds: ['vsLastYear', 'atLeast'] },
  { name: '农村居民人均可支配收入增长', unit: '%', kinds: ['growth'] },
  { name: '安全生产事故起数', unit: '起', kinds: ['atMost'] },
  { name: '森林火灾发生率', unit: '%', kinds: ['atMost'] },
  { name: '群众满意度', unit: '%', kinds: ['atLeast'] },
  { name: '生活垃圾无害化处理', unit: '', kinds: ['achieve'] },
  { name: '快递进村', unit: '', kinds: ['achieve'] },
];

const STATEMENTS: Record<string, string> = {
  生活垃圾无害化处理: '生活垃圾无害化处理全覆盖',
  快递进村: '“快递进村”全覆盖',
};

const GROUP_TITLES = ['壮大特色产业，增强发展动能', '推进就业帮扶，拓宽增收渠道', '深化乡村建设，改善人居环境', '加强基层治理，维护社会稳定', '工作目标'];
const TASK_TITLES = ['优化监测机制', '扩大就业规模', '提升人居环境', '规范项目管理', '严格资金监管', '健全帮扶政策', '社会治安防控', '村容村貌整治', '推动产销对接'];
const WRITER_SENTENCES = ['坚持问题导向，压实工作责任', '聚焦重点难点，狠抓工作落实', '强化部门协作，形成工作合力', '完善长效机制，巩固工作成效'];

// ---- generators -------------------------------------------------------------------

interface Drawn {
  plan: Plan;
  progress: Progress;
}

const targetFor = (kind: Target['kind'], name: string): fc.Arbitrary<Target> => {
  switch (kind) {
    case 'atLeast':
      return fc.record({ kind: fc.constant('atLeast' as const), value: fc.integer({ min: 1, max: 400 }) });
    case 'atMost':
      return fc.record({ kind: fc.constant('atMost' as const), value: fc.integer({ min: 0, max: 5 }), wording: fc.constantFrom('以内' as const, '以下' as const, '不超过' as const) });
    case 'range':
      return fc.integer({ min: 1, max: 50 }).chain((min) => fc.record({ kind: fc.constant('range' as const), min: fc.constant(min), max: fc.integer({ min: min + 1, max: min + 20 }) }));
    case 'exact':
      return fc.record({ kind: fc.constant('exact' as const), value: fc.integer({ min: 1, max: 100 }) });
    case 'growth':
      return fc.record({ kind: fc.constant('growth' as const), rate: fc.integer({ min: 3, max: 12 }) });
    case 'vsLastYear':
      return fc.record({ kind: fc.constant('vsLastYear' as const), relation: fc.constantFrom('notBelow' as const, 'above' as const) });
    case 'achieve':
      return fc.constant({ kind: 'achieve' as const, statement: STATEMENTS[name]! });
  }
};

/** A value that meets the target, falls short of it, or is missing. */
const valueFor = (metric: Metric, date: string): fc.Arbitrary<MetricValue | undefined> => {
  const t = metric.target;
  const numbers = (): fc.Arbitrary<number> => {
    switch (t.kind) {
      case 'atLeast':
      case 'exact':
        return fc.oneof(fc.constant(t.value), fc.integer({ min: 0, max: t.value * 2 }));
      case 'atMost':
        return fc.integer({ min: 0, max: t.value + 3 });
      case 'range':
        return fc.integer({ min: 0, max: t.max + 3 });
      case 'growth':
        return metric.unit === '%' ? fc.double({ min: -2, max: 15, noNaN: true }).map((v) => Math.round(v * 10) / 10) : fc.integer({ min: 50, max: 200 });
      default:
        return fc.integer({ min: 50, max: 200 });
    }
  };
  const value: fc.Arbitrary<number | boolean> = t.kind === 'achieve' ? fc.boolean() : numbers();
  const lastYear = t.kind === 'vsLastYear' || (t.kind === 'growth' && metric.unit !== '%') ? fc.integer({ min: 50, max: 200 }).map((n) => ({ lastYear: n })) : fc.constantFrom({}, { lastYear: 80 });
  return fc.option(fc.tuple(value, lastYear).map(([v, extra]) => ({ metric: metric.id, value: v, date, ...(typeof v === 'number' ? extra : {}) })), { nil: undefined, freq: 4 });
};

const drawn: fc.Arbitrary<Drawn> = fc
  .record({
    year: fc.integer({ min: 2024, max: 2030 }),
    groups: fc.integer({ min: 1, max: GROUP_TITLES.length }),
    tasksPerGroup: fc.integer({ min: 1, max: 2 }),
    metricPicks: fc.subarray(METRIC_WORDS.map((_, i) => i), { minLength: 0, maxLength: METRIC_WORDS.length }),
    final: fc.boolean(),
  })
  .chain(({ year, groups, tasksPerGroup, metricPicks, final }) => {
    const taskIds: string[] = [];
    const sections: Section[] = [{
      title: '重点工作任务',
      children: GROUP_TITLES.slice(0, groups).map((title, g) => ({
        id: `g${g}`,
        title,
        children: Array.from({ length: tasksPerGroup }, (_, i) => {
          const id = `t${g}-${i}`;
          taskIds.push(id);
          return { id, title: TASK_TITLES[(g * tasksPerGroup + i) % TASK_TITLES.length]!, runIn: true, text: '按计划推进。' };
        }),
      })),
    }];
    const date = final ? `${year}-12-31` : `${year}-06-30`;
    return fc
      .tuple(...metricPicks.map((i) => fc.tuple(fc.constantFrom(...METRIC_WORDS[i]!.kinds).chain((k) => targetFor(k, METRIC_WORDS[i]!.name)), fc.constantFrom(...taskIds), fc.boolean())))
      .chain((defs) => {
        const metrics: Metric[] = defs.map(([target, task, cumulative], j) => {
          const word = METRIC_WORDS[metricPicks[j]!]!;
          const counts = ['atLeast', 'range', 'exact'].includes(target.kind) && word.unit !== '%';
          return { id: `m${j}`, name: word.name, unit: word.unit || undefined, target, task, cumulative: counts && cumulative } as Metric;
        });
        const plan: Plan = { title: `青山镇${year}年乡村振兴重点工作计划`, year, issuer: '青山镇', date: `${year}-01-10`, sections, metrics } as Plan;
        return fc.record({
          values: fc.tuple(...metrics.map((m) => valueFor(m, date))),
          tasks: fc.tuple(...taskIds.map((task) => fc.option(fc.record({
            task: fc.constant(task),
            status: fc.constantFrom('完成', '正常推进', '滞后', '未启动', '暂停') as fc.Arbitrary<TaskProgress['status']>,
            progress: fc.option(fc.constantFrom(...WRITER_SENTENCES), { nil: undefined }),
          }, { requiredKeys: ['task', 'status'] }), { nil: undefined }))),
          highlights: fc.subarray(GROUP_TITLES.slice(0, groups).map((_, g) => g)).chain((gs) => fc.tuple(...gs.map((g) => highlightFor(g, metrics)))),
          problems: fc.option(writerProblems(metrics), { nil: undefined }),
          nextSteps: fc.option(fc.constantFrom<NarrativeSection[]>([{ title: '持续巩固工作成效', runIn: true, text: '完善长效机制，巩固工作成效。' }]), { nil: undefined }),
        }).map(({ values, tasks, highlights, problems, nextSteps }) => ({
          plan,
          progress: {
            plan: 'plan.yaml',
            period: final ? { kind: 'year', year } : { kind: 'half', year, half: 1 },
            issuer: '青山镇',
            values: values.filter((v): v is MetricValue => v !== undefined),
            tasks: tasks.filter((t): t is TaskProgress => t !== undefined),
            highlights,
            problems,
            nextSteps,
          } as Progress,
        }));
      });
  });

/** The writer's highlight for a group: a sentence, sometimes citing one of its metrics' value. */
function highlightFor(group: number, metrics: readonly Metric[]): fc.Arbitrary<NarrativeSection> {
  const own = metrics.filter((m) => m.task.startsWith(`t${group}-`) && m.target.kind !== 'achieve');
  const cite = own.length ? fc.option(fc.constantFrom(...own), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(fc.constantFrom(...WRITER_SENTENCES), cite).map(([sentence, metric]) => ({
    section: `g${group}`,
    text: metric ? `${sentence}，${metric.name}完成[[${metric.id}.value]]。` : `${sentence}。`,
  }));
}

/** The writer's 一是/二是 problems, each naming at most one metric. */
function writerProblems(metrics: readonly Metric[]): fc.Arbitrary<string[]> {
  const named = metrics.length ? fc.subarray([...metrics], { maxLength: Math.min(2, metrics.length) }) : fc.constant([]);
  return named.map((ms) => {
    const lines = ms.map((m) => `${m.name}推进不够平衡，与群众期盼仍有差距`);
    const all = lines.length ? lines : ['部分干部落实政策不够扎实'];
    return all.map((line, i) => `${'一二三'[i]}是${line}。`);
  });
}

// ---- reading the rendered Markdown ----------------------------------------------------

function body(markdown: string): string {
  const end = markdown.indexOf('\n***\n');
  return markdown.slice(markdown.indexOf('\n---\n') + 5, end < 0 ? undefined : end);
}

function parts(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const chunk of body(markdown).split(/\n(?=## )/).slice(1)) {
    const title = /^## [一二三四五六]、(.+)/.exec(chunk)![1]!;
    result.set(title, chunk.slice(chunk.indexOf('\n') + 1));
  }
  return result;
}

/** The run-in subsections of a part ("**（一）标题**。正文"), or the part itself. */
function subsections(part: string): string[] {
  const pieces = part.split(/\n(?=\*\*（)/).filter((p) => p.trim());
  return pieces.length ? pieces : [part];
}

function withoutHeadings(paragraph: string): string {
  return paragraph.replace(/^\*\*（[^）]+）[^*]*\*\*。/, '');
}

const FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?:人次|万元|%|个|次|户|家|场|亩|起|名|人)/g;
const VERBS = /(完成|对照|不超过|对接|开展|举办|达到|保持|实现|控制|推进|推动|加快|提高|确保|培育|建设|新建|改造|发生|增长|下降|低于|高于|超出|持平|落实|优化|扩大|提升|启动|恢复|抓紧|加大|补齐|规范|严格|健全|坚持|聚焦|强化|完善|巩固|覆盖|为|占|距|差|有|未|偏慢|滞后|暂停)/;

function tableStatuses(markdown: string): Map<string, string> {
  const rows = markdown.split('\n').filter((l) => /^\| \d+ \|/.test(l));
  return new Map(rows.map((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    return [cells[1]!, cells[6]!];
  }));
}

// ---- the invariants -----------------------------------------------------------------

function checkInvariants({ plan, progress }: Drawn): void {
  const { markdown, diagnostics } = composeSummaryMarkdown(progress, plan);
  expect(diagnostics).toEqual([]);
  const text = body(markdown);
  const byPart = parts(markdown);

  // no 2–4 character word doubled
  expect(text).not.toMatch(/([\u4e00-\u9fff]{2,4})\1/);
  // no enumeration past 七是
  expect(text).not.toMatch(/(八|九|十)是/);

  const achievements = byPart.get('主要工作及成效') ?? '';
  // no shortfall among the achievements
  expect(achievements).not.toMatch(/未达到|尚未实现|滞后/);
  // no figure twice in a subsection
  for (const section of subsections(achievements)) {
    const figures = section.match(FIGURE) ?? [];
    expect(figures, section).toEqual([...new Set(figures)]);
  }

  // no metric named twice in 存在的问题
  const problems = byPart.get('存在的问题') ?? '';
  for (const metric of plan.metrics ?? []) {
    expect(problems.split(metric.name).length - 1, `${metric.name} in ${problems}`).toBeLessThanOrEqual(1);
  }

  // no ceiling complete before the year is over
  const statuses = tableStatuses(markdown);
  if (progress.period.kind !== 'year') {
    for (const metric of plan.metrics ?? []) {
      if (metric.target.kind === 'atMost') expect(statuses.get(metric.name)).not.toMatch(/已完成|超额完成/);
    }
  }

  // every sentence ends with a full stop and has a verb; no bare noun after 推动/确保
  for (const [title, part] of byPart) {
    for (const paragraph of part.split('\n\n').map((p) => p.trim()).filter(Boolean)) {
      const prose = withoutHeadings(paragraph);
      expect(prose, `${title}: ${paragraph}`).toMatch(/[。：]$/);
      for (const sentence of prose.split(/[。：]/).filter(Boolean)) expect(sentence, `${title}: ${sentence}`).toMatch(VERBS);
      for (const [, clause] of prose.matchAll(/(?:推动|确保)([^，。；]*)/g)) expect(clause, paragraph).toMatch(VERBS);
    }
  }
}

describe('generated summaries read as a careful writer’s text', () => {
  it('hold every phrase-quality invariant on random plans and progress files', () => {
    fc.assert(fc.property(drawn, (sample) => checkInvariants(sample)), { numRuns: 300 });
  });
});
