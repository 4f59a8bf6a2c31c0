import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runCli } from '../helpers/cli.js';

describe('plandoc command line', () => {
  it('prints Chinese help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('用法：');
    expect(result.stdout).toContain('显示帮助');
  });

  it('rejects an unknown option with exit code 2 and a Chinese message', () => {
    const result = runCli(['--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不认识的选项 --bogus');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('rejects an unknown command with exit code 2', () => {
    const result = runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/不认识的命令|参数太多/);
  });
});

describe('plandoc help and usage messages are Chinese', () => {
  it('names choices and defaults in Chinese in command help', () => {
    const result = runCli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[选项]');
    expect(result.stdout).toContain('可选：text、json；默认：text');
    expect(result.stdout).not.toMatch(/choices|default|\[options\]/);
  });

  it('explains an invalid choice in Chinese with exit code 2', () => {
    const result = runCli(['check', '--format', 'xml', 'plans/changshou-2026.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('可选的值：text、json。');
    expect(result.stderr).not.toContain('Allowed');
  });
});

describe('a closed output pipe', () => {
  it('ends quietly when the reader stops early (plandoc check … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    const files = Array.from({ length: 400 }, () => 'plans/changshou-2026.yaml');
    const child = spawn(process.execPath, [BIN, 'check', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('refuses the internal render-worker command on a terminal instead of waiting forever', () => {
    // script(1) gives the command a terminal as standard input
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" render-worker`, '/dev/null'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('render-worker 是 plandoc build 内部使用的命令');
  });
});
