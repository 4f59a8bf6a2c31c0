// #19: exit codes tell the truth: a closed stdout stops output, never the work.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { EXAMPLE_PLAN, scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** Runs `plandoc ARGS | true` (the reader exits before the first line) and returns plandoc's exit status. */
function intoClosedPipe(args: string[], cwd: string): { status: number; stderr: string } {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${quoted} | true; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd, encoding: 'utf8' });
  return { status: Number(/status=(\d+)/.exec(result.stderr)?.[1]), stderr: result.stderr };
}

describe('a closed standard output', () => {
  it('render plans/*.yaml | true still writes every file and exits 0', () => {
    const dir = scratch('plandoc-pipe-');
    dirs.push(dir);
    mkdirSync(join(dir, 'plans'));
    const plans = ['a', 'b', 'c', 'd'].map((name) => join('plans', `${name}.yaml`));
    for (const plan of plans) cpSync(EXAMPLE_PLAN, join(dir, plan));
    const result = intoClosedPipe(['render', ...plans, '-o', 'out', '--to', 'md'], dir);
    expect(result.status).toBe(0);
    for (const name of ['a', 'b', 'c', 'd']) expect(existsSync(join(dir, 'out', `${name}.md`)), name).toBe(true);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('check good.yaml bad.yaml | true exits 1: the status is the work, not the pipe', () => {
    const dir = scratch('plandoc-pipe-');
    dirs.push(dir);
    cpSync(EXAMPLE_PLAN, join(dir, 'good.yaml'));
    writeFileSync(join(dir, 'bad.yaml'), 'title: 只有标题\n');
    expect(intoClosedPipe(['check', 'good.yaml', 'bad.yaml'], dir).status).toBe(1);
    expect(intoClosedPipe(['check', 'good.yaml'], dir).status).toBe(0);
  });

  it('diff uses the same handling: --exit-code a b | true exits 1 with changes, 0 without', () => {
    const dir = scratch('plandoc-pipe-');
    dirs.push(dir);
    cpSync(EXAMPLE_PLAN, join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'b.yaml'), readFileSync(EXAMPLE_PLAN, 'utf8').replaceAll('推进', '加快推进'));
    for (const format of ['text', 'md', 'json']) {
      const changed = intoClosedPipe(['diff', '--exit-code', '--format', format, 'a.yaml', 'b.yaml'], dir);
      expect(changed.status, format).toBe(1);
      expect(changed.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(intoClosedPipe(['diff', '--exit-code', '--format', format, 'a.yaml', 'a.yaml'], dir).status, format).toBe(0);
    }
  });
});
