import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';

describe('parseMarkdown: mdast + furniture from the front matter', () => {
  it('reads every furniture key of the convention', () => {
    const { furniture, diagnostics } = parseMarkdown(
      [
        '---',
        'title: 标题',
        'issuer: 长寿镇',
        'date: 2026-01-14',
        'docNumber: 长府发〔2026〕3号',
        'recipients: [各村（社区）, 镇直各部门]',
        'attachments:',
        '  - title: 主要指标完成情况表',
        'note: 此件公开发布',
        'copyTo: [县乡村振兴局]',
        'printedBy: 长寿镇党政办公室',
        'printedDate: 2026-01-14',
        'header: { organ: 长寿镇人民政府 }',
        'sealed: false',
        'publication: { indexNo: 113/2026-2354051, publisher: 长寿镇 }',
        '---',
        '',
        '# 标题',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(furniture).toEqual({
      title: '标题',
      issuer: '长寿镇',
      date: '2026-01-14',
      docNumber: '长府发〔2026〕3号',
      recipients: ['各村（社区）', '镇直各部门'],
      attachments: [{ title: '主要指标完成情况表' }],
      note: '此件公开发布',
      copyTo: ['县乡村振兴局'],
      printedBy: '长寿镇党政办公室',
      printedDate: '2026-01-14',
      header: { organ: '长寿镇人民政府' },
      sealed: false,
      publication: { indexNo: '113/2026-2354051', publisher: '长寿镇' },
    });
  });

  it('takes the title from the first # heading when the front matter has none', () => {
    expect(parseMarkdown('# 关于做好工作的通知\n\n正文').furniture.title).toBe('关于做好工作的通知');
  });

  it('points at the line of a wrongly typed key, in Chinese', () => {
    const { diagnostics } = parseMarkdown('---\ntitle: 标题\ndate: 去年\nrecipients: 3\ncolour: red\n---\n\n正文', 'x.md');
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'x.md', line: 3, column: 1, severity: 'error', code: 'front-matter-type' }),
      expect.objectContaining({ file: 'x.md', line: 4, column: 1, severity: 'error', code: 'front-matter-type' }),
      expect.objectContaining({ file: 'x.md', line: 5, column: 1, severity: 'warning', code: 'front-matter-unknown-key' }),
    ]);
    expect(diagnostics[0]!.message).toContain('“date”应当是日期');
  });

  it('reports YAML syntax errors at their line, in Chinese', () => {
    const { diagnostics } = parseMarkdown('---\ntitle: 标题\nissuer: [长寿镇\n---\n\n正文', 'x.md');
    expect(diagnostics[0]).toMatchObject({ file: 'x.md', severity: 'error', code: 'front-matter-syntax' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(diagnostics[0]!.message).toMatch(/^开头的 YAML 设置（front matter）：[^A-Za-z]+$/);
  });

  it('holds front matter to the plan loader\'s limits: an alias bomb and absurd nesting are diagnostics', () => {
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) aliases.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const bomb = parseMarkdown(`---\n${aliases.join('\n')}\n---\n\n正文`, 'bomb.md');
    expect(bomb.diagnostics.map((d) => d.code)).toEqual(['front-matter-syntax']);
    expect(bomb.diagnostics[0]!.message).toContain('别名（*名称）展开后内容过多');
    const deep = parseMarkdown(`---\ntitle: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n\n正文`, 'deep.md');
    expect(deep.diagnostics[0]).toMatchObject({ code: 'front-matter-syntax', line: 2, column: 8 + 400 });
    expect(deep.diagnostics[0]!.message).toContain('嵌套层次太深');
  });

  it('parses **…。** run-in headings before Chinese text (remark-cjk-friendly)', () => {
    const { root } = parseMarkdown('**（一）压紧压实责任。**按照要求');
    const paragraph = root.children[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.children.map((c) => c.type)).toEqual(['strong', 'text']);
  });
});
