import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'plans', 'changshou-2026.yaml');
let dir: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function editedExample(): string {
  return readFileSync(EXAMPLE, 'utf8')
    .replace(/value: 300\b/, 'value: 400')
    .replace('重点通过产业就业帮扶促进增收', '重点通过产业、就业帮扶促进稳定增收')
    .replace(/^date: 2026-01-14$/m, 'date: 2026-02-01');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-diff-'));
  copyFileSync(EXAMPLE, join(dir, 'old.yaml'));
  writeFileSync(join(dir, 'new.yaml'), editedExample());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plandoc diff OLD NEW', () => {
  it('lists the changes in plain Chinese and exits 0', () => {
    const result = runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('共 3 处修改。');
    expect(result.stdout).toContain('修改成文日期');
    expect(result.stdout).toContain('产业【增：、】就业帮扶促进【增：稳定】增收');
    expect(result.stdout).toContain('目标由300人次以上调整为400人次以上');
  });

  it('exits 1 with --exit-code when there are differences, 0 when there are none', () => {
    expect(runCli(['diff', 'old.yaml', 'new.yaml', '--exit-code'], { cwd: dir }).code).toBe(1);
    const same = runCli(['diff', 'old.yaml', 'old.yaml', '--exit-code'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('两个版本没有实质性差异');
  });

  it('writes JSON and a Markdown table', () => {
    const json = JSON.parse(runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['furniture', 'reworded', 'target']);
    const markdown = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'md'], { cwd: dir }).stdout;
    expect(markdown).toContain('| 序号 | 原内容 | 修改后内容 | 修改说明 |');
    expect(markdown).toContain('产**业、就**业帮扶促进**稳定**增收');
  });

  it('writes an official-format DOCX 修订对照表 with -o', async () => {
    const result = runCli(['diff', 'old.yaml', 'new.yaml', '-o', 'out/修订对照表.docx'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('已生成修订对照表 out/修订对照表.docx（3 处修改）');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', '修订对照表.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('修订对照表');
    expect(xml).toContain('<w:tbl>');
    for (const header of ['序号', '原内容', '修改后内容', '修改说明']) expect(xml).toContain(header);
    expect(xml).toContain('<w:br/>');
  });

  it('PL-01 #13: the 修订对照表 title breaks between words, never inside 乡村振兴', async () => {
    const retitled = (text: string) => text.replace(/^title: .*$/m, 'title: 长寿镇2026年全面推进乡村振兴重点工作计划');
    writeFileSync(join(dir, 'titled-old.yaml'), retitled(readFileSync(EXAMPLE, 'utf8')));
    writeFileSync(join(dir, 'titled-new.yaml'), retitled(editedExample()));
    const result = runCli(['diff', 'titled-old.yaml', 'titled-new.yaml', '-o', 'titled.docx'], { cwd: dir });
    expect(result.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'titled.docx')))).file('word/document.xml')!.async('string');
    const title = /<w:p>(?:(?!<\/w:p>).)*?修订对照表(?:(?!<\/w:p>).)*?<\/w:p>/s.exec(xml)![0];
    // the title's lines are runs separated by <w:br/>
    const lines = title.split('<w:br/>').map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(lines).toEqual(['长寿镇2026年全面推进乡村振兴重点', '工作计划修订对照表']);
  });

  it('refuses a DOCX on stdout as wrong usage', () => {
    const result = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'docx'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-o');
  });

  it('reports an invalid plan with file:line:col and exit 1, writing nothing', () => {
    writeFileSync(join(dir, 'broken.yaml'), readFileSync(EXAMPLE, 'utf8').replace(/^year: 2026$/m, 'year: 二〇二六'));
    const result = runCli(['diff', 'old.yaml', 'broken.yaml', '-o', 'broken.docx'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+: 错误/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
  });

  it('says which file is missing, exit 1', () => {
    const result = runCli(['diff', 'old.yaml', 'nope.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nope.yaml: 错误 [file-missing] 找不到文件“nope.yaml”');
  });

  it('refuses a GBK-encoded or binary file like check does, instead of comparing garbled text', () => {
    writeFileSync(join(dir, 'gbk.yaml'), readFileSync(join(ROOT, 'tests', 'fixtures', 'bad', 'gbk.yaml')));
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe]));
    const gbk = runCli(['diff', 'old.yaml', 'gbk.yaml'], { cwd: dir });
    expect(gbk.code).toBe(1);
    expect(gbk.stderr).toContain('gbk.yaml:1:1: 错误 [file-encoding] 文件不是 UTF-8 编码（看起来是 GBK 编码）');
    expect(gbk.stdout).toBe('');
    const binary = runCli(['diff', 'binary.yaml', 'old.yaml'], { cwd: dir });
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('binary.yaml:1:1: 错误 [file-binary]');
  });

  it('needs two files, or one file with --rev (exit 2)', () => {
    expect(runCli(['diff', 'old.yaml'], { cwd: dir }).code).toBe(2);
    expect(runCli(['diff', 'old.yaml', 'new.yaml', '--rev', 'HEAD'], { cwd: dir }).code).toBe(2);
    expect(runCli(['diff', 'old.yaml', 'new.yaml', '--to', 'HEAD'], { cwd: dir }).code).toBe(2);
  });
});

