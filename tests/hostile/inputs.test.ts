// #19: inputs that are not regular files, templates outside their folder.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBounded } from '../../src/io/read.js';
import { BIN, runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { planCopy, scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function workDir(): string {
  const dir = scratch('plandoc-hostile-');
  dirs.push(dir);
  return dir;
}

describe('reading refuses what is not a regular file', () => {
  it('reads /dev/zero only up to the bound, by bytes actually read', async () => {
    // stat size of a character device is 0: the old check let it through and read forever
    const result = await readBounded('/dev/zero', 1024);
    expect(result.refusal).toEqual({ kind: 'special', what: '设备文件' });
  });

  it('bounds an endless pipe by the bytes read', async () => {
    const dir = workDir();
    const link = join(dir, 'endless.yaml');
    symlinkSync('/proc/self/fd/0', link);
    const result = runCli(['check', link], { input: 'x'.repeat(64 * 1024) });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it.each([
    ['a device', (dir: string) => symlinkSync('/dev/zero', join(dir, 'p.yaml')), '设备文件'],
    ['a FIFO without a writer', (dir: string) => execFileSync('mkfifo', [join(dir, 'p.yaml')]), '命名管道（FIFO）'],
  ])('%s is refused in Chinese by every reading command, without blocking', (_name, make, what) => {
    const dir = workDir();
    make(dir);
    const file = join(dir, 'p.yaml');
    for (const args of [['check', file], ['render', file, '-o', join(dir, 'out')], ['lint', file], ['status', file], ['rollover', file, '-o', join(dir, 'n.yaml')]]) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).toContain(`是${what}，不是普通文件`);
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('build over a folder holding a device link, a FIFO and an oversized file fails those in Chinese and renders the rest', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans'));
    planCopy(join(dir, 'plans'));
    symlinkSync('/dev/zero', join(dir, 'plans', 'zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'plans', 'pipe.yaml')]);
    writeFileSync(join(dir, 'plans', 'huge.yaml'), `sections:\n${'  - title: 项目\n'.repeat(400_000)}`);
    for (let run = 0; run < 2; run++) {
      // the second run has a manifest: an unreadable file is looked at again, never 未变 or skipped
      const result = runCli(['build', 'plans', '-o', 'out', '--to', 'md'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('“plans/zero.yaml”是设备文件');
      expect(result.stderr).toContain('“plans/pipe.yaml”是命名管道（FIFO）');
      expect(result.stderr).toMatch(/plans\/huge\.yaml: 错误 \[file-too-large\]/);
      expect(result.stderr).toContain(run === 0 ? '生成 1 个，未变 0 个，失败 3 个' : '生成 0 个，未变 1 个，失败 3 个');
      expect(result.stderr).not.toContain('跳过');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    expect(existsSync(join(dir, 'out', 'plan.md'))).toBe(true);
  });

  it('build does not wait on a manifest that is a FIFO', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'out'));
    planCopy(join(dir, 'plans'));
    execFileSync('mkfifo', [join(dir, 'out', '.plandoc-build.json')]);
    const result = runCli(['build', 'plans', '-o', 'out', '--to', 'md'], { cwd: dir });
    expect(result.stderr).toContain('生成 1 个');
    expect(existsSync(join(dir, 'out', 'plan.md'))).toBe(true);
  });

  it('diff --textconv (git\'s outline reader) refuses a FIFO and a device in Chinese instead of waiting or reading forever', () => {
    const dir = workDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    for (const [name, what] of [['pipe.yaml', '命名管道（FIFO）'], ['zero.yaml', '设备文件']]) {
      const result = runCli(['diff', '--textconv', name!], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`“${name}”是${what}，不是普通文件`);
      expect(result.stdout).toBe('');
    }
  });

  it('render --watch of a FIFO reports it and starts watching instead of waiting on it', async () => {
    const dir = workDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const child = spawn(process.execPath, [BIN, 'render', '--watch', 'pipe.yaml', '-o', 'out'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    for (let waited = 0; !stderr.includes('正在监视') && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGKILL');
    expect(stderr).toContain('命名管道（FIFO）');
    expect(stderr).toContain('正在监视');
  });

  it('a configuration file that is a FIFO is refused, not waited on', () => {
    const dir = workDir();
    execFileSync('mkfifo', [join(dir, 'plandoc.config.yaml')]);
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out')], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('plandoc.config.yaml”是命名管道（FIFO）');
  });
});

describe('templates are read only as regular files inside the templates folder', () => {
  it('a partial that is a symlink to a file outside the folder is refused, and its content never reaches the output', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), '机密内容');
    symlinkSync(join(dir, 'secret.txt'), join(templates, 'partials', 'note.hbs'));
    writeFileSync(join(templates, 'plan.md.hbs'), '# 测试计划\n\n{{> note}}\n');
    const out = join(dir, 'out');
    const result = runCli(['render', planCopy(dir), '-o', out, '--templates', templates]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('note.hbs');
    expect(result.stderr).toContain('模板目录之外');
    expect(result.stderr + result.stdout).not.toContain('机密内容');
    expect(existsSync(out)).toBe(false);
  });

  it('a symlinked partials folder pointing elsewhere is refused too', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    mkdirSync(templates);
    writeFileSync(join(dir, 'elsewhere', 'note.hbs'), '机密内容');
    symlinkSync(join(dir, 'elsewhere'), join(templates, 'partials'));
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out'), '--templates', templates]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('模板目录之外');
  });

  it('a symlink that stays inside the templates folder still works', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(templates, 'shared.hbs'), '共用段落');
    symlinkSync(join(templates, 'shared.hbs'), join(templates, 'partials', 'note.hbs'));
    writeFileSync(join(templates, 'plan.md.hbs'), '# 测试计划\n\n{{> note}}\n');
    const out = join(dir, 'out');
    const result = runCli(['render', planCopy(dir), '-o', out, '--templates', templates, '--to', 'md']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'plan.md'), 'utf8')).toContain('共用段落');
  });

  it('a folder named x.hbs is a Chinese error, not 内部错误', () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'partials', 'x.hbs'), { recursive: true });
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out'), '--templates', templates]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x.hbs”是一个文件夹');
    expect(result.stderr).not.toContain('内部错误');
  });
});
