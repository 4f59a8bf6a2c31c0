import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { startWatching } from './watch-helpers.js';

const PLANS = join(ROOT, 'plans');
let dir: string;

function setUp(): string {
  const root = mkdtempSync(join(tmpdir(), 'plandoc-build-'));
  mkdirSync(join(root, 'plans', 'archive'), { recursive: true });
  copyFileSync(join(PLANS, 'changshou-2026.yaml'), join(root, 'plans', 'changshou-2026.yaml'));
  copyFileSync(join(PLANS, 'changshou-2026-h1.yaml'), join(root, 'plans', 'changshou-2026-h1.yaml'));
  copyFileSync(join(PLANS, 'songtao-2022.yaml'), join(root, 'plans', 'archive', 'songtao-2022.yaml'));
  // not a plan: ignored
  writeFileSync(join(root, 'plans', 'notes.yaml'), 'todo: [a, b]\n');
  return root;
}

beforeAll(() => {
  dir = setUp();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plandoc build', () => {
  it('renders every plan and progress file, mirroring subdirectories', () => {
    const result = runCli(['build', '--to', 'md'], { cwd: dir });
    expect(result.stderr).toContain('共 3 个文件：生成 3 个，未变 0 个，失败 0 个');
    expect(result.code).toBe(0);
    for (const output of ['out/changshou-2026.md', 'out/changshou-2026-h1.md', 'out/archive/songtao-2022.md']) {
      expect(existsSync(join(dir, output)), output).toBe(true);
    }
    expect(existsSync(join(dir, 'out', 'notes.md'))).toBe(false);
    expect(result.stderr).toContain('已生成 plans/archive/songtao-2022.yaml → out/archive/songtao-2022.md');
    const manifest = JSON.parse(readFileSync(join(dir, 'out', '.plandoc-build.json'), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual(['archive/songtao-2022.yaml', 'changshou-2026-h1.yaml', 'changshou-2026.yaml']);
  });

  it('renders nothing the second time', () => {
    const before = statSync(join(dir, 'out', 'changshou-2026.md')).mtimeMs;
    const result = runCli(['build', '--to', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('共 3 个文件：生成 0 个，未变 3 个，失败 0 个');
    expect(statSync(join(dir, 'out', 'changshou-2026.md')).mtimeMs).toBe(before);
  });

  it('re-renders a changed plan and the progress file that refers to it, nothing else', () => {
    const plan = join(dir, 'plans', 'changshou-2026.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/value: 300\b/, 'value: 350'));
    const result = runCli(['build', '--to', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('生成 2 个，未变 1 个');
    expect(result.stderr).toContain('未变 plans/archive/songtao-2022.yaml');
    expect(readFileSync(join(dir, 'out', 'changshou-2026.md'), 'utf8')).toContain('350人次以上');
  });

  it('re-renders when an output was deleted, the formats change, or with --force', () => {
    rmSync(join(dir, 'out', 'archive', 'songtao-2022.md'));
    expect(runCli(['build', '--to', 'md'], { cwd: dir }).stderr).toContain('生成 1 个，未变 2 个');
    expect(runCli(['build', '--to', 'md', '--force'], { cwd: dir }).stderr).toContain('生成 3 个，未变 0 个');
    expect(runCli(['build', '--to', 'md,docx'], { cwd: dir }).stderr).toContain('生成 3 个，未变 0 个');
    expect(existsSync(join(dir, 'out', 'archive', 'songtao-2022.docx'))).toBe(true);
    expect(runCli(['build', '--to', 'md,docx'], { cwd: dir }).stderr).toContain('生成 0 个，未变 3 个');
  });

  it('re-renders everything when the templates change', () => {
    const templates = join(dir, 'my-templates');
    mkdirSync(templates);
    expect(runCli(['build', '--to', 'md', '--templates', templates], { cwd: dir }).stderr).toContain('生成 3 个');
    expect(runCli(['build', '--to', 'md', '--templates', templates], { cwd: dir }).stderr).toContain('生成 0 个');
    copyFileSync(join(ROOT, 'templates', 'plan.md.hbs'), join(templates, 'plan.md.hbs'));
    expect(runCli(['build', '--to', 'md', '--templates', templates], { cwd: dir }).stderr).toContain('生成 3 个');
  });

  it('renders the other files when one is broken, reports it, and exits 1', () => {
    const broken = join(dir, 'plans', 'broken-2026.yaml');
    writeFileSync(broken, 'title: 坏计划\nyear: 二〇二六\nsections:\n  - title: 总体要求\n    text: 正文。\n');
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    const result = runCli(['build', '--to', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('共 4 个文件：生成 3 个，未变 0 个，失败 1 个');
    expect(result.stderr).toContain('失败 plans/broken-2026.yaml');
    expect(result.stderr).toMatch(/plans\/broken-2026\.yaml:2:\d+: 错误/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'out', 'changshou-2026.md'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'broken-2026.md'))).toBe(false);
    // still broken: reported again, the others stay unchanged
    const again = runCli(['build', '--to', 'md'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('生成 0 个，未变 3 个，失败 1 个');
    rmSync(broken);
  });

  it('says so when the directory does not exist (exit 1)', () => {
    const result = runCli(['build', 'nowhere'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到目录 nowhere');
  });

  it('rejects a bad --jobs as wrong usage', () => {
    expect(runCli(['build', '--jobs', '0'], { cwd: dir }).code).toBe(2);
  });
});

describe('plandoc build --watch', () => {
  it('re-renders a saved file within a couple of seconds and shows new errors', async () => {
    const root = setUp();
    const watching = startWatching(['build', '--to', 'md', '--watch'], root);
    try {
      // the first build can be slow on a busy machine; only the re-render is timed
      await watching.waitFor('正在监视', 90_000);
      const mark = watching.stderr().length;
      const plan = join(root, 'plans', 'archive', 'songtao-2022.yaml');
      writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^title: (.*)$/m, 'title: $1（修订稿）'));
      const elapsed = await watching.waitFor(/已生成 plans\/archive\/songtao-2022\.yaml/, 8_000, mark);
      expect(elapsed).toBeLessThan(8_000);
      expect(watching.stderr().slice(mark)).not.toContain('changshou-2026.yaml →');
      expect(readFileSync(join(root, 'out', 'archive', 'songtao-2022.md'), 'utf8')).toContain('（修订稿）');
      const beforeError = watching.stderr().length;
      writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^year: .*$/m, 'year: 明年'));
      await watching.waitFor(/songtao-2022\.yaml:\d+:\d+: 错误/, 8_000, beforeError);
      expect(watching.child.exitCode).toBeNull();
    } finally {
      await watching.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('plandoc render --watch', () => {
  it('re-renders a progress file when the plan it cites is saved', async () => {
    const root = setUp();
    const watching = startWatching(['render', 'plans/changshou-2026-h1.yaml', '--to', 'md', '--watch'], root);
    try {
      await watching.waitFor('正在监视', 90_000);
      const mark = watching.stderr().length;
      const plan = join(root, 'plans', 'changshou-2026.yaml');
      writeFileSync(plan, readFileSync(plan, 'utf8').replace(/value: 300\b/, 'value: 360'));
      await watching.waitFor('已生成 out/changshou-2026-h1.md', 8_000, mark);
      expect(readFileSync(join(root, 'out', 'changshou-2026-h1.md'), 'utf8')).toContain('360');
    } finally {
      await watching.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 150_000);
});
