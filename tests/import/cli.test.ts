// `plandoc import` as a user runs it: default output name, no overwriting
// without --force, -o -, the Chinese report on stderr, exit codes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const REFERENCE = join(ROOT, 'tests/fixtures/reference/004_songtao-2022-plan.txt');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-import-'));
});

describe('plandoc import', () => {
  it('writes <name>.yaml in the current directory and reports what it recognised and doubts', () => {
    const result = runCli(['import', REFERENCE], { cwd: dir });
    expect(result.code).toBe(0);
    const output = join(dir, '004_songtao-2022-plan.yaml');
    expect(readFileSync(output, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/plan\.schema\.json\ntitle: 松涛镇/);
    expect(result.stderr).toContain(`${REFERENCE}:1: 已识别：标题：松涛镇2022年度巩固脱贫攻坚成果同乡村振兴有效衔接工作方案`);
    expect(result.stderr).toContain(`${REFERENCE}:25: 警告：编号从“10.”跳到“13.”，缺少“11.”、“12.”`);
    expect(result.stderr).toContain('已识别：开头段 1 段，引用上级文件 1 个（basis）');
    expect(result.stderr).toContain('推测：从正文里识别出指标 6 个');
    expect(result.stderr).toContain('已写入 004_songtao-2022-plan.yaml');
    // the schema the first line points at, written into the writer's folder (relative, works in any clone)
    expect(readdirSync(dir).sort()).toEqual(['004_songtao-2022-plan.yaml', 'schema']);
    expect(readFileSync(join(dir, 'schema', 'plan.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
  });

  it('gives a file that plandoc check accepts (when check is available)', () => {
    runCli(['import', REFERENCE], { cwd: dir });
    const check = runCli(['check', join(dir, '004_songtao-2022-plan.yaml')]);
    if (check.stderr.includes('不认识的命令')) return; // check not registered in this build
    expect(check.code).toBe(0);
  });

  it('never overwrites an existing file unless --force', () => {
    const output = join(dir, 'plan.yaml');
    writeFileSync(output, 'keep me\n');
    const refused = runCli(['import', REFERENCE, '-o', output]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已经存在，没有覆盖');
    expect(readFileSync(output, 'utf8')).toBe('keep me\n');
    const forced = runCli(['import', REFERENCE, '-o', output, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('title: 松涛镇');
  });

  it('prints the YAML to stdout with -o - and writes nothing', () => {
    const result = runCli(['import', REFERENCE, '-o', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('level3: continue');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a missing file and an unsupported type as input errors', () => {
    const missing = runCli(['import', join(dir, 'nope.txt')], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到这个文件');
    const sheet = join(dir, 'plan.xls');
    writeFileSync(sheet, 'x');
    const unsupported = runCli(['import', sheet], { cwd: dir });
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain('不支持的文件类型“.xls”，只能导入 .txt、.md、.docx、.doc、.wps、.rtf 和 .pdf');
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'nope.yaml'))).toBe(false);
  });

  it('reads a GBK-encoded text file and says so', () => {
    const gbk = join(dir, 'old.txt');
    // "长寿镇2026年工作计划\n一、总体要求\n坚持稳中求进。" in GBK
    writeFileSync(gbk, Buffer.from('b3a4cad9d5f232303236c4eab9a4d7f7bcc6bbae0ad2bba1a2d7dccce5d2aac7f30abce1b3d6cec8d6d0c7f3bdf8a1a30a', 'hex'));
    const result = runCli(['import', gbk, '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('已按 GB18030 编码读取');
    expect(result.stdout).toContain('title: 长寿镇2026年工作计划');
    expect(result.stdout).toContain('text: 坚持稳中求进。');
  });

  it('imports an .rtf through LibreOffice, and says how to do without it when LibreOffice is missing', () => {
    const rtf = join(dir, 'old.rtf');
    // RTF spells Chinese as \uN? escapes; one paragraph per \par
    const escape = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0) > 32767 ? c.charCodeAt(0) - 65536 : c.charCodeAt(0)}?`).join('');
    const lines = ['长寿镇2026年工作计划', '一、总体要求', '坚持稳中求进。', '二、重点任务', '（一）发展产业', '培育特色产业2个以上。'];
    writeFileSync(rtf, `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 ${lines.map((l) => `${escape(l)}\\par`).join('\n')}}`);
    const result = runCli(['import', rtf, '-o', '-'], { cwd: dir });
    expect(result.stderr).not.toContain('内部错误');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('title: 长寿镇2026年工作计划');
    expect(result.stdout).toMatch(/- id: s2\n\s+title: 重点任务\n\s+children:\n\s+- id: s2-1\n\s+title: 发展产业/);
    const without = runCli(['import', rtf, '-o', '-'], { cwd: dir, env: { PATH: '/nonexistent' } });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(`${rtf}：导入 .rtf 文件需要 LibreOffice，但这台电脑上没有找到（soffice）`);
    expect(without.stderr).toContain('另存为 .docx 再导入');
  });

  it('says where the output goes in its help', () => {
    const help = runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('默认：当前目录下与输入同名的 .yaml');
  });
});

describe('from last year\'s text plan to a checked, rendered plan', () => {
  const FIXTURE = join(ROOT, 'tests/fixtures/import/qingshan-2025-plan.txt');

  it('imports, passes check and renders with corrected numbering and the numbers back in place', () => {
    const imported = runCli(['import', FIXTURE], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`${FIXTURE}:13: 警告：编号从“（一）”跳到“（三）”，缺少“（二）”`);
    expect(imported.stderr).toContain(`${FIXTURE}:18: 警告：编号从“4.”跳到“7.”，缺少“5.”、“6.”`);
    const plan = join(dir, 'qingshan-2025-plan.yaml');
    const check = runCli(['check', plan]);
    expect(check.code).toBe(0);
    const render = runCli(['render', plan, '--to', 'md', '-o', join(dir, 'out')]);
    expect(render.code).toBe(0);
    const markdown = readFileSync(join(dir, 'out', 'qingshan-2025-plan.md'), 'utf8');
    expect(markdown).toContain('根据《县农业农村局关于做好2025年农村人居环境整治工作的通知》（县农发〔2025〕8号）精神');
    expect(markdown).toMatch(/^#+ （二）治理生活污水$/m);
    expect(markdown.replace(/\*\*/g, '')).toContain('5.推进美丽庭院。创建美丽庭院示范户50户以上。');
    expect(markdown).toContain('全年完成农村户厕改造120户以上，生活垃圾无害化处理率不低于95%，村庄清洁行动覆盖率达100%，实现“垃圾分类”全覆盖。');
    expect(markdown).toContain('每村配备管护员1—2名');
    expect(markdown).toMatch(/date: 2025-02-18/);
  });
});