describe('plandoc diff FILE --rev', () => {
  let repo: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'plandoc-git-'));
    mkdirSync(join(repo, 'plans'));
    git(repo, 'init', '-q');
    copyFileSync(EXAMPLE, join(repo, 'plans', 'plan.yaml'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', '初稿');
    git(repo, 'tag', 'v1');
    writeFileSync(join(repo, 'plans', 'plan.yaml'), editedExample());
    git(repo, 'commit', '-q', '-am', '修改');
    // an uncommitted edit in the working tree
    writeFileSync(join(repo, 'plans', 'plan.yaml'), editedExample().replace(/^issuer: 长寿镇$/m, 'issuer: 长寿镇人民政府'));
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('compares a revision with the working tree', () => {
    const result = runCli(['diff', 'plans/plan.yaml', '--rev', 'HEAD'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('修订对照：HEAD:plans/plan.yaml → plans/plan.yaml');
    expect(result.stdout).toContain('共 1 处修改。');
    expect(result.stdout).toContain('修改署名');
  });

  it('compares two revisions, from a subdirectory too', () => {
    const result = runCli(['diff', 'plan.yaml', '--rev', 'v1', '--to', 'HEAD'], { cwd: join(repo, 'plans') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('修订对照：v1:plans/plan.yaml → HEAD:plans/plan.yaml');
    expect(result.stdout).toContain('共 3 处修改。');
  });

  it('says so in Chinese when the revision does not exist (exit 1)', () => {
    const result = runCli(['diff', 'plans/plan.yaml', '--rev', 'no-such-rev'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('版本 “no-such-rev” 不存在');
  });

  it('says so when the file did not exist in that revision (exit 1)', () => {
    writeFileSync(join(repo, 'plans', 'other.yaml'), readFileSync(EXAMPLE, 'utf8'));
    const result = runCli(['diff', 'plans/other.yaml', '--rev', 'HEAD'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('中没有文件 plans/other.yaml');
  });

  it('checks the encoding of a file as stored in a revision', () => {
    const gbk = readFileSync(join(ROOT, 'tests', 'fixtures', 'bad', 'gbk.yaml'));
    writeFileSync(join(repo, 'plans', 'gbk.yaml'), gbk);
    git(repo, 'add', 'plans/gbk.yaml');
    git(repo, 'commit', '-q', '-m', 'GBK 文件');
    writeFileSync(join(repo, 'plans', 'gbk.yaml'), readFileSync(EXAMPLE));
    const result = runCli(['diff', 'plans/gbk.yaml', '--rev', 'HEAD'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HEAD:plans/gbk.yaml:1:1: 错误 [file-encoding]');
  });

  it('says so when the file is not in a git repository (exit 1)', () => {
    const result = runCli(['diff', 'old.yaml', '--rev', 'HEAD'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不在 git 仓库里');
  });

  it('works as a git textconv: git diff shows the outline without renumbering noise', () => {
    git(repo, 'config', 'diff.plandoc.textconv', `"${process.execPath}" "${join(ROOT, 'bin', 'plandoc.js')}" diff --textconv`);
    writeFileSync(join(repo, '.gitattributes'), 'plans/*.yaml diff=plandoc\n');
    const output = git(repo, 'diff', 'v1', '--', 'plans/plan.yaml');
    expect(output).toContain('-      对有劳动能力的监测对象，重点通过产业就业帮扶促进增收');
    expect(output).toContain('+成文日期：2026年2月1日');
    expect(output).toContain('+  转移就业培训（transfer-training，属于 employment-scale）：400人次以上');
    expect(output).not.toMatch(/^[-+]\s*[一二三四五六]、/m);
  });

  it('works as a git external diff driver: git diff shows the semantic change list', () => {
    const command = `"${process.execPath}" "${join(ROOT, 'bin', 'plandoc.js')}" diff --git-external`;
    writeFileSync(join(repo, '.gitattributes'), 'plans/*.yaml diff=plandoc\n');
    const output = execFileSync('git', ['-c', `diff.plandoc.command=${command}`, 'diff', 'v1', '--', 'plans/plan.yaml'], { cwd: repo, encoding: 'utf8' });
    expect(output).toContain('修订对照：a/plans/plan.yaml → b/plans/plan.yaml');
    expect(output).toContain('共 4 处修改。');
    expect(output).toContain('目标由300人次以上调整为400人次以上');
    writeFileSync(join(repo, 'plans', 'new-plan.yaml'), readFileSync(EXAMPLE, 'utf8'));
    git(repo, 'add', 'plans/new-plan.yaml');
    const added = execFileSync('git', ['-c', `diff.plandoc.command=${command}`, 'diff', '--cached', '--', 'plans/new-plan.yaml'], { cwd: repo, encoding: 'utf8' });
    expect(added).toContain('新增计划文件 plans/new-plan.yaml');
  });
});
