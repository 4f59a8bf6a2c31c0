import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Root, Strong, Table } from 'mdast';
import { diffPlans, diffText } from '../../src/diff/index.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../src/diff/format.js';
import { similarity } from '../../src/diff/text.js';
import { baseSource, edit, planOf } from './helpers.js';

function apply(edits: ReturnType<typeof diffText>, side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return edits.filter((e) => e.op !== skip).map((e) => e.text).join('');
}

describe('diffText', () => {
  it('treats a number as one token: 300 → 400', () => {
    expect(diffText('培训300人次', '培训400人次')).toEqual([
      { op: 'equal', text: '培训' },
      { op: 'delete', text: '300' },
      { op: 'insert', text: '400' },
      { op: 'equal', text: '人次' },
    ]);
  });

  it('folds a one-character island between two changes into one replacement', () => {
    const edits = diffText('甲乙丙丁戊己', '甲子丙寅戊己');
    expect(edits).toEqual([
      { op: 'equal', text: '甲' },
      { op: 'delete', text: '乙丙丁' },
      { op: 'insert', text: '子丙寅' },
      { op: 'equal', text: '戊己' },
    ]);
  });

  it('always reproduces both texts (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('产', '业', '就', '、', '3', '0', '。', 'a') }), fc.string({ unit: fc.constantFrom('产', '业', '就', '、', '4', '0', '。') }), (a, b) => {
      const edits = diffText(a, b);
      expect(apply(edits, 'before')).toBe(a);
      expect(apply(edits, 'after')).toBe(b);
    }));
  });

  it('scores similarity between 0 and 1', () => {
    expect(similarity('加强组织领导', '加强组织领导')).toBe(1);
    expect(similarity('加强组织领导', '强化组织领导')).toBeGreaterThan(0.5);
    expect(similarity('加强组织领导', '完善基础设施')).toBe(0);
  });
});

function rewordedDiff() {
  const before = baseSource();
  const after = edit(before, '重点通过产业就业帮扶促进增收', '重点通过产业、就业帮扶促进稳定增收');
  return diffPlans(planOf(before), planOf(after));
}

describe('formatDiffText', () => {
  it('marks deletions and insertions in words when there is no colour', () => {
    const text = formatDiffText(rewordedDiff(), { from: 'a.yaml', to: 'b.yaml' });
    expect(text).toContain('修订对照：a.yaml → b.yaml');
    expect(text).toContain('共 1 处修改。');
    expect(text).toContain('产业【增：、】就业帮扶促进【增：稳定】增收');
    expect(text).not.toContain('\u001b[');
  });

  it('uses colour escapes only when asked', () => {
    const text = formatDiffText(rewordedDiff(), { color: true });
    expect(text).toContain('\u001b[32m');
    expect(text).not.toContain('【增：');
  });

  it('says so when there is no difference', () => {
    expect(formatDiffText({ changes: [], notes: [] })).toContain('两个版本没有实质性差异。');
  });
});

describe('formatDiffMarkdown', () => {
  const parse = (markdown: string): Root =>
    unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown) as Root;

  it('writes a 修订对照表 whose changed words are bold for CommonMark too', () => {
    const markdown = formatDiffMarkdown(rewordedDiff(), { title: '长寿镇2026年工作计划' });
    const root = parse(markdown);
    const heading = root.children.find((node) => node.type === 'heading');
    expect(heading && 'children' in heading && heading.children[0]).toMatchObject({ value: '长寿镇2026年工作计划修订对照表' });
    const table = root.children.find((node): node is Table => node.type === 'table')!;
    const header = table.children[0]!.children.map((cell) => (cell.children[0] as { value: string }).value);
    expect(header).toEqual(['序号', '原内容', '修改后内容', '修改说明']);
    const newCell = table.children[1]!.children[2]!;
    const bold = newCell.children.filter((node): node is Strong => node.type === 'strong')
      .map((node) => (node.children[0] as { value: string }).value);
    // "、" alone cannot be bold next to Chinese letters; the run is widened to 业、就
    expect(bold).toEqual(['业、就', '稳定']);
    const oldCell = table.children[1]!.children[1]!;
    expect(oldCell.children.some((node) => node.type === 'strong')).toBe(false);
  });

  it('escapes Markdown typed in the plan so it stays text', () => {
    const diff = diffPlans(planOf(baseSource()), planOf(edit(baseSource(), 'title: 加强组织领导', 'title: "加强组织领导|*要*"')));
    const table = parse(formatDiffMarkdown(diff, { title: 'T' })).children.find((n): n is Table => n.type === 'table')!;
    expect(table.children[1]!.children).toHaveLength(4);
  });

  it('writes JSON with both names and every change', () => {
    const json = JSON.parse(formatDiffJson(rewordedDiff(), { from: 'a', to: 'b' }));
    expect(json).toMatchObject({ from: 'a', to: 'b', notes: [] });
    expect(json.changes[0].kind).toBe('reworded');
  });
});
