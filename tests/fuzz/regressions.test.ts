// Inputs the fuzzers found breaking something, kept as plain tests. The
// corpus in tests/fixtures/crashers/ holds the file-shaped ones.
import { describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/index.js';
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
});
