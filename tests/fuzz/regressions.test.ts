// Inputs the fuzzers found breaking something, kept as plain tests. The
// corpus in tests/fixtures/crashers/ holds the file-shaped ones.
import { describe, expect, it } from 'vitest';
import { markdownToDocx, renderDocx } from '../../src/docx/index.js';
import { composePlan, treeMarkdown } from '../../src/compose/index.js';
import { treeToDocx } from '../../src/render/index.js';
import { fixText } from '../../src/lint/rules.js';
import type { Plan } from '../../src/model/plan.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { assertWellFormedDocx } from './support.js';
import { strFromU8, unzipSync } from 'fflate';

describe('fuzz regressions', () => {
  it('a control character in the title does not reach docProps/core.xml', async () => {
    const docx = await markdownToDocx('# 工作\u0007计划\uFFFE\n\n正文。\n');
    assertWellFormedDocx(docx);
    expect(strFromU8(unzipSync(docx)['docProps/core.xml']!)).toContain('工作计划');
  });

  it('control characters in front-matter furniture do not reach the document properties', async () => {
    const markdown = '---\ntitle: "标\\a题"\nissuer: "长寿\\x01镇"\ndocNumber: "长府发\\x02〔2026〕3号"\npublication:\n  indexNo: "113\\x1b/2026"\n---\n\n# 标题\n\n正文。\n';
    const docx = await markdownToDocx(markdown);
    assertWellFormedDocx(docx);
    const custom = strFromU8(unzipSync(docx)['docProps/custom.xml']!);
    expect(custom).toContain('长府发〔2026〕3号');
  });

  // the direct tree and the Markdown route must print the same words
  it.each<[string, Plan]>([
    ['a line starting "1. " after one ending "1." (escaper overlap)', { title: '长寿镇', year: 2026, sections: [{ children: [{ units: ['[[a]]\r1.\r1. [[a]]'] }] }] } as unknown as Plan],
    ['a blank line inside a 牵头单位', { title: '长寿镇', year: 2026, sections: [{ lead: '长寿镇\n\n*' }] } as unknown as Plan],
    ['a blank line inside the title', { title: '长寿镇\n\n*', year: 2026, sections: [{}] } as unknown as Plan],
    ['a blank line inside a heading', { title: '长寿镇', year: 2026, sections: [{ children: [{ title: '*\n\n*' }] }] } as unknown as Plan],
  ])('%s: same DOCX by both routes', async (_what, plan) => {
    const composed = composePlan(plan, { file: 'fuzz.yaml' });
    if (!composed.document || !('tree' in composed.document)) throw new Error('compose gave no tree');
    const direct = await treeToDocx(composed.document.tree, { file: 'fuzz.md' });
    // the Markdown route takes the plan anchors from the composed tree, as render does for a user template
    const viaMarkdown = await renderDocx(treeMarkdown(composed.document.tree), { file: 'fuzz.md', anchorsFrom: composed.document.tree.root });
    const text = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(text(viaMarkdown.docx)).toBe(text(direct.docx));
  });

  // seed 723265654: the front matter folded the title over two blank lines and
  // the .md writer's blank-line normaliser shortened it by one
  it.each(['"\n\n长寿镇', '长寿镇\n \n\n工作'])('a title with blank lines (%j) comes back from the .md front matter unchanged', (title) => {
    const composed = composePlan({ title, year: 2026, sections: [{ title: '工作' }] } as unknown as Plan, { file: 'fuzz.yaml' });
    if (!composed.document || !('tree' in composed.document)) throw new Error('compose gave no tree');
    expect(parseMarkdown(treeMarkdown(composed.document.tree)).furniture.title).toBe(title);
  });

  it('lint --fix reaches its fixpoint on a chain of half-width marks in one call', () => {
    const once = fixText('):?)--)长寿镇');
    expect(once).toBe('）：？）——）长寿镇');
    expect(fixText(once)).toBe(once);
  });
});
