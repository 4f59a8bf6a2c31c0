// YAML-level problems: syntax errors with positions, the shape of the file,
// aliases and merge keys, and the byte-level checks before parsing.
import { mkdtempSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanFile, loadPlanSource, loadYamlSource } from '../../src/load/index.js';
import { decodeSource, MAX_SOURCE_BYTES, readSourceFile } from '../../src/load/source.js';
import { at, check, codes, planOf, yamlOf } from './support.js';

describe('syntax errors', () => {
  it.each([
    ['a tab in the indentation', yamlOf('title: 示例', 'sections:', '\t- title: 总体要求'), '3:1 yaml-tab', '第 1 列是制表符（Tab）：YAML 的缩进只能用空格'],
    ['misaligned keys', yamlOf('title: 示例', 'year: 2026', 'sections:', '  - title: 总体要求', '    text: 正文', '   id: x'), '6:1 yaml-indent', '缩进没有对齐：这一行缩进 3 个空格，上面同一层的键缩进 4 个空格'],
    ['keys at different columns', yamlOf('header:', '  organ: 示例', ' x: 1'), '3:1 yaml-indent', '缩进没有对齐：这一行缩进 1 个空格，上面同一层的键缩进 2 个空格'],
    ['an unclosed quote, at the opening quote', yamlOf('title: 示例', 'issuer: "示例镇', 'year: 2026'), '2:9 yaml-quote', '引号没有闭合'],
    ['a second ": " on a line', yamlOf('title: 示例', 'note: 说明: 内容'), '2:9 yaml-colon-in-value', '文字里有英文冒号加空格“: ”：YAML 把它前面的文字当成了键'],
    ['a line without a colon', yamlOf('title: 示例', '示例镇', 'year: 2026'), '2:1 yaml-syntax', '这一行缺少“键: 值”中的冒号，或者上一行的文字换行了'],
    ['a bad escape in double quotes', yamlOf('title: "C:\\q"'), '1:11 yaml-escape', '双引号里的反斜杠（\\）写法不对'],
    ['two documents', yamlOf('title: 示例', '---', 'title: 二'), '2:1 yaml-multiple-docs', '文件里有多份 YAML 文档（用“---”分隔）'],
    ['an alias without anchor', yamlOf('title: *name'), '1:8 yaml-reserved', 'YAML 把“*”开头的值当成别名（引用别处用“&”起了名字的内容），这里找不到这个名字'],
  ])('explains %s', (_name, text, where, message) => {
    const diags = check(text);
    expect(diags.map(at)[0]).toBe(where);
    expect(diags[0]?.message).toBe(message);
    expect(diags[0]?.hint).toBeTruthy();
  });

  it('reports every syntax error, not just the first', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'sections:', '\t- title: 总体要求', 'note: 说明: 内容', 'issuer: "镇');
    expect(check(text).map(at)).toEqual(['4:1 yaml-tab', '5:9 yaml-colon-in-value', '6:9 yaml-quote']);
  });

  it('reports duplicate keys and still checks the rest of the file', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'title: 又一个', 'sections: [{ title: 总体要求, txet: 正文 }]');
    const diags = check(text);
    expect(diags.map(at)).toEqual(['3:1 duplicate-key', `4:${'sections: [{ title: 总体要求, '.length + 1} unknown-key`]);
    expect(diags[0]?.message).toBe('键“title”在同一层出现了两次');
  });
});

