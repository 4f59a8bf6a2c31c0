// docs/git.md's advice, run as written (in a scratch repository, with --local
// for --global so the machine's own configuration is left alone).
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const GUIDE = readFileSync(join(ROOT, 'docs', 'git.md'), 'utf8');

it('core.quotepath as docs/git.md gives it makes git print Chinese file names', () => {
  const command = /^git config --global core\.quotepath false$/m.exec(GUIDE)?.[0];
  expect(command).toBeDefined();
  const repo = mkdtempSync(join(tmpdir(), 'plandoc-quotepath-'));
  // git's default, whatever this machine's own configuration says
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  try {
    execFileSync('git', ['init', '-q'], { cwd: repo, env });
    mkdirSync(join(repo, 'plans'));
    writeFileSync(join(repo, 'plans', '长寿镇-2027.yaml'), 'title: x\n');
    const status = (): string => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo, env, encoding: 'utf8' });
    expect(status()).toContain('\\351\\225\\277');
    execSync(command!.replace('--global', '--local'), { cwd: repo, env });
    expect(status()).toContain('plans/长寿镇-2027.yaml');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
