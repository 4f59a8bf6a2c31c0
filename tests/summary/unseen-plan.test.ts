// A plan this project had never seen: the 青山镇 plan and half-year progress
// of the report that opened issue #11. Each machine-made pattern the report
// quoted is gone, and what a careful writer would say is there instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { ROOT } from '../helpers/cli.js';

let markdown: string;

beforeAll(async () => {
  const loaded = await loadProgressFile(join(ROOT, 'tests/fixtures/summary/qingshan-2027-h1.yaml'));
  expect(loaded.diagnostics).toEqual([]);
  const composed = composeSummaryMarkdown(loaded.value!, loaded.plan);
  expect(composed.diagnostics).toEqual([]);
  markdown = composed.markdown;
});

function part(title: string): string {
  const start = markdown.indexOf(`、${title}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? markdown.indexOf('\n***') : end);
}

function section(partTitle: string, heading: string): string {
  const text = part(partTitle);
  const start = text.indexOf(`**（`, text.indexOf(heading) - 6);
  const end = text.indexOf('\n\n**（', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('青山镇 2027 上半年: the patterns the issue quoted', () => {
  it('titles the summary as the office would', () => {
    expect(markdown).toContain('# 青山镇2027年上半年乡村振兴重点工作总结及下半年工作计划\n');
  });

  it('says the tea-garden figure once, with its share and 同比 added to the writer’s sentence', () => {
    const tea = section('主要工作及成效', '做强茶叶产业');
    expect(tea.match(/1250亩/g)).toHaveLength(1);
    expect(tea).toContain('新建和改造高标准茶园完成年度目标的62.5%，同比增长25%。');
  });

  it('never doubles 增长, and compares the income growth with its growth target', () => {
    expect(markdown).not.toMatch(/增长增长/);
    expect(part('存在的问题')).toContain('农村居民人均可支配收入增长6.2%，低于年度目标1.3个百分点');
    expect(part('下半年工作计划')).toContain('力争农村居民人均可支配收入增长7.5%以上');
    // a growth target has no 完成率
    expect(markdown).toMatch(/\| 农村居民人均可支配收入增长 \| % \| 增长7\.5%以上 \| 6\.2 \| — \| 滞后 \|/);
  });

  it('does not open 成效 with a shortfall, and holds the ceiling as 控制在目标内 at mid-year', () => {
    expect(part('主要工作及成效')).not.toMatch(/未达到|尚未实现|滞后|6\.2%/);
    expect(section('主要工作及成效', '主要目标')).toContain('安全生产事故起数为0起，控制在2起以内。');
    expect(markdown).toMatch(/\| 安全生产事故起数 \| 起 \| 2起以内 \| 0 \| 100\.0% \| 控制在目标内 \|/);
    expect(markdown).toContain('1项控制在目标以内');
  });

  it('says met targets once, without echoing each target', () => {
    expect(markdown).not.toMatch(/（目标[^）]*），达到目标要求/);
    expect(section('主要工作及成效', '守牢安全底线')).toContain('每月开展安全隐患排查1次，城乡居民医保参保率保持100%，均达到年度目标要求。');
  });

  it('continues the writer’s problems without repeating them, and plans actions with computed quantities', () => {
    const problems = part('存在的问题');
    expect(problems).toMatch(/^、存在的问题\n\n一是农村居民收入增长放缓，增收渠道仍然偏窄。\n\n二是茶叶品牌影响力不强，精深加工能力不足。\n\n三是/);
    expect(problems).toContain('市级以上农业产业化龙头企业尚无新增，距至少1家的年度目标差距较大');
    const plans = part('下半年工作计划');
    // the remaining tea work joins the writer's own section on it instead of a second tea section
    expect(plans).toContain('**（一）做强茶叶产业**。抓好夏秋茶生产和茶园管护，加快茶叶精深加工项目建设。\n\n一是进一步提升茶叶产业，下半年再新建和改造高标准茶园750亩以上；二是加快培育龙头企业，下半年新增市级以上农业产业化龙头企业1家以上；三是下半年再举办茶叶推介会1场以上。');
    expect(plans).not.toContain('做强茶叶产业，促进农民增收');
    expect(plans).not.toMatch(/(推动|确保)市级以上农业产业化龙头企业至少1家/);
    expect(plans).not.toMatch(/持续推进提升|(八|九|十)是/);
  });
});
