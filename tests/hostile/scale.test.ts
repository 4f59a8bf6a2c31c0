// #19: user structure at scale: every algorithm linear or bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { loadPlanSource } from '../../src/load/index.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { chineseNumeral } from '../../src/derive/numbering.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import fc from 'fast-check';
import { breakTitle, isHourglass } from '../../src/docx/title.js';
import { textWidth } from '../../src/docx/width.js';

describe('PL-01 title breaking is bounded', () => {
  it('a 120-character title with few natural breaks finishes (it enumerated every combination and hung)', () => {
    const title = /^# (.+)$/m.exec(readFileSync(join(ROOT, 'tests', 'fixtures', 'crashers', 'title-120-few-breaks.md'), 'utf8'))![1]!;
    expect([...title]).toHaveLength(120);
    const lines = breakTitle(title);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
    expect(isHourglass(lines.map(textWidth))).toBe(false);
  });

  it('a title with no natural break at all, 1,000 characters long, still breaks into full lines', () => {
    const lines = breakTitle('推进'.repeat(500));
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => line.length === 20)).toBe(true);
  });

  it('property: long titles (up to 300 pieces) keep PL-01 — width, no hourglass, PL-01 shape', () => {
    const han = fc.constantFrom(...'长寿镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划的和与关于进一步加强推进落实');
    // years and numbers between characters, as titles have them (a 16-digit run cannot break anywhere)
    const piece = fc.oneof(han, han.map((char) => `${char}2026`), han.map((char) => `${char}12`));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 60, maxLength: 300 }), (pieces) => {
        const title = pieces.join('');
        const lines = breakTitle(title);
        expect(lines.join('')).toBe(title);
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
        expect(isHourglass(lines.map(textWidth))).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});

describe('anything check accepts renders', () => {
  it('10,000 sibling sections are numbered (一万、 and on), not 内部错误', () => {
    const sections = Array.from({ length: 10_001 }, (_, i) => `  - title: 任务${i + 1}\n    text: 内容。`).join('\n');
    const loaded = loadPlanSource(`title: 测试计划\nyear: 2026\nsections:\n${sections}\n`, 'plan.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { markdown } = composePlanMarkdown(loaded.value!, { file: 'plan.yaml' });
    expect(markdown).toContain('九千九百九十九、任务9999');
    expect(markdown).toContain('一万、任务10000');
    expect(markdown).toContain('一万零一、任务10001');
  });

  it.each([
    [10_000, '一万'],
    [10_010, '一万零一十'],
    [11_000, '一万一千'],
    [123_456, '十二万三千四百五十六'],
    [20_000_005, '二千万零五'],
  ])('chineseNumeral(%i) is %s', (n, spelled) => {
    expect(chineseNumeral(n)).toBe(spelled);
  });
});

describe('Markdown nesting is bounded before and after parsing', () => {
  it.each([
    ['5,000 nested quotes', `# 标题\n\n${'>'.repeat(5000)} 引用\n`, 3],
    ['a 1,000-deep list', `# 标题\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n')}\n`, 67],
    ['3,000 nested emphasis runs', `# 标题\n\n${'*a '.repeat(3000)}x${' a*'.repeat(3000)}\n`, 3],
    // refused before parsing: the parser would take hours over these
    ['100,000 nested emphasis runs', `# 标题\n\n${'*a '.repeat(100_000)}x${' a*'.repeat(100_000)}\n`, 3],
    ['openers of one kind closed by the other', `# 标题\n\n前言\n${'_b '.repeat(2000)}x${' b*'.repeat(2000)}\n`, 4],
  ])('%s is a diagnostic at its line, not a stack overflow or a minute of parsing', (_name, markdown, line) => {
    const parsed = parseMarkdown(markdown, 'doc.md');
    expect(parsed.diagnostics).toMatchObject([{ code: 'markdown-too-deep', line, file: 'doc.md' }]);
  });

  it('ordinary emphasis, many bold runs, and * in code or across paragraphs are not nesting', () => {
    const bold = '中**加粗**文，*强调* 和 __粗__。'.repeat(200);
    const paragraphs = Array.from({ length: 100 }, () => '*未闭合的强调').join('\n\n');
    const frontMatter = `---\nl1: &l1 [${Array(100).fill('*a').join(', ')}]\n---\n\n正文`;
    const code = `\`\`\`\n${'*p '.repeat(200)}\n\`\`\`\n\n\`${'*q '.repeat(100)}\``;
    for (const body of [bold, paragraphs, code]) expect(parseMarkdown(`# 标题\n\n${body}\n`, 'doc.md').diagnostics).toEqual([]);
    // YAML aliases in the front matter are not emphasis
    expect(parseMarkdown(frontMatter, 'doc.md').diagnostics.map((d) => d.code)).not.toContain('markdown-too-deep');
  });

  it('a list 30 levels deep still parses', () => {
    const markdown = `# 标题\n\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n')}\n`;
    expect(parseMarkdown(markdown, 'doc.md').diagnostics).toEqual([]);
  });
});
