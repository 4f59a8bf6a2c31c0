// #19: lint --fix changes prose only, never Markdown syntax: link targets,
// footnote labels, code, HTML comments and tags, front matter keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node } from 'mdast';
import { fixSource } from '../../src/lint/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

/** Everything in a Markdown text that is syntax, as the parser sees it. */
function syntaxOf(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: Node & { url?: string; value?: string; identifier?: string; label?: string; children?: Node[] }) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(`${node.type}:${node.url}`);
    if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') found.push(`${node.type}:${node.value}`);
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition' || node.type === 'linkReference') found.push(`${node.type}:${node.identifier}`);
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseMarkdown(markdown, 'doc.md').root);
  return found;
}

const SAMPLE = [
  '---',
  'title: 测试,通知',
  'issuer: 长寿镇',
  '---',
  '',
  '# 关于做好工作的通知',
  '',
  '请见[文字](https://example.com/a,b)和![图](img.png "标题,说明")，另见[规定][ref]。',
  '注释在这里[^1]，还有<https://x.cn/a,b>和 http://x.cn/?a=1,2 地址。',
  '代码`a,b;c`不改,这里要改。',
  '<!-- 注释,不改',
  '第二行,不改 -->',
  '<span title="a,b">文字</span>',
  '',
  '[^1]: 注,释内容',
  '[ref]: https://example.com/x,y',
  '',
].join('\n');

describe('lint --fix on Markdown', () => {
  it('fixes the prose and keeps every link, footnote, code span, comment and front matter key', () => {
    const fixed = fixSource(SAMPLE, 'doc.md').text;
    expect(fixed).toContain('不改，这里要改。');
    expect(fixed).toContain('[^1]: 注，释内容');
    expect(fixed).toContain('title: 测试，通知');
    expect(fixed).toContain('[文字](https://example.com/a,b)');
    expect(fixed).toContain('`a,b;c`');
    expect(fixed).toContain('<!-- 注释,不改\n第二行,不改 -->');
    expect(fixed).toContain('[ref]: https://example.com/x,y');
    expect(fixed).not.toContain('[^1]：');
    expect(syntaxOf(fixed)).toEqual(syntaxOf(SAMPLE));
  });

  it('property: whatever prose surrounds them, links, footnotes, code and comments come through --fix unchanged', () => {
    const prose = fc.constantFrom('开展培训,提高能力', '完成(任务)', '目标:全覆盖', '是否完成?', '加强管理;落实责任', '长寿镇');
    const syntax = fc.constantFrom(
      '[文件](https://a.cn/x,y(1))',
      '![图](a.png "题,注")',
      '[^n1]',
      '`x,y:z`',
      '<!-- 备注,(不改) -->',
      '<https://b.cn/?q=1,2>',
      '[规定][r1]',
      '<b>加粗,文字</b>',
    );
    const line = fc.array(fc.oneof(prose, syntax), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const doc = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => `# 标题\n\n${lines.join('\n\n')}\n\n[^n1]: 注,释\n[r1]: https://r.cn/a,b\n`);
    fc.assert(
      fc.property(doc, (markdown) => {
        expect(syntaxOf(fixSource(markdown, 'doc.md').text)).toEqual(syntaxOf(markdown));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves indented code blocks alone, and still fixes an indented line that continues a paragraph', () => {
    const markdown = '# 标题\n\n正文,要改。\n\n    代码,不改;x:y\n    第二行,不改\n\n段落,要改\n    延续行,要改\n\n- 列表,要改\n\n      列表里的代码,不改\n';
    const fixed = fixSource(markdown, 'doc.md').text;
    expect(fixed).toContain('    代码,不改;x:y\n    第二行,不改\n');
    expect(fixed).toContain('      列表里的代码,不改\n');
    expect(fixed).toContain('正文，要改。');
    expect(fixed).toContain('段落，要改\n    延续行，要改');
    expect(fixed).toContain('- 列表，要改');
    expect(syntaxOf(fixed)).toEqual(syntaxOf(markdown));
  });

  it('property: code blocks, indented or fenced, at any depth of list, come through --fix byte for byte', () => {
    const prose = fc.constantFrom('开展培训,提高能力', '完成(任务)', '目标:全覆盖', '是否完成?', '加强管理;落实责任', '长寿镇');
    const codeLine = fc.constantFrom('a,b;c', '数据,格式:1', 'x = f(1,2)?', '    再缩进,一层', '注释;说明', '');
    const codeBody = fc.array(codeLine, { minLength: 1, maxLength: 4 }).filter((lines) => lines.some((line) => line.trim() !== ''));
    const indent = (lines: string[], by: string) => lines.map((line) => (line === '' ? '' : by + line)).join('\n');
    const block = fc.oneof(
      fc.array(prose, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')),
      codeBody.map((lines) => indent(lines, '    ')),
      codeBody.map((lines) => `\`\`\`\n${lines.join('\n')}\n\`\`\``),
      fc.tuple(prose, codeBody).map(([item, lines]) => `- ${item}\n\n${indent(lines, '      ')}`),
      fc.tuple(prose, codeBody).map(([item, lines]) => `1. ${item}\n\n${indent(lines, '       ')}`),
    );
    const doc = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => `# 标题\n\n${blocks.join('\n\n')}\n`);
    const codeOf = (markdown: string) => syntaxOf(markdown).filter((entry) => entry.startsWith('code:'));
    fc.assert(
      fc.property(doc, (markdown) => {
        const fixed = fixSource(markdown, 'doc.md').text;
        expect(codeOf(fixed)).toEqual(codeOf(markdown));
        expect(syntaxOf(fixed)).toEqual(syntaxOf(markdown));
      }),
      { numRuns: 100 },
    );
  });
});
