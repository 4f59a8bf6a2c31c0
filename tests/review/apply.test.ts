// plandoc apply (issue #17): a leader's edits on the rendered DOCX come back
// into the YAML as exactly the intended change, and re-rendering the YAML
// prints the edited text.
import { describe, expect, it } from 'vitest';
import { applyEdits, CHANGSHOU, expectRerenderMatches, MINIMAL, withReplacements } from './apply-support.js';
import { canRender, resaveWithLibreOffice } from './support.js';

describe('text edits', () => {
  it('a changed word in a run-in task paragraph changes that word in its text field only', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.replace('_pd_s1c0c0h', '整合农户自主申报', '整合群众自主申报'));
    expect(applied.after).toBe(withReplacements(applied.source, ['text: 整合农户自主申报', 'text: 整合群众自主申报']));
    expect(applied.list.unmapped).toEqual([]);
    await expectRerenderMatches(CHANGSHOU, applied);
  });

  it('a rewritten sentence keeps the citations of the rest of the paragraph', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.replace('_pd_s1c1c2h', '培育区域公共品牌，提升产品市场竞争力。', '打造“长寿”区域公共品牌，让农产品卖出好价钱。'));
    expect(applied.after).toBe(withReplacements(applied.source, ['培育区域公共品牌，提升产品市场竞争力。', '打造“长寿”区域公共品牌，让农产品卖出好价钱。']));
    await expectRerenderMatches(CHANGSHOU, applied);
  });

  it('a changed section title, the opening and the 成文日期', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.replace('_pd_s1c0h', '加强技能培训', '强化技能培训').replace('_pd_o', '为做好', '为扎实做好').setText('_pd_d', '2026年1月20日'));
    expect(applied.after).toBe(withReplacements(applied.source, ['title: 加强技能培训', 'title: 强化技能培训'], ['opening: 为做好', 'opening: 为扎实做好'], ['date: 2026-01-14', 'date: 2026-01-20']));
    await expectRerenderMatches(MINIMAL, applied);
  });

  it('a changed heading number is not written back but reported with the paragraph', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.replace('_pd_s1h', '二、重点任务', '三、重点任务'));
    expect(applied.after).toBe(applied.source);
    expect(applied.list.unmapped).toEqual([expect.objectContaining({ text: '三、重点任务', reason: expect.stringContaining('编号') })]);
  });
});

describe('cited numbers', () => {
  const edit = (d: import('./edit-docx.js').EditedDocx) => d.replace('_pd_s1c2c0h', '完成转移就业培训300人次以上', '完成转移就业培训350人次以上');

  it('a changed 300人次以上 is a proposed target change, not text: the YAML keeps [[transfer-training]]', async () => {
    const applied = await applyEdits(CHANGSHOU, edit);
    expect(applied.after).toBe(applied.source);
    expect(applied.list.targets).toEqual([expect.objectContaining({ path: ['metrics', 17, 'target', 'value'].map((p, i) => (i === 1 ? expect.any(Number) : p)), metricId: 'transfer-training', before: 300, after: 350 })]);
  });

  it('--accept-targets writes the metric target, and the sentence renders 350人次以上 from it', async () => {
    const applied = await applyEdits(CHANGSHOU, edit, { acceptTargets: true });
    expect(applied.after).toBe(withReplacements(applied.source, ['    target:\n      kind: atLeast\n      value: 300\n    task: employment-scale', '    target:\n      kind: atLeast\n      value: 350\n    task: employment-scale']));
    await expectRerenderMatches(CHANGSHOU, applied);
  });

  it('wording a target cannot print is reported, nothing written', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.replace('_pd_s1c2c0h', '完成转移就业培训300人次以上', '完成转移就业培训约三百人次'));
    expect(applied.after).toBe(applied.source);
    expect(applied.list.unmapped[0]!.reason).toContain('transfer-training');
  });
});

