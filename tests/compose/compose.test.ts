import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { samplePlan } from './fixtures.js';

function bodyOf(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');
}

describe('composePlanMarkdown', () => {
  it('writes the furniture as front matter and the title as the first # heading', () => {
    const { markdown, diagnostics } = composePlanMarkdown(samplePlan({ recipients: ['各村（社区）'], note: '此件公开发布', publication: { indexNo: '113/2026-2354051' } }));
    expect(diagnostics).toEqual([]);
    expect(markdown.startsWith('---\ntitle: 长寿镇2026年工作计划\nissuer: 长寿镇\ndate: 2026-01-14\nrecipients:\n  - 各村（社区）\nnote: 此件公开发布\npublication:\n  indexNo: 113/2026-2354051\n---\n\n# 长寿镇2026年工作计划\n\n')).toBe(true);
    expect(markdown).not.toMatch(/year:|metrics:|basis:/);
  });

  it('numbers headings from the structure and runs tasks in with the mark after the strong text', () => {
    const body = bodyOf(composePlanMarkdown(samplePlan()).markdown);
    expect(body).toContain('## 一、总体要求\n\n### （一）指导思想\n\n以习近平');
    expect(body).toContain('## 二、重点工作任务\n\n### （一）推进就业帮扶\n\n**1.扩大就业规模**：完成转移就业培训300人次以上，举办专场招聘会2—3场。');
  });

  it('prints task furniture after the task text, dates in Chinese', () => {
    const body = bodyOf(composePlanMarkdown(samplePlan()).markdown);
    expect(body).toContain('。\n\n（牵头单位：镇劳动保障所；责任单位：各村；完成时限：2026年6月30日）\n\n**2.');
  });

  it('prints milestones after the deadline in date order as written', () => {
    const plan = samplePlan();
    const task = plan.sections[1]!.children![0]!.children![0]!;
    task.milestones = [
      { date: '2026-03-31', text: '完成劳动力摸排' },
      { date: '2026-06-30', text: '完成培训300人次' },
    ];
    const body = bodyOf(composePlanMarkdown(plan).markdown);
    expect(body).toContain('完成时限：2026年6月30日；时间节点：2026年3月31日完成劳动力摸排，2026年6月30日完成培训300人次）');
  });

  it('puts a run-in heading without text of its own on its own paragraph before the list', () => {
    const body = bodyOf(composePlanMarkdown(samplePlan()).markdown);
    expect(body.endsWith('**2.巩固“五项保障”成果**：\n\n- 教育帮扶：确保不失学辍学。\n- 健康帮扶：参保率达100%。\n')).toBe(true);
  });

  it('expands basis citations as 《title》（number） and keeps \\[[ literal', () => {
    const plan = samplePlan({ opening: '根据[[doc-1]]精神，\\[[doc-1]] 不是引用。' });
    const body = bodyOf(composePlanMarkdown(plan).markdown);
    expect(body).toContain('根据《关于做好有效衔接工作的实施意见》（资农领办〔2022〕11号）精神，\\[\\[doc-1]] 不是引用。');
  });

  it('reports a citation of an unknown id as an error naming the field', () => {
    const plan = samplePlan({ opening: '完成[[no-such-metric]]。' });
    const { diagnostics } = composePlanMarkdown(plan, { file: 'plans/x.yaml' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'plans/x.yaml', severity: 'error', code: 'unknown-citation' });
    expect(diagnostics[0]!.message).toContain('opening');
    expect(diagnostics[0]!.message).toContain('[[no-such-metric]]');
  });

  it('uses the position the caller locates for a data path', () => {
    const plan = samplePlan({ opening: '完成[[nope]]。' });
    const { diagnostics } = composePlanMarkdown(plan, { file: 'p.yaml', locate: (path) => (path[0] === 'opening' ? { line: 7, column: 10 } : undefined) });
    expect(diagnostics[0]).toMatchObject({ line: 7, column: 10 });
  });

  it('continues level-3 numbers across level-2 sections when the plan asks for it', () => {
    const plan = samplePlan({
      numbering: { level3: 'continue', runInMark: '。' },
      sections: [{ title: '重点任务', children: [
        { title: '甲', children: [{ title: 'a', runIn: true, text: '正文a' }] },
        { title: '乙', children: [{ title: 'b', runIn: true, text: '正文b' }, { text: '只有正文' }] },
      ] }],
    });
    const body = bodyOf(composePlanMarkdown(plan).markdown);
    expect(body).toContain('**1.a**。正文a');
    expect(body).toContain('**2.b**。正文b');
    expect(body).toContain('\n\n3.只有正文\n');
  });

  it('prints closing text after the children', () => {
    const plan = samplePlan({ sections: [{ title: '保障措施', children: [{ title: '甲', text: '甲文' }], closing: '结束语。' }] });
    expect(bodyOf(composePlanMarkdown(plan).markdown)).toMatch(/### （一）甲\n\n甲文\n\n结束语。\n$/);
  });

  it('prints attachments with text as pages after a rule, labelled 附件N', () => {
    const plan = samplePlan({ attachments: [{ title: '指标表' }, { title: '任务清单', text: ['第一项。', { list: ['甲', '乙'] }] }] });
    const { markdown } = composePlanMarkdown(plan);
    expect(markdown).toContain('attachments:\n  - title: 指标表\n  - title: 任务清单\n');
    expect(markdown.endsWith('\n\n***\n\n附件2\n\n# 任务清单\n\n第一项。\n\n- 甲\n- 乙\n')).toBe(true);
  });

  it('is deterministic: the same plan gives the same Markdown', () => {
    expect(composePlanMarkdown(samplePlan()).markdown).toBe(composePlanMarkdown(samplePlan()).markdown);
  });
});

describe('user templates', () => {
  function templatesDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-templates-'));
    mkdirSync(join(dir, 'partials'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('lets a user partial replace the built-in one while the rest stays', () => {
    const dir = templatesDir({ 'partials/attachment.hbs': '{{rule}}\n\n{{label}}（自定义）\n\n{{title}}\n' });
    const plan = samplePlan({ attachments: [{ title: '表', text: '内容' }] });
    const { markdown, diagnostics } = composePlanMarkdown(plan, { templatesDir: dir });
    expect(diagnostics).toEqual([]);
    expect(markdown).toContain('## 一、总体要求');
    expect(markdown.endsWith('***\n\n附件（自定义）\n\n# 表\n')).toBe(true);
  });

  it('lets a user plan template replace the whole layout; data stays escaped', () => {
    const dir = templatesDir({ 'plan.md.hbs': '{{title}}\n\n{{#each sections}}{{heading}}\n\n{{/each}}' });
    const plan = samplePlan({ title: '# 不是标题 {{x}}', sections: [{ title: '*甲*' }] });
    const { markdown } = composePlanMarkdown(plan, { templatesDir: dir });
    expect(markdown).toBe('# # 不是标题 {{x}}\n\n## 一、\\*甲\\*\n');
  });

  it('reports a broken user template as a Chinese diagnostic with its file and line', () => {
    const dir = templatesDir({ 'plan.md.hbs': '{{title}}\n\n{{#each sections}}\n{{heading}}\n' });
    const { markdown, diagnostics } = composePlanMarkdown(samplePlan(), { templatesDir: dir });
    expect(markdown).toBe('');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: join(dir, 'plan.md.hbs'), severity: 'error', code: 'template-error' });
    expect(diagnostics[0]!.message).toMatch(/^模板有错误，无法使用：/);
  });
});
