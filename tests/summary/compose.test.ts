import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Plan } from '../../src/model/plan.js';
import type { Progress } from '../../src/model/progress.js';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';

let h1: Progress;
let year: Progress;
let plan: Plan;

beforeAll(async () => {
  const loadedH1 = await loadProgressFile(join(ROOT, 'plans/changshou-2026-h1.yaml'));
  const loadedYear = await loadProgressFile(join(ROOT, 'plans/changshou-2026-year.yaml'));
  h1 = loadedH1.value!;
  year = loadedYear.value!;
  plan = loadedH1.plan!;
});

function compose(progress: Progress): string {
  const { markdown, diagnostics } = composeSummaryMarkdown(progress, plan);
  expect(diagnostics).toEqual([]);
  return markdown;
}

function frontMatter(markdown: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as Record<string, unknown>;
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^#{1,2} /.test(line));
}

/** The paragraph under a level-1 heading, up to the next one. */
function part(markdown: string, title: string): string {
  const start = markdown.indexOf(`、${title}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? markdown.indexOf('\n***') : end);
}

describe('half-year summary (上半年工作总结及下半年工作计划)', () => {
  it('has the genre title, furniture and the three parts in order', () => {
    const markdown = compose(h1);
    const title = '长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2026年上半年工作总结及下半年工作计划';
    expect(frontMatter(markdown)).toMatchObject({ title, issuer: '长寿镇', date: '2026-07-10', attachments: [{ title: '主要指标完成情况表' }] });
    expect(headings(markdown)).toEqual([
      `# ${title}`,
      '## 一、主要工作及成效',
      '## 二、存在的问题',
      '## 三、下半年工作计划',
      '# 主要指标完成情况表',
    ]);
  });

  it('opens with the overall judgement, the key figures and 现将有关情况总结如下', () => {
    const markdown = compose(h1);
    expect(markdown).toContain('上半年完成转移就业培训180人次，培育新型经营主体6家。');
    expect(markdown).toContain('2026年上半年，对照年初确定的23项主要指标，14项已完成（其中超额完成4项），4项序时推进，4项滞后，1项未报送。现将有关情况总结如下：');
  });

  it('writes computed sentences per plan section, as run-in level-2 headings', () => {
    const achievements = part(compose(h1), '主要工作及成效');
    expect(achievements).toContain('**（四）推进就业帮扶，拓宽增收渠道**。完成转移就业培训180人次，完成年度目标的60.0%，同比增长20.0%；');
    expect(achievements).toContain('公益性岗位数量87个，同比持平，达到“不低于上年度规模”的目标');
    expect(achievements).toContain('**（二）筑牢防返贫底线，巩固拓展脱贫攻坚成果**。持续健全防止返贫动态监测帮扶机制');
    // sections in plan order, numbered without gaps
    const numbers = [...achievements.matchAll(/\*\*（([一二三四五六七八九十]+)）/g)].map((m) => m[1]);
    expect(numbers).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('lists the written problems and then every lagging metric and task', () => {
    const problems = part(compose(h1), '存在的问题');
    expect(problems).toContain('一是部分村集体经济经营性收入来源单一');
    expect(problems).toContain('产业技能培训完成1次，完成率25.0%，低于序时进度24.6个百分点');
    expect(problems).toContain('专场招聘会完成0场，完成率0.0%，低于序时进度49.6个百分点');
    expect(problems).toContain('村级集体经济经营性收入（每村）为6.5万元，未达到10万元以上的目标');
    expect(problems).toContain('优化就业服务进展滞后，专场招聘会因对接企业用工计划调整尚未举办');
    // on-schedule metrics are not problems
    expect(problems).not.toContain('转移就业培训');
  });

  it('plans the next half from the written next steps and what is unfinished', () => {
    const plans = part(compose(h1), '下半年工作计划');
    expect(plans).toContain('**（一）持续巩固防返贫成果**。坚持每月开展数据比对和会商研判，对新识别的监测对象及时落实帮扶措施，确保风险动态清零。');
    expect(plans).toContain('下半年举办专场招聘会2—3场，确保全年完成转移就业培训300人次以上。');
    expect(plans).toContain('转移就业培训尚需完成120人次');
    expect(plans).toContain('加快推进提升人居环境');
    // a finished task is not planned again
    expect(plans).not.toContain('健全资产管护');
  });

  it('attaches 主要指标完成情况表 as a GFM table on an attachment page', () => {
    const markdown = compose(h1);
    const attachment = markdown.slice(markdown.indexOf('\n***\n'));
    expect(attachment.split('\n').filter(Boolean).slice(0, 4)).toEqual(['***', '附件', '# 主要指标完成情况表', expect.stringMatching(/^\|\s*序号\s*\|\s*指标\s*\|\s*单位\s*\|\s*目标\s*\|\s*完成\s*\|\s*完成率\s*\|\s*状态\s*\|$/)]);
    const rows = attachment.split('\n').filter((line) => line.startsWith('|')).slice(2);
    expect(rows).toHaveLength(plan.metrics!.length);
    const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.trim());
    expect(rows.map(cells).find((c) => c[1] === '转移就业培训')).toEqual(['18', '转移就业培训', '人次', '300人次以上', '180', '60.0%', '序时推进']);
    expect(rows.map(cells).find((c) => c[1] === '新增卫生户厕改造任务')).toEqual(['23', '新增卫生户厕改造任务', '—', '新增卫生户厕改造任务按计划完成', '—', '—', '未报送']);
    expect(rows.map(cells).find((c) => c[1] === '建设标准化产业基地')?.slice(4)).toEqual(['1', '50.0%', '序时推进']);
  });

  it('is deterministic', () => {
    expect(compose(h1)).toBe(compose(structuredClone(h1)));
  });
});

