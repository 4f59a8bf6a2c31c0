// A document that starts at （一） or 1., and a summary level that skips one
// (一、 → 1.), render with their own numbers and the heading style of those
// numbers (GB/T 9704 PL-06, FN-03/FN-04): nothing is renumbered to 一、.
import { describe, expect, it } from 'vitest';
import { numberSections } from '../../src/derive/numbering.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import type { Plan, Section } from '../../src/model/plan.js';
import { loadPlanSource } from '../../src/load/index.js';
import { stringify } from 'yaml';
import { findParagraph, openDocx, runProp, textRuns } from '../docx/xml.js';
import { markdownToDocx } from '../../src/docx/index.js';

const labels = (nodes: ReturnType<typeof numberSections>): string[] => nodes.flatMap((n) => [`${n.level}:${n.number}${n.section.title}`, ...labels(n.children)]);

describe('numbering.start and childNumbering', () => {
  const sections: Section[] = [
    { title: '总体要求', children: [{ title: '指导思想' }, { title: '工作目标' }] },
    { title: '重点任务', childNumbering: '（1）', children: [{ title: '抓产业' }] },
  ];

  it('numbers the top level with the start form and everything below one level deeper', () => {
    expect(labels(numberSections(sections, { start: '（一）' }))).toEqual(['2:（一）总体要求', '3:1.指导思想', '3:2.工作目标', '2:（二）重点任务', '4:（1）抓产业']);
    expect(labels(numberSections(sections, { start: '1.' }))).toEqual(['3:1.总体要求', '4:（1）指导思想', '4:（2）工作目标', '3:2.重点任务', '4:（1）抓产业']);
  });

  it('lets a section number its children at a deeper form, and ignores a form that is not deeper', () => {
    const summary: Section[] = [{ title: '上半年工作情况', childNumbering: '1.', children: [{ title: '全力稳定粮油生产' }, { title: '抓好项目建设' }] }, { title: '下半年工作计划', childNumbering: '一、', children: [{ title: '抓落实' }] }];
    expect(labels(numberSections(summary))).toEqual(['1:一、上半年工作情况', '3:1.全力稳定粮油生产', '3:2.抓好项目建设', '1:二、下半年工作计划', '2:（一）抓落实']);
  });

  it('is accepted by check and renders the document\'s own numbers in the style of their level (FN-04: （一） in 楷体)', async () => {
    const plan: Plan = { title: '长寿镇2026年工作要点', kind: '工作要点', year: 2026, numbering: { start: '（一）' }, sections: [{ id: 's1', title: '抓好党的建设', text: '深化理论学习。' }, { id: 's2', title: '推动产业发展', childNumbering: '（1）', children: [{ id: 's2-1', title: '发展特色种植', runIn: true, text: '新建基地一个。' }] }] };
    const yaml = stringify(plan);
    expect(loadPlanSource(yaml, 'p.yaml').diagnostics).toEqual([]);
    const { markdown } = composePlanMarkdown(plan);
    expect(markdown).toMatch(/^### （一）抓好党的建设$/m);
    expect(markdown).toMatch(/^### （二）推动产业发展$/m);
    expect(markdown.replace(/\*\*/g, '')).toContain('（1）发展特色种植。新建基地一个。');
    expect(markdown).not.toContain('一、');
    const docx = await openDocx(await markdownToDocx(markdown));
    const heading = findParagraph(docx.document, (t) => t === '（一）抓好党的建设');
    expect(runProp(docx, textRuns(heading)[0]!, 'rFonts', 'eastAsia')).toBe('楷体_GB2312');
  });

  it('warns in check when childNumbering is not deeper than its section', () => {
    const result = loadPlanSource('title: 长寿镇2026年工作要点\nyear: 2026\nnumbering:\n  start: （一）\nsections:\n  - title: 甲\n    childNumbering: （一）\n    children:\n      - title: 乙\n', 'p.yaml');
    expect(result.diagnostics).toMatchObject([{ code: 'child-numbering-not-deeper', severity: 'warning', line: 7 }]);
    expect(result.diagnostics[0]!.message).toBe('下级序号“（一）”不比本节（（一）一级）更深，不起作用，下级按“1.”编号');
  });

  it('refuses an unknown start form in check with a Chinese message', () => {
    const result = loadPlanSource('title: 长寿镇2026年工作要点\nyear: 2026\nnumbering:\n  start: 第一\nsections:\n  - title: 甲\n', 'p.yaml');
    expect(result.diagnostics[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(result.diagnostics[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