describe('file shape', () => {
  it.each([
    ['', 'empty-file'],
    ['\n\n   \n', 'empty-file'],
    ['# 只有注释\n', 'empty-file'],
    ['- title: 示例\n', 'top-level-list'],
    ['只有一句话\n', 'top-level-scalar'],
    ['2026\n', 'top-level-scalar'],
  ])('rejects %j as %s', (text, code) => {
    const diags = check(text);
    expect(diags.map((d) => d.code)).toEqual([code]);
    expect(diags[0]?.message).toMatch(/^计划文件/);
  });

  it('accepts a byte-order mark silently, with positions as if it were not there', () => {
    const result = loadPlanSource(`\uFEFF${yamlOf('title: 示例', 'year: x', 'sections: [{ title: 总体要求 }]')}`, 'a.yaml');
    expect(result.diagnostics.map(at)).toEqual(['2:7 schema-type']);
    expect(result.source.startsWith('title')).toBe(true);
  });

  it('reads Windows line endings with the same positions', () => {
    const diags = check(yamlOf('title: 示例', 'year: x', 'sections: [{ title: 总体要求 }]').replace(/\n/g, '\r\n'));
    expect(diags.map(at)).toEqual(['2:7 schema-type']);
  });

  it('reports NUL bytes as binary content', () => {
    expect(codes('title: a\u0000b\n')).toEqual(['file-binary']);
  });

  it('reports invisible control characters where they are and still checks the rest', () => {
    const diags = check(yamlOf('title: 示例\u0007', 'year: x', 'sections: [{ title: 总体要求 }]'));
    expect(diags.map(at)).toEqual(['1:10 control-char', '2:7 schema-type']);
    expect(diags[0]?.message).toBe('这里有一个看不见的控制字符（U+0007）');
  });

  it('refuses a text above the size limit without parsing it', () => {
    const started = Date.now();
    const diags = check(`title: ${'字'.repeat(MAX_SOURCE_BYTES + 1)}\n`);
    expect(diags.map((d) => d.code)).toEqual(['file-too-large']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('aliases and merge keys', () => {
  it('stops an alias bomb with a diagnostic', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefgh') lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
    const diags = check(yamlOf(...lines));
    expect(diags.map((d) => d.code)).toEqual(['yaml-alias-bomb']);
    expect(diags[0]).toMatchObject({ line: 2, column: 8 });
  });

  it('resolves ordinary aliases and merge keys, and points into the merged source', () => {
    const text = yamlOf('title: 示例', 'year: 2026', 'sections:', '  - &base', '    title: 总体要求', '    lead: 镇党政办', '  - <<: *base', '    title: 重点任务', '    id: tasks');
    const result = loadPlanSource(text, 'a.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.sections[1]).toEqual({ title: '重点任务', lead: '镇党政办', id: 'tasks' });
    const bad = text.replace('lead: 镇党政办', 'lead: 待填写');
    // the merged copy points at the same source node, reported once
    expect(check(bad).map(at)).toEqual(['6:11 placeholder']);
  });
});

describe('bytes and files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-load-'));

  it('decodes UTF-8 and names GBK and UTF-16 files', () => {
    expect(decodeSource(Buffer.from('title: 示例'), 'a.yaml')).toEqual({ text: 'title: 示例', diagnostics: [] });
    const gbk = new Uint8Array([0xca, 0xbe, 0xc0, 0xfd]); // 示例 in GBK
    expect(decodeSource(gbk, 'a.yaml').diagnostics[0]?.message).toContain('GBK');
    expect(decodeSource(new Uint8Array([0xff, 0xfe, 0x74, 0x00]), 'a.yaml').diagnostics[0]?.message).toContain('UTF-16');
    expect(decodeSource(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'a.yaml').diagnostics[0]?.code).toBe('file-binary');
  });

  it('reports a missing file and a directory', async () => {
    expect((await readSourceFile(join(dir, 'nope.yaml'), 'nope.yaml')).diagnostics).toMatchObject([{ code: 'file-missing', line: 0, message: '找不到文件“nope.yaml”' }]);
    mkdirSync(join(dir, 'plans.yaml'));
    expect((await readSourceFile(join(dir, 'plans.yaml'))).diagnostics[0]?.code).toBe('file-directory');
  });

  it('refuses a file above the size limit from its size alone', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB of NUL bytes that must never be read
    const result = await loadPlanFile(big);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(result.diagnostics[0]?.message).toBe('文件太大（50.0 MB），超过了 5 MB 的上限');
  });

  it('loads a plan file from disk', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, planOf());
    const result = await loadPlanFile(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.title).toBe('示例镇2026年工作计划');
  });
});

describe('loadYamlSource for other file kinds', () => {
  const schema = {
    type: 'object', additionalProperties: false, required: ['period'],
    properties: { period: { title: '期间', description: '统计期间。', type: 'integer' }, day: { title: '日期', description: '日期。', type: 'string', format: 'date' } },
  };

  it('validates against the given schema and runs semantic rules on valid data', () => {
    const result = loadYamlSource<{ period: number }>('period: 3\n', 'p.yaml', {
      schema,
      noun: '进度文件',
      semantic: (value, ctx) => {
        if (value.period > 2) ctx.error(['period'], 'period-large', '期间太大');
      },
    });
    expect(result.diagnostics.map(at)).toEqual(['1:9 period-large']);
    expect(result.value).toBeUndefined();
  });

  it('skips semantic rules on invalid data unless asked', () => {
    let ran = false;
    const result = loadYamlSource('period: x\nday: 2026-02-30\n', 'p.yaml', { schema, semantic: () => { ran = true; } });
    expect(ran).toBe(false);
    expect(result.diagnostics.map(at)).toEqual(['1:9 schema-type', '2:6 date-format']);
    expect(result.diagnostics[0]?.message).toBe('期间（period）应为整数，现在是文字“x”');
  });

  it('uses the noun in file-level messages', () => {
    expect(loadYamlSource('', 'p.yaml', { schema, noun: '进度文件' }).diagnostics[0]?.message).toBe('进度文件是空的（或只有注释）');
  });
});
