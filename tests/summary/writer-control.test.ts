// The writer keeps control: every automatic paragraph can be switched off or
// replaced from the progress file (`auto`), per part and per plan section; and
// the title follows the plan's own wording.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../src/model/plan.js';
import type { Progress } from '../../src/model/progress.js';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { deriveTitle } from '../../src/summary/title.js';
import { ROOT, runCli } from '../helpers/cli.js';

let h1: Progress;
let plan: Plan;

beforeAll(async () => {
  const loaded = await loadProgressFile(join(ROOT, 'plans/changshou-2026-h1.yaml'));
  h1 = loaded.value!;
  plan = loaded.plan!;
});

function compose(progress: Progress): string {
  const { markdown, diagnostics } = composeSummaryMarkdown(progress, plan);
  expect(diagnostics).toEqual([]);
  return markdown;
}

function part(markdown: string, title: string): string {
  const start = markdown.indexOf(`、${title}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? markdown.indexOf('\n***') : end);
}

describe('auto: switching generated paragraphs off or replacing them', () => {
  it('switches off one section of 主要工作及成效, keeping the writer’s own text there', () => {
    const markdown = compose({ ...h1, auto: { achievements: { 'featured-industries': false } } });
    const achievements = part(markdown, '主要工作及成效');
    expect(achievements).toContain('**（三）壮大特色产业，增强乡村发展动能**。聚焦长寿农产品、生态养殖、乡村旅游等优势产业，财政衔接资金投入产业发展比例达到66.8%。已有4家合作社入驻“832平台”。\n');
    expect(achievements).not.toContain('培育新型经营主体6家');
    // the other sections still get their figures
    expect(achievements).toContain('转移就业培训完成年度目标的60%');
  });

  it('replaces one section’s figures with the writer’s text, citations resolved', () => {
    const markdown = compose({ ...h1, auto: { achievements: { employment: '全镇转移就业培训完成[[transfer-training.rate]]。' } } });
    expect(part(markdown, '主要工作及成效')).toContain('完成转移就业培训180人次。全镇转移就业培训完成60.0%。');
    expect(part(markdown, '主要工作及成效')).not.toContain('同比增长20%');
  });

  it('switches a whole part off: no computed problems, no computed next steps, no opening figures, no table', () => {
    const markdown = compose({ ...h1, auto: { problems: false, nextSteps: false, opening: false, table: false } });
    const problems = part(markdown, '存在的问题');
    expect(problems).toContain('二是产业发展平台建设进度不一');
    expect(problems).not.toContain('三是');
    expect(part(markdown, '下半年工作计划')).not.toContain('（三）');
    expect(markdown).not.toContain('对照年初确定的');
    expect(markdown).toContain('紧扣持续增收核心主题，各项工作总体进展顺利，上半年完成转移就业培训180人次，培育新型经营主体6家。\n\n现将有关情况总结如下：');
    expect(markdown).not.toContain('主要指标完成情况表');
  });

  it('replaces a whole part with the writer’s text', () => {
    const markdown = compose({ ...h1, auto: { problems: ['三是专场招聘会尚未举办。'], opening: '上半年各项指标总体符合序时进度。' } });
    expect(part(markdown, '存在的问题')).toMatch(/二是产业发展平台建设进度不一[^\n]*\n\n三是专场招聘会尚未举办。\n*$/);
    expect(markdown).toContain('上半年各项指标总体符合序时进度。\n\n现将有关情况总结如下：');
  });

  it('switches off the computed next steps of one section only', () => {
    const plans = part(compose({ ...h1, auto: { nextSteps: { 'featured-industries': false } } }), '下半年工作计划');
    expect(plans).not.toContain('下半年再培育新型经营主体');
    expect(plans).toContain('进一步扩大就业规模');
  });

  it('check points at an auto key that is not a level-2 section of the plan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plandoc-auto-'));
    await copyFile(join(ROOT, 'plans/changshou-2026.yaml'), join(dir, 'changshou-2026.yaml'));
    const text = `${await readFile(join(ROOT, 'plans/changshou-2026-h1.yaml'), 'utf8')}\nauto:\n  achievements:\n    employmnet: false\n    employment-scale: false\n`;
    const path = join(dir, 'h1.yaml');
    await writeFile(path, text);
    const lines = text.split('\n');
    const result = runCli(['check', path]);
    expect(result.code).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).toContain(`${path}:${lines.indexOf('    employmnet: false') + 1}:17: 错误 [unknown-section] 所属计划中没有 id 为 “employmnet” 的章节`);
    expect(out).toContain(`${path}:${lines.indexOf('    employment-scale: false') + 1}:23: 错误 [auto-section-level] “employment-scale”是第三级以下的章节，总结按第二级章节分段`);
    expect(out).toContain('改写成它所属的第二级章节 “employment”。');
  });
});

describe('titles follow the plan’s own wording', () => {
  const half = { period: { kind: 'half', year: 2027, half: 1 } } as Progress;
  const year = { period: { kind: 'year', year: 2027 } } as Progress;
  it.each([
    ['青山镇2027年乡村振兴重点工作计划', '青山镇', half, '青山镇2027年上半年乡村振兴重点工作总结及下半年工作计划'],
    ['青山镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2027年初工作计划', '青山镇', half, '青山镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2027年上半年工作总结及下半年工作计划'],
    ['2027年青山镇政府主要工作安排', '青山镇', half, '2027年上半年青山镇政府主要工作总结及下半年工作安排'],
    ['青山镇2027年度工作要点', '青山镇', half, '青山镇2027年上半年工作总结及下半年工作计划'],
    ['青山镇乡村振兴工作方案', '青山镇', half, '青山镇2027年上半年乡村振兴工作总结及下半年工作计划'],
    ['青山镇2027年乡村振兴重点工作计划', '青山镇', year, '青山镇2027年乡村振兴重点工作总结及2028年工作打算'],
  ])('%s → %s', (planTitle, issuer, progress, expected) => {
    expect(deriveTitle(progress, planTitle, issuer)).toBe(expected);
  });

  it('a title in the progress file always wins', () => {
    expect(deriveTitle({ ...half, title: '青山镇上半年工作情况' }, '青山镇2027年乡村振兴重点工作计划', '青山镇')).toBe('青山镇上半年工作情况');
  });
});
