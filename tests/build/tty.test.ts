// Terminal-only behaviour (progress bar, colour), through a pseudo-terminal made by util-linux `script`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

let dir: string;

function inTerminal(args: string[]): { code: number; output: string } {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part}'`).join(' ');
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
  return { code: result.status ?? -1, output: result.stdout };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-tty-'));
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(dir, 'plans', 'changshou-2026.yaml'));
  copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(dir, 'plans', 'songtao-2022.yaml'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('on a terminal', () => {
  it('build shows a progress bar, then the summary', () => {
    const result = inTerminal(['build', '--to', 'md']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('生成中 [');
    expect(result.output).toContain('2/2');
    expect(result.output).toContain('共 2 个文件：生成 2 个，未变 0 个，失败 0 个');
  });

  it('diff colours deletions and insertions instead of writing 【删】【增】', () => {
    const result = inTerminal(['diff', 'plans/changshou-2026.yaml', 'plans/songtao-2022.yaml']);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/\u001b\[3[12]m/);
    expect(result.output).not.toContain('【增：');
  });
});
