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
    const title = '长寿镇2026年上半年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作总结及下半年工作计划';
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
    // the two exact levels held at mid-year (每月研判1次, 参保率100%) are on schedule, not complete
    expect(markdown).toContain('2026年上半年，对照年初确定的23项主要指标，已完成12项（其中超额完成4项），按序时推进6项，进度滞后4项，1项尚无统计数据。现将有关情况总结如下：');
  });

  it('writes one narrative paragraph per plan section: writer text, then each figure once', () => {
    const achievements = part(compose(h1), '主要工作及成效');
    // the writer already cites 180人次: the computed sentence adds only the share and 同比
    expect(achievements).toContain('**（四）推进就业帮扶，拓宽增收渠道**。“百日攻坚”行动完成劳动力就业意愿摸排，完成转移就业培训180人次。转移就业培训完成年度目标的60%，同比增长20%。');
    // met targets said once for the section, not echoed per metric
    expect(achievements).toContain('公益性岗位数量保持87个，与上年持平；“雨露计划”毕业生就业或升学比例达到91.7%，均达到年度目标要求。');
    expect(achievements).toContain('脱贫人口和监测对象城乡居民基本医疗保险参保率保持100%');
    // two works at the same share share one clause instead of repeating 50%
    expect(achievements).toContain('上半年建设标准化产业基地1个、举办农产品展销活动1次，均占年度目标的50%；培育新型经营主体6家，占年度目标的60%。');
    expect(achievements).not.toMatch(/（目标|达到目标要求；|未达到|尚未实现|滞后/);
    expect(achievements).not.toContain('专场招聘会'); // a shortfall belongs to 存在的问题
    const numbers = [...achievements.matchAll(/\*\*（([一二三四五六七八九十]+)）/g)].map((m) => m[1]);
    expect(numbers).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('lists the written problems, then continues their count with what they do not cover', () => {
    const problems = part(compose(h1), '存在的问题');
    expect(problems).toContain('一是部分村集体经济经营性收入来源单一');
    // the writer's first problem names the collective income: not listed again
    expect(problems).not.toContain('村级集体经济经营性收入（每村）');
    expect(problems).toContain('三是优化就业服务进展滞后，专场招聘会因对接企业用工计划调整尚未举办。');
    expect(problems).toContain('四是人均纯收入1万元以下且有劳动能力的脱贫户和监测户动态清零尚未实现，尚有3户待落实帮扶。');
    expect(problems).toContain('五是产业技能培训进度偏慢，仅完成1次，占年度目标的25%，低于序时进度24.6个百分点。');
    expect(problems.match(/专场招聘会/g)).toHaveLength(1);
    // on-schedule metrics are not problems
    expect(problems).not.toContain('转移就业培训');
  });

  it('plans the next half from the written next steps and the remaining work, grouped by section', () => {
    const plans = part(compose(h1), '下半年工作计划');
    expect(plans).toContain('**（一）持续巩固防返贫成果**。坚持每月开展数据比对和会商研判，对新识别的监测对象及时落实帮扶措施，确保风险动态清零。');
    expect(plans).toContain('下半年举办专场招聘会2—3场，确保全年完成转移就业培训300人次以上。');
    // quantities computed from data: 10 − 6 entities, 2 − 1 events, 4 − 1 trainings
    expect(plans).toContain('**（五）壮大特色产业，增强乡村发展动能**。一是进一步推动产销精准对接，下半年再举办农产品展销活动1次以上；二是下半年再培育新型经营主体4家以上；三是下半年再开展产业技能培训3次以上。');
    expect(plans).toContain('推动村级集体经济经营性收入（每村）由6.5万元提高到10万元以上');
    expect(plans).toContain('**（七）深化乡村建设，改善人居环境**。抓紧提升人居环境。');
    // the writer's next steps already cover the training and the job fairs
    expect(plans.match(/转移就业培训/g)).toHaveLength(1);
    expect(plans.match(/专场招聘会/g)).toHaveLength(1);
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
  it('has the year title and ends with 明年工作打算', () => {
    const markdown = compose(year);
    expect(headings(markdown)).toEqual([
      '# 长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作总结及2027年工作打算',
      '## 一、主要工作及成效',
      '## 二、存在的问题',
      '## 三、明年工作打算',
      '# 主要指标完成情况表',
    ]);
    expect(markdown).toContain('全年完成转移就业培训326人次，完成年度目标的108.7%');
    expect(part(markdown, '主要工作及成效')).toContain('全年举办专场招聘会2场，全面完成年度目标。');
    // the year is over: exact levels held all year are complete
    expect(markdown).toContain('已完成21项（其中超额完成8项），进度滞后2项。');
    // the shortfall is counted against the year, not against a time-sequence expectation
    expect(part(markdown, '明年工作打算')).toContain('加快培育致富带头人，加大产业技能培训工作力度，补齐今年1次的缺口');
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
    expect(frontMatter(markdown).title).toBe('长寿镇2026年第一季度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作情况报告');
    // 90 of 365 days: 24.7% expected, 20% done
    expect(markdown).toContain('转移就业培训进度偏慢，仅完成60人次，占年度目标的20%，低于序时进度4.7个百分点');
    // nothing achieved yet: the report has only 存在的问题 and 下步工作打算
    expect(headings(markdown).slice(1)).toEqual(['## 一、存在的问题', '## 二、下步工作打算', '# 主要指标完成情况表']);
    expect(part(markdown, '下步工作打算')).toContain('年内再完成转移就业培训240人次以上');
    // no data, no computed plan: metrics not yet reported are not turned into 确保… items
    expect(part(markdown, '下步工作打算')).not.toContain('确保');
    const month = compose({ ...quarter, period: { kind: 'month', year: 2026, month: 3 } });
    expect(frontMatter(month).title).toBe('长寿镇2026年3月巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作情况报告');
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