describe('structure', () => {
  it('an inserted paragraph becomes a new text item after the one it follows', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.insertAfter('_pd_s0x', '确保培训质量，群众满意。'));
    expect(applied.after).toBe(withReplacements(applied.source, ['    text: 群众政策知晓度达到90%以上，全年开展技能培训300人次以上。\n', '    text:\n      - 群众政策知晓度达到90%以上，全年开展技能培训300人次以上。\n      - 确保培训质量，群众满意。\n']));
    expect(applied.list.changes).toEqual([expect.objectContaining({ type: 'insert', what: 'paragraph' })]);
    await expectRerenderMatches(MINIMAL, applied);
  });

  it('an inserted list item joins the list', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.insertAfter('_pd_s1c0x1l1', '直播带货培训。'));
    expect(applied.after).toBe(withReplacements(applied.source, ['              - 电商技能培训。\n', '              - 电商技能培训。\n              - 直播带货培训。\n']));
    await expectRerenderMatches(MINIMAL, applied);
  });

  it('an inserted numbered task becomes a new section with a generated id, flagged', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.insertAfter('_pd_s1c1c3h', '5.发展庭院经济：引导农户发展庭院种养，增加家庭经营收入。'));
    expect(applied.list.changes).toEqual([expect.objectContaining({ type: 'insert', what: 'section', value: { id: 'new-1', title: '发展庭院经济', runIn: true, text: '引导农户发展庭院种养，增加家庭经营收入。' } })]);
    expect(applied.after).toContain('            text: 每个行政村培养[[leaders-per-village]]懂技术、会经营、能带动的致富带头人，开展产业技能培训[[skills-training-sessions]]，发挥示范引领作用。\n\n          - id: new-1\n            title: 发展庭院经济\n            runIn: true\n            text: 引导农户发展庭院种养，增加家庭经营收入。\n');
    await expectRerenderMatches(CHANGSHOU, applied);
  });

  it('a deleted task removes its section, comments and all', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.delete('_pd_s1c4c2h'));
    const section = applied.source.slice(applied.source.indexOf('          - id: civility'), applied.source.indexOf('          - id: policy-publicity'));
    expect(applied.after).toBe(applied.source.replace(section, ''));
    expect(applied.list.changes).toEqual([expect.objectContaining({ type: 'delete', what: 'section', path: ['sections', 1, 'children', 4, 'children', 2] })]);
    await expectRerenderMatches(CHANGSHOU, applied);
  });

  it('a deleted list item and a deleted paragraph', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.delete('_pd_s1c0x1l0'));
    expect(applied.after).toBe(withReplacements(applied.source, ['              - 种植技术培训。\n', '']));
    await expectRerenderMatches(MINIMAL, applied);
  });

  it('a task moved before its siblings moves in the YAML, with its comment; the leader renumbering it is not a change', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) =>
      d.move(['_pd_s1c1c3h'], '_pd_s1c1h').replace('_pd_s1c1c3h', '4.培育', '1.培育').replace('_pd_s1c1c0h', '1.', '2.').replace('_pd_s1c1c1h', '2.', '3.').replace('_pd_s1c1c2h', '3.', '4.'));
    const items = applied.source.slice(applied.source.indexOf('          - id: industry-layout'), applied.source.indexOf('      - id: employment\n'));
    const moved = items.slice(items.indexOf('          - id: wealth-leaders'));
    const rest = items.slice(0, items.indexOf('          - id: wealth-leaders'));
    expect(applied.after).toBe(applied.source.replace(items, moved + rest));
    expect(applied.after).toContain('# 原文“3-5名”用连字符');
    expect(applied.list.unmapped).toEqual([]);
    expect(applied.list.changes).toEqual([expect.objectContaining({ type: 'move', list: ['sections', 1, 'children', 1, 'children'] })]);
    await expectRerenderMatches(CHANGSHOU, applied);
  });
});

describe('revisions and comments', () => {
  it('tracked changes count as accepted: the same YAML as the plain edit', async () => {
    const plain = await applyEdits(CHANGSHOU, (d) => d.replace('_pd_s1c0c1h', '重点通过产业就业帮扶', '主要通过产业就业帮扶'));
    const tracked = await applyEdits(CHANGSHOU, (d) => d.trackedReplace('_pd_s1c0c1h', '重点', '主要'));
    expect(tracked.after).toBe(plain.after);
    expect(tracked.after).not.toBe(tracked.source);
  });

  it('a tracked deletion of a whole paragraph (its mark deleted too) removes it', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.trackedDelete('_pd_s1c0x1l0'));
    expect(applied.after).toBe(withReplacements(applied.source, ['              - 种植技术培训。\n', '']));
  });

  it('rejected revisions leave the document as rendered: nothing to write', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => rejectAll(d.trackedReplace('_pd_s1c0c1h', '重点', '主要').bytes()));
    expect(applied.after).toBe(applied.source);
    expect(applied.list.changes).toEqual([]);
  });

  it('comments are listed with the element they are attached to, and change nothing', async () => {
    const applied = await applyEdits(MINIMAL, (d) => d.comment('_pd_s0x', '知晓度目标再提高一点', '李书记'));
    expect(applied.after).toBe(applied.source);
    expect(applied.list.comments).toEqual([{ author: '李书记', comment: '知晓度目标再提高一点', path: ['sections', 0, 'text'], paragraph: '群众政策知晓度达到90%以上，全年开展技能培训300人次以上。' }]);
  });
});

describe('anchors lost or re-saved', () => {
  it('without any bookmark, edited paragraphs are found by their text and flagged', async () => {
    const applied = await applyEdits(CHANGSHOU, (d) => d.replace('_pd_s1c0c0h', '整合农户自主申报', '整合群众自主申报').dropAnchors());
    expect(applied.after).toBe(withReplacements(applied.source, ['text: 整合农户自主申报', 'text: 整合群众自主申报']));
    expect(applied.list.changes).toEqual([expect.objectContaining({ type: 'text', byText: true })]);
  });

  it.runIf(canRender)('a DOCX re-saved by LibreOffice applies the same', async () => {
    const script = (d: import('./edit-docx.js').EditedDocx) => d.replace('_pd_s1c0c0h', '整合农户自主申报', '整合群众自主申报').insertAfter('_pd_s0c0x', '坚持稳中求进工作总基调。').delete('_pd_s1c4c2h').trackedReplace('_pd_s1c0c1h', '重点', '主要');
    const direct = await applyEdits(CHANGSHOU, script);
    const resaved = await applyEdits(CHANGSHOU, (d) => resaveWithLibreOffice(script(d).bytes()));
    expect(resaved.after).toBe(direct.after);
    expect(resaved.list.unmapped).toEqual([]);
    await expectRerenderMatches(CHANGSHOU, resaved);
  }, 120_000);
});

/** Word's 拒绝所有修订: inserted text goes, deleted text comes back. */
function rejectAll(docx: Uint8Array): Uint8Array {
  const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate') as typeof import('fflate');
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']!)
    .replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '')
    .replace(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g, (_, runs: string) => runs.replace(/w:delText/g, 'w:t'));
  return zipSync({ ...parts, 'word/document.xml': strToU8(xml) });
}