describe('year-end summary (年度工作总结)', () => {
  it('has the year title and 下年度工作打算', () => {
    const markdown = compose(year);
    expect(headings(markdown)).toEqual([
      '# 长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2026年度工作总结',
      '## 一、主要工作及成效',
      '## 二、存在的问题',
      '## 三、下年度工作打算',
      '# 主要指标完成情况表',
    ]);
    expect(markdown).toContain('全年完成转移就业培训326人次，完成年度目标的108.7%');
    // at year end the time-sequence expectation is 100%
    expect(part(markdown, '存在的问题')).toContain('产业技能培训完成3次，完成率75.0%，低于序时进度25.0个百分点');
  });
});

describe('quarter and month reports', () => {
  it('writes a short report titled by the period, with 下步工作打算', () => {
    const quarter: Progress = {
      ...h1,
      period: { kind: 'quarter', year: 2026, quarter: 1 },
      values: [{ metric: 'transfer-training', value: 60, date: '2026-03-31' }],
      tasks: [],
      highlights: [],
      nextSteps: [],
      problems: undefined,
      opening: undefined,
    };
    const markdown = compose(quarter);
    expect(frontMatter(markdown).title).toBe('长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2026年第一季度工作情况报告');
    expect(markdown).toContain('完成转移就业培训60人次，完成年度目标的20.0%');
    // 90 of 365 days: 24.7% expected, 20.0% done
    expect(markdown).toContain('转移就业培训完成60人次，完成率20.0%，低于序时进度4.7个百分点');
    expect(headings(markdown)).toContain('## 三、下步工作打算');
    const month = compose({ ...quarter, period: { kind: 'month', year: 2026, month: 3 } });
    expect(frontMatter(month).title).toBe('长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2026年3月工作情况报告');
  });
});

describe('user text', () => {
  it('stays text: Markdown syntax typed in YAML never becomes structure', () => {
    const tricky: Progress = { ...h1, problems: ['1. 不是列表', '# 不是标题', '*不是强调* | 不是表格 <b>'] };
    const problems = part(compose(tricky), '存在的问题');
    expect(problems).not.toMatch(/^1\. /m);
    expect(problems).not.toMatch(/^# /m);
    expect(problems).toContain('1\\. 不是列表');
    expect(problems).toContain('\\# 不是标题');
  });

  it('prints an escaped \\[[ literally', () => {
    const literal: Progress = { ...h1, problems: ['写法\\[[示例]]保留'] };
    expect(part(compose(literal), '存在的问题')).toContain('写法\\[\\[示例]]保留');
  });
});
