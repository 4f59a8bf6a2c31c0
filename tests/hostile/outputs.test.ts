// #19: every write goes through src/io: real paths against the output root,
// collisions, virtual file systems, converter results, the build manifest.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleScratch } from '../../src/docx/pdf.js';
import { removeStaleTemps } from '../../src/io/write.js';
import { runCli } from '../helpers/cli.js';
import { hasStackTrace } from '../fuzz/support.js';
import { mountTinyFs, planCopy, scratch } from '../faults/support.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function workDir(): string {
  const dir = scratch('plandoc-out-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A process id that is certainly not running (above the kernel's pid_max). */
const DEAD_PID = 4_194_305;

describe('outputs stay inside the output folder, by real path', () => {
  it('build does not follow a symlinked folder inside out/ to write elsewhere', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans', 'sub'), { recursive: true });
    planCopy(join(dir, 'plans', 'sub'));
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out', 'sub'));
    const result = runCli(['build', join(dir, 'plans'), '-o', join(dir, 'out'), '--to', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('输出目录之外');
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('render replaces a symlink at the output name instead of writing through it', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'precious.txt'), '别人的文件');
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'out', 'plan.md'));
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out'), '--to', 'md']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('别人的文件');
    expect(readFileSync(join(dir, 'out', 'plan.md'), 'utf8')).toContain('长寿镇');
  });

  it('x.yaml and x.yml in one build are refused, both named, and neither is called 未变', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans'));
    planCopy(join(dir, 'plans'), 'x.yaml');
    planCopy(join(dir, 'plans'), 'x.yml');
    const build = () => runCli(['build', 'plans', '-o', 'out', '--to', 'md'], { cwd: dir });
    for (const result of [build(), build()]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('plans/x.yaml 和 plans/x.yml 会生成同名的输出文件');
      expect(result.stderr).toContain('失败 0'.replace('0', '2'));
      expect(result.stderr).not.toContain('未变 plans');
    }
  });

  it.each(['/proc/plandoc-test/out', '/proc/self/plandoc', '/sys/plandoc'])('-o %s fails fast with a Chinese message', (out) => {
    const dir = workDir();
    for (const args of [['render', planCopy(dir), '-o', out], ['build', dir, '-o', out]]) {
      const result = runCli(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('系统的虚拟文件夹');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('a FIFO at an output name is refused, not written through', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'out'));
    runCliOk(['render', planCopy(dir), '-o', join(dir, 'out'), '--to', 'md']);
    rmSync(join(dir, 'out', 'plan.md'));
    mkdirSync(join(dir, 'out', 'plan.md'));
    const result = runCli(['render', join(dir, 'plan.yaml'), '-o', join(dir, 'out'), '--to', 'md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('已经有一个文件夹');
  });
});

function runCliOk(args: string[]): void {
  const result = runCli(args);
  expect(result.code, result.stderr).toBe(0);
}

describe('PDF: the converter result is checked, not an old file', () => {
  it('a LibreOffice that exits 0 without writing a PDF is a failure, and the old PDF is gone', () => {
    const dir = workDir();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'soffice'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'soffice'), 0o755);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'plan.pdf'), '%PDF-1.4 上一次的文件');
    const result = runCli(['render', planCopy(dir), '-o', join(dir, 'out'), '--to', 'pdf'], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('已生成');
    expect(result.stderr).toContain('LibreOffice 转换 PDF 失败');
    expect(existsSync(join(dir, 'out', 'plan.pdf'))).toBe(false);
  });
});

describe('stale temporary files and converter profiles are cleaned on the next run', () => {
  it('render removes .NAME.PID.tmp files of a killed run, and keeps those of a live one', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', `.plan.docx.${DEAD_PID}.tmp`), 'half');
    writeFileSync(join(dir, 'out', `.plan.md.${process.pid}.tmp`), 'in progress');
    runCliOk(['render', planCopy(dir), '-o', join(dir, 'out'), '--to', 'md']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([`.plan.md.${process.pid}.tmp`, 'plan.md']);
  });

  it('build removes them in sub-folders of out/ too', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans', 'sub'), { recursive: true });
    planCopy(join(dir, 'plans', 'sub'));
    mkdirSync(join(dir, 'out', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'out', 'sub', `.plan.docx.${DEAD_PID}.tmp`), 'half');
    runCliOk(['build', join(dir, 'plans'), '-o', join(dir, 'out'), '--to', 'md']);
    expect(readdirSync(join(dir, 'out', 'sub'))).toEqual(['plan.md']);
  });

  it('removeStaleTemps and removeStaleScratch remove only what dead processes left', async () => {
    const dir = workDir();
    mkdirSync(join(dir, `plandoc-lo-${DEAD_PID}-abc`, 'user'), { recursive: true });
    mkdirSync(join(dir, `plandoc-pdf-${process.pid}-abc`));
    mkdirSync(join(dir, 'plandoc-lo-unrelated'));
    writeFileSync(join(dir, `.x.yaml.${DEAD_PID}.tmp`), '');
    writeFileSync(join(dir, 'notes.tmp'), '');
    expect(await removeStaleScratch(dir)).toEqual([`plandoc-lo-${DEAD_PID}-abc`]);
    expect(await removeStaleTemps(dir)).toEqual([`.x.yaml.${DEAD_PID}.tmp`]);
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'plandoc-lo-unrelated', `plandoc-pdf-${process.pid}-abc`]);
    expect(tmpdir()).toBeTruthy();
  });
});

describe('the build manifest records what is in out/', () => {
  it('an output changed behind the manifest (an interrupted build, an undone edit) is rendered again, not called 未变', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans'));
    const plan = planCopy(join(dir, 'plans'));
    const build = () => runCli(['build', 'plans', '-o', 'out', '--to', 'md'], { cwd: dir });
    expect(build().code).toBe(0);
    const good = readFileSync(join(dir, 'out', 'plan.md'), 'utf8');
    // what an interrupted build of an edit leaves: the edited output, the old manifest
    writeFileSync(plan, readFileSync(plan, 'utf8').replaceAll('长寿镇', '短寿镇'));
    const edited = runCli(['render', plan, '-o', 'out', '--to', 'md'], { cwd: dir });
    expect(edited.code).toBe(0);
    cpSync(join(ROOT_PLAN), plan);
    const result = build();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('生成 1 个，未变 0 个');
    expect(readFileSync(join(dir, 'out', 'plan.md'), 'utf8')).toBe(good);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', '.plandoc-build.json'), 'utf8'));
    expect(manifest.files['plan.yaml'].hashes).toHaveLength(1);
    expect(build().stderr).toContain('生成 0 个，未变 1 个');
  });

  it('a full disk in build is a Chinese diagnostic naming the file, and the manifest is not corrupted', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'plans'));
    planCopy(join(dir, 'plans'));
    const out = join(dir, 'out');
    const unmount = mountTinyFs(out, 64);
    if (!unmount) throw new Error('this test needs to mount a tmpfs: run as root or with passwordless sudo');
    cleanups.push(unmount);
    const free = statfsSync(out).bavail * statfsSync(out).bsize;
    writeFileSync(join(out, 'filler'), Buffer.alloc(Math.max(0, free - 4096)));
    const result = runCli(['build', 'plans', '-o', out], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('磁盘已满');
    expect(result.stderr).toContain(join(out, 'plan.'));
    expect(result.stderr).not.toMatch(/ENOSPC|no space/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

const ROOT_PLAN = join(__dirname, '..', '..', 'plans', 'changshou-2026.yaml');
