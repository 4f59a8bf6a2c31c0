// fast-check arbitraries for plans, following src/model/plan.ts. Text mixes
// Chinese, Markdown and XML metacharacters, citations and hostile characters.
import fc from 'fast-check';
import type { Block, Metric, Plan, Section, Target, Text } from '../../src/model/plan.js';

const ids = ['a', 'b', 'goal', 'task-1', 'task-2', 'rate', 'count'];

const textPiece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('长寿镇', '推进', '乡村振兴', '工作', '。', '，', '；', '：', '（一）', '1.', '2026年', '100%', '“引号”', '《文件》') },
  { weight: 3, arbitrary: fc.constantFrom('*', '**', '_', '#', '# ', '> ', '- ', '1. ', '|', '`', '<b>', '&amp;', '&', '<', '>', '\\', '[x](y)', '![i](j)', '---', '\n', '\n\n', '  ', '<!-- c -->') },
  { weight: 2, arbitrary: fc.constantFrom(...ids.map((id) => `[[${id}]]`), '\\[[', ']]') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u000B', '\uD800', '\uDFFF', '\uFFFE', '\u200B', '\u3000', '\t', '\r') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
export const hostileString = fc.array(textPiece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

const block: fc.Arbitrary<Block> = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.record({ list: fc.array(hostileString, { minLength: 1, maxLength: 3 }) }) });
const text: fc.Arbitrary<Text> = fc.oneof(hostileString, fc.array(block, { minLength: 1, maxLength: 3 }));
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const sectionTree: fc.Arbitrary<Section> = fc.letrec<{ section: Section }>((tie) => ({
  section: fc.record(
    {
      id: fc.constantFrom(...ids),
      title: hostileString,
      text,
      runIn: fc.constantFrom(true, false, '。', '：'),
      children: fc.array(tie('section'), { maxLength: 3, depthIdentifier: 'sections' }),
      closing: text,
      lead: hostileString,
      units: fc.array(hostileString, { maxLength: 2 }),
      deadline: fc.oneof(isoDate, hostileString),
      milestones: fc.array(fc.record({ date: isoDate, text: hostileString }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Section>,
})).section;

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant('atLeast' as const), value: fc.integer({ min: 0, max: 1e6 }), wording: fc.constantFrom('以上' as const, '不低于' as const, '至少' as const, '达到' as const) }),
  fc.record({ kind: fc.constant('atMost' as const), value: fc.double({ min: 0, max: 100, noNaN: true }), wording: fc.constantFrom('以下' as const, '不超过' as const, '以内' as const) }),
  fc.record({ kind: fc.constant('range' as const), min: fc.integer({ min: 0, max: 50 }), max: fc.integer({ min: 51, max: 100 }) }),
  fc.record({ kind: fc.constant('exact' as const), value: fc.integer({ min: -5, max: 1e9 }) }),
  fc.record({ kind: fc.constant('growth' as const), rate: fc.double({ min: -50, max: 500, noNaN: true }), orMore: fc.boolean() }),
  fc.record({ kind: fc.constant('vsLastYear' as const), relation: fc.constantFrom('notBelow' as const, 'above' as const) }),
  fc.record({ kind: fc.constant('achieve' as const), statement: hostileString }),
);

const metricFor = (id: string): fc.Arbitrary<Metric> => fc.record(
  {
    id: fc.constant(id),
    name: hostileString,
    unit: fc.constantFrom('人次', '万元', '%', '个', ''),
    target,
    task: fc.constantFrom(...ids),
    cumulative: fc.boolean(),
  },
  { requiredKeys: ['id', 'name', 'target', 'task'] },
);

export const planArbitrary: fc.Arbitrary<Plan> = fc.record(
  {
    title: hostileString,
    year: fc.integer({ min: 1990, max: 2100 }),
    kind: fc.constantFrom('工作计划' as const, '工作方案' as const, '实施方案' as const, '工作要点' as const),
    issuer: hostileString,
    date: isoDate,
    docNumber: hostileString,
    recipients: fc.array(hostileString, { maxLength: 3 }),
    attachments: fc.array(fc.record({ title: hostileString, text }, { requiredKeys: ['title'] }), { maxLength: 2 }),
    note: hostileString,
    copyTo: fc.array(hostileString, { maxLength: 2 }),
    printedBy: hostileString,
    printedDate: isoDate,
    header: fc.record({ organ: hostileString }),
    sealed: fc.boolean(),
    basis: fc.array(fc.record({ id: fc.constantFrom(...ids), title: hostileString, number: hostileString }, { requiredKeys: ['title'] }), { maxLength: 2 }),
    opening: text,
    sections: fc.array(sectionTree, { minLength: 1, maxLength: 4 }),
    // one metric per id, so every citation the text makes resolves
    metrics: fc.tuple(...ids.map(metricFor)),
    numbering: fc.record({ level3: fc.constantFrom('restart' as const, 'continue' as const), runInMark: fc.constantFrom('。' as const, '：' as const) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['title', 'year', 'sections'] },
);

/** Random Markdown: headings, lists, tables, front matter fragments and hostile text. */
export const markdownArbitrary = fc
  .array(
    fc.oneof(
      hostileString,
      fc.constantFrom('\n\n', '\n', '# ', '## ', '### ', '- ', '1. ', '> ', '| a | b |\n|---|---|\n| 1 | 2 |\n', '```\ncode\n```\n', '---\ntitle: 标题\n---\n', '---\n', '**粗**', '*斜*', '[^1]', '[^1]: 注\n', '<div>', '</div>', '\\', '![](x.png)'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
