// `plandoc check` and `plandoc schema` through the built command: real
// processes, real exit codes, the bad-file corpus, never a stack trace.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import type { CliResult } from '../helpers/cli.js';

const BAD = 'tests/fixtures/bad';
const MINIMAL = 'tests/fixtures/minimal-plan.yaml';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plandoc-check-'));
});

function expectNoStackTrace(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+[:(]/);
  expect(result.stderr).not.toContain('内部错误');
}

function tempFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('plandoc check: valid input', () => {
  it('exits 0 and says the file has no problems', () => {
    const result = runCli(['check', MINIMAL]);
    expect(result).toMatchObject({ code: 0, stdout: `${MINIMAL}：没有问题\n`, stderr: '' });
  });

  it('passes every example plan and progress file in plans/', () => {
    const files = readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.yaml')).map((f) => `plans/${f}`);
    expect(files).toEqual(expect.arrayContaining(['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml']));
    const result = runCli(['check', ...files]);
    expect(result.stdout).not.toContain('错误');
    expect(result.code).toBe(0);
    // the half-year example leaves one metric unreported on purpose: check names it
    const warned = 'plans/changshou-2026-h1.yaml';
    expect(result.stdout).toContain(`${warned}:15:1: 警告 [value-missing]`);
    expect(result.stdout).toContain(`${warned}：1 个警告`);
    for (const file of files.filter((f) => f !== warned)) expect(result.stdout).toContain(`${file}：没有问题`);
  });

  it('exits 0 with warnings only, and shows them', () => {
    const file = tempFile('warn.yaml', readFileSync(join(ROOT, MINIMAL), 'utf8').replace('date: 2026-01-14', 'date: 2020-01-14'));
    const result = runCli(['check', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file}:6:7: 警告 [date-year] 成文日期是 2020 年，但计划年度（year）是 2026 年`);
    expect(result.stdout).toContain('共 1 个警告');
  });
});

describe('plandoc check: the bad-file corpus', () => {
  it.each([
    ['tabs.yaml', '5:1', 'yaml-tab', '第 1 列是制表符（Tab）：YAML 的缩进只能用空格'],
    ['bad-indent.yaml', '6:1', 'yaml-indent', '缩进没有对齐'],
    ['duplicate-keys.yaml', '3:1', 'duplicate-key', '键“title”在同一层出现了两次'],
    ['wrong-types.yaml', '2:7', 'schema-type', '计划年度（year）应为整数，现在是文字“2026年”'],
    ['misspelt-keys.yaml', '5:5', 'unknown-key', '不认识的键“txet”'],
    ['empty.yaml', '1:1', 'empty-file', '计划文件是空的（或只有注释）'],
    ['comments-only.yaml', '1:1', 'empty-file', '计划文件是空的（或只有注释）'],
    ['top-level-list.yaml', '1:1', 'top-level-list', '计划文件最外层是一个列表'],
    ['top-level-scalar.yaml', '1:1', 'top-level-scalar', '计划文件里只有一段文字'],
    ['binary-garbage.yaml', '1:1', 'file-binary', '这不是文本文件（含有二进制内容）'],
    ['alias-bomb.yaml', '2:8', 'yaml-alias-bomb', '别名（*名称）展开后内容过多'],
    ['control-chars.yaml', '1:10', 'control-char', '这里有一个看不见的控制字符（U+0007）'],
    ['huge-number.yaml', '2:7', 'number-too-large', '数字 1e+23 太大'],
    ['deep-nesting.yaml', '11:17', 'section-too-deep', '章节最多四级'],
    ['unclosed-quote.yaml', '1:8', 'yaml-quote', '引号没有闭合'],
    ['gbk.yaml', '1:1', 'file-encoding', '文件不是 UTF-8 编码（看起来是 GBK 编码）'],
    ['multiple-docs.yaml', '6:1', 'yaml-multiple-docs', '文件里有多份 YAML 文档'],
    ['colon-in-text.yaml', '5:13', 'yaml-colon-in-value', '文字里有英文冒号加空格“: ”：YAML 把它前面的文字当成了键'],
  ])('%s: exit 1 with a clear message at %s', (name, where, code, message) => {
    const result = runCli(['check', `${BAD}/${name}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${BAD}/${name}:${where}: 错误 [${code}] ${message}`);
    expect(result.stdout).toContain('    提示：');
    expect(result.stdout).toMatch(/共 \d+ 个错误/);
    expectNoStackTrace(result);
  });

  it('every corpus file is covered by the table above', () => {
    const covered = ['tabs', 'bad-indent', 'duplicate-keys', 'wrong-types', 'misspelt-keys', 'empty', 'comments-only', 'top-level-list', 'top-level-scalar',
      'binary-garbage', 'alias-bomb', 'control-chars', 'huge-number', 'deep-nesting', 'unclosed-quote', 'gbk', 'multiple-docs', 'colon-in-text', 'bom'];
    expect(readdirSync(join(ROOT, BAD)).map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(covered.sort());
  });

  it('accepts a byte-order mark silently', () => {
    expect(runCli(['check', `${BAD}/bom.yaml`])).toMatchObject({ code: 0, stdout: `${BAD}/bom.yaml：没有问题\n` });
  });

  it('shows the offending line with a caret under the column', () => {
    const { stdout } = runCli(['check', `${BAD}/wrong-types.yaml`]);
    expect(stdout).toContain('  2 | year: "2026年"\n    |       ^\n');
  });

  it('refuses a 50 MB file quickly without reading it into the parser', () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, 'title: 示例\n');
    truncateSync(big, 50 * 1024 * 1024);
    const started = Date.now();
    const result = runCli(['check', big]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${big}: 错误 [file-too-large] 文件太大（50.0 MB），超过了 5 MB 的上限`);
    expectNoStackTrace(result);
  });

  it('reports a missing file, a directory and a non-YAML file with exit 1', () => {
    const result = runCli(['check', 'plans/nope.yaml', 'tests', 'README.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('plans/nope.yaml: 错误 [file-missing] 找不到文件“plans/nope.yaml”');
    expect(result.stdout).toContain('tests: 错误 [not-yaml]');
    expect(result.stdout).toContain('README.md: 错误 [not-yaml]');
    expectNoStackTrace(result);
  });

  it('reports a directory named like a YAML file', () => {
    const dirYaml = join(tmp, 'dir.yaml');
    mkdirSync(dirYaml);
    const result = runCli(['check', dirYaml]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${dirYaml}: 错误 [file-directory] “${dirYaml}”是一个文件夹，不是文件`);
  });

  it('checks every file and reports all of them in one run', () => {
    const result = runCli(['check', MINIMAL, `${BAD}/tabs.yaml`, `${BAD}/wrong-types.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${MINIMAL}：没有问题\n`);
    expect(result.stdout).toContain(`${BAD}/tabs.yaml：1 个错误\n`);
    expect(result.stdout).toContain(`${BAD}/wrong-types.yaml：4 个错误\n`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('共 5 个错误（3 个文件）');
  });

  it('checks progress files through the progress loader', () => {
    const result = runCli(['check', tempFile('progress.yaml', 'period: 第一季度\n')]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('progress-unsupported');
    expect(result.stdout).toMatch(/progress\.yaml:1:9: 错误/);
    expectNoStackTrace(result);
  });
});

describe('plandoc check: semantic rules', () => {
  it('reports every broken rule with its position in one run', () => {
    const file = 'tests/fixtures/semantic-errors.yaml';
    const result = runCli(['check', file]);
    expect(result.code).toBe(1);
    const headers = result.stdout.split('\n').filter((line) => line.startsWith(file)).map((line) => line.slice(file.length + 1).replace(/\] .*/, ']'));
    expect(headers).toEqual([
      '4:7: 错误 [date-invalid]', '5:9: 错误 [placeholder]', '6:12: 错误 [unknown-citation]', '8:12: 错误 [heading-number]',
      '12:9: 错误 [duplicate-id]', '13:5: 错误 [section-empty]', '18:5: 警告 [metric-not-in-text]', '18:37: 错误 [percent-range]',
      '20:5: 错误 [unit-missing]', '22:33: 错误 [range-order]', '23:11: 错误 [unknown-task]', '27:5: 警告 [metric-not-in-text]',
    ]);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('共 10 个错误、2 个警告');
  });

  it('survives absurdly deep YAML nesting with a message', () => {
    const flow = tempFile('deep-flow.yaml', `a: ${'['.repeat(100000)}${']'.repeat(100000)}\n`);
    const block = tempFile('deep-block.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'));
    for (const file of [flow, block]) {
      const result = runCli(['check', file]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('错误 [yaml-too-deep] 嵌套层次太深，无法读取');
      expectNoStackTrace(result);
    }
  });
});

describe('plandoc check --format json', () => {
  it('prints only a JSON array of diagnostics on stdout', () => {
    const result = runCli(['check', '--format', 'json', `${BAD}/misspelt-keys.yaml`, MINIMAL]);
    expect(result.code).toBe(1);
    const diags = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(diags).toHaveLength(4);
    expect(diags[2]).toEqual({
      file: `${BAD}/misspelt-keys.yaml`, line: 5, column: 5, severity: 'error', code: 'unknown-key',
      message: '不认识的键“txet”', hint: '是不是想写“text”（正文）？',
    });
  });

  it('prints an empty array and exits 0 for a valid file', () => {
    expect(runCli(['check', '--format', 'json', MINIMAL])).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});

describe('plandoc check: wrong usage exits 2', () => {
  it.each([
    [['check'], '缺少参数'],
    [['check', '--format', 'xml', MINIMAL], '选项 --format <格式> 的值 “xml” 不对'],
    [['check', '--colour', MINIMAL], '不认识的选项 --colour'],
  ])('%j', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expectNoStackTrace(result);
  });

  it('explains itself in Chinese', () => {
    const result = runCli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('检查计划文件');
    expect(result.stdout).toContain('--format <格式>');
  });
});

describe('plandoc schema', () => {
  const schemaText = () => readFileSync(join(ROOT, 'src/schema/plan.schema.json'), 'utf8');

  it('prints the plan schema', () => {
    const result = runCli(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(schemaText()));
  });

  it('writes the schema to a file with -o', () => {
    const out = join(tmp, 'out', 'plan.schema.json');
    const result = runCli(['schema', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(schemaText());
  });

  it('exits 1 with a Chinese message when the file cannot be written', () => {
    const blocker = tempFile('blocker', 'x');
    const result = runCli(['schema', '-o', join(blocker, 'plan.schema.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法写入');
    expectNoStackTrace(result);
  });
});

describe('check reports writing conventions (plandoc lint) as warnings', () => {
  it('warns about half-width punctuation at its line and column, and still exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-check-lint-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(
      file,
      'title: 测试计划\nyear: 2026\nissuer: 长寿镇\nsections:\n  - title: 总体要求\n    text: 以习近平新时代中国特色社会主义思想为指导,深入学习。\n',
    );
    const result = runCli(['check', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file}:6:31: 警告 [TX-01]`);
    expect(result.stdout).toContain('共 1 个警告');
  });
});
