// `plandoc diff OLD NEW -o 修订稿.docx --track-changes` as a user runs it:
// the file, its author and date (from the options or from git), and the
// Chinese messages for wrong usage.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { documentXml, paragraphTexts, renderText, resolve, textsOf } from './track-support.js';

const EXAMPLE = join(ROOT, 'plans', 'changshou-2026.yaml');
const EDITED = readFileSync(EXAMPLE, 'utf8').replace('重点通过产业就业帮扶促进增收', '重点通过产业、就业帮扶促进稳定增收');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-track-'));
  copyFileSync(EXAMPLE, join(dir, 'old.yaml'));
  writeFileSync(join(dir, 'new.yaml'), EDITED);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function revisionAttributes(docx: Uint8Array): string[] {
  return [...new Set([...documentXml(docx).matchAll(/<w:(?:ins|del) (w:id="\d+" )?(w:author="[^"]*"(?: w:date="[^"]*")?)/g)].map((m) => m[2]!))];
}

describe('plandoc diff --track-changes', () => {
  it('writes the 修订稿 whose accepted text is the new render and rejected text the old one', async () => {
    const result = runCli(['diff', 'old.yaml', 'new.yaml', '-o', '修订稿.docx', '--track-changes'], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('已生成修订稿 修订稿.docx（插入 2 处、删除 0 处、移动 0 处；修订人 plandoc）\n');
    const docx = new Uint8Array(readFileSync(join(dir, '修订稿.docx')));
    expect(revisionAttributes(docx)).toEqual(['w:author="plandoc"']);
    const xml = documentXml(docx);
    expect(paragraphTexts(resolve(xml, 'accept'))).toEqual(textsOf(await renderText(EXAMPLE, EDITED)));
    expect(paragraphTexts(resolve(xml, 'reject'))).toEqual(textsOf(await renderText(EXAMPLE, readFileSync(EXAMPLE, 'utf8'))));
  });

  it('takes the author and date from --author and --date, and gives the same bytes twice', () => {
    const args = ['diff', 'old.yaml', 'new.yaml', '--track-changes', '--author', '镇党政办', '--date', '2026-03-01T09:30'];
    expect(runCli([...args, '-o', 'a.docx'], { cwd: dir }).code).toBe(0);
    expect(runCli([...args, '-o', 'b.docx'], { cwd: dir }).code).toBe(0);
    const first = readFileSync(join(dir, 'a.docx'));
    expect(first.equals(readFileSync(join(dir, 'b.docx')))).toBe(true);
    expect(revisionAttributes(new Uint8Array(first))).toEqual(['w:author="镇党政办" w:date="2026-03-01T09:30:00"']);
  });

  it('with --rev … --to takes the commit\'s author and date; with --rev alone git\'s user.name', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'plans'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: repo, encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: '李秘书', GIT_AUTHOR_EMAIL: 'li@example.com', GIT_COMMITTER_NAME: '李秘书', GIT_COMMITTER_EMAIL: 'li@example.com', GIT_AUTHOR_DATE: '2026-02-03T10:20:30+08:00' },
    });
    git('init', '-q');
    git('config', 'user.name', '王主任');
    copyFileSync(EXAMPLE, join(repo, 'plans/plan.yaml'));
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    git('tag', 'v1');
    writeFileSync(join(repo, 'plans/plan.yaml'), EDITED);
    git('commit', '-q', '-am', 'v2');
    const committed = runCli(['diff', 'plans/plan.yaml', '--rev', 'v1', '--to', 'HEAD', '-o', '修订稿.docx', '--track-changes'], { cwd: repo });
    expect(committed.stderr).toContain('修订人 李秘书，2026-02-03 10:20:30');
    expect(committed.code).toBe(0);
    expect(revisionAttributes(new Uint8Array(readFileSync(join(repo, '修订稿.docx'))))).toEqual(['w:author="李秘书" w:date="2026-02-03T10:20:30"']);
    const working = runCli(['diff', 'plans/plan.yaml', '--rev', 'v1', '-o', '工作区.docx', '--track-changes'], { cwd: repo });
    expect(working.code).toBe(0);
    expect(revisionAttributes(new Uint8Array(readFileSync(join(repo, '工作区.docx'))))).toEqual(['w:author="王主任"']);
  });

  it.each([
    [['old.yaml', 'new.yaml', '--track-changes'], '--track-changes 需要用 -o 指定输出的 .docx 文件，例如 -o 修订稿.docx'],
    [['old.yaml', 'new.yaml', '--track-changes', '-o', '修订稿.md'], '--track-changes 需要用 -o 指定输出的 .docx 文件'],
    [['old.yaml', 'new.yaml', '--track-changes', '-o', 'x.docx', '--format', 'md'], '--track-changes 生成 .docx 修订稿，不能用 --format md'],
    [['old.yaml', 'new.yaml', '--author', '张三'], '--author 和 --date 只用于 --track-changes'],
    [['old.yaml', 'new.yaml', '--track-changes', '-o', 'x.docx', '--date', '2026-02-30'], '--date “2026-02-30”不是有效的日期'],
    [['old.yaml', 'new.yaml', '--track-changes', '-o', 'x.docx', '--author', ' '], '--author 后面要写修订人的名字'],
  ])('refuses wrong usage in Chinese with exit 2: %j', (args, message) => {
    const result = runCli(['diff', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('refuses a plan against a progress file, and a plan with errors, writing nothing', () => {
    copyFileSync(join(ROOT, 'plans', 'changshou-2026-h1.yaml'), join(dir, 'progress.yaml'));
    const kinds = runCli(['diff', 'old.yaml', 'progress.yaml', '--track-changes', '-o', 'x.docx'], { cwd: dir });
    expect(kinds.code).toBe(1);
    expect(kinds.stderr).toContain('只能比较同一种文件的两个版本');
    writeFileSync(join(dir, 'broken.yaml'), EDITED.replace('year: 2026', 'year: 二〇二六'));
    const broken = runCli(['diff', 'old.yaml', 'broken.yaml', '--track-changes', '-o', 'x.docx'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: 错误/);
    expect(hasStackTrace(broken.stderr)).toBe(false);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('writes the 修订稿 of a summary from two revisions of a progress file in git (its plan found beside it)', () => {
    const repo = join(dir, 'progress-repo');
    mkdirSync(join(repo, 'plans'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    copyFileSync(EXAMPLE, join(repo, 'plans/changshou-2026.yaml'));
    const progress = readFileSync(join(ROOT, 'plans', 'changshou-2026-h1.yaml'), 'utf8');
    writeFileSync(join(repo, 'plans/h1.yaml'), progress);
    git('add', '.');
    git('commit', '-qm', 'v1');
    writeFileSync(join(repo, 'plans/h1.yaml'), progress.replace('value: 180, unit: 人次', 'value: 210, unit: 人次'));
    const result = runCli(['diff', 'plans/h1.yaml', '--rev', 'HEAD', '-o', '总结修订稿.docx', '--track-changes', '--author', '测试'], { cwd: repo });
    expect(result.stderr).toMatch(/^已生成修订稿 总结修订稿\.docx（插入 [1-9]\d* 处、删除 [1-9]\d* 处/);
    expect(result.code).toBe(0);
    const xml = documentXml(new Uint8Array(readFileSync(join(repo, '总结修订稿.docx'))));
    expect(xml).toMatch(/<w:delText xml:space="preserve">[^<]*180[^<]*<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">[^<]*210/s);
  });

  it('explains the option in Chinese in --help', () => {
    const help = runCli(['diff', '--help']).stdout;
    expect(help).toContain('--track-changes');
    expect(help).toContain('生成修订稿');
    expect(help).toContain('--author <名字>');
    expect(help).toContain('--date <日期>');
  });
});
