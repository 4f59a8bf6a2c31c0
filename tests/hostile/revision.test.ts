// #19: a file too large at a git revision is called too large, not missing.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_PLAN, scratch } from '../faults/support.js';

const dir = scratch('plandoc-revision-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diff --rev and the input size bound', () => {
  it('a 65 MB file at a revision is refused as too large, before it is read', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
    git('init', '-q');
    writeFileSync(join(dir, 'plan.yaml'), `# ${'长'.repeat(65 * 1024 * 1024 / 3)}\n`);
    git('add', 'plan.yaml');
    git('commit', '-qm', 'huge');
    execFileSync('cp', [EXAMPLE_PLAN, join(dir, 'plan.yaml')]);
    const result = runCli(['diff', join(dir, 'plan.yaml'), '--rev', 'HEAD']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('太大（65.0 MB），超过了 5 MB 的上限');
    expect(result.stderr).not.toContain('没有文件');
  });
});
