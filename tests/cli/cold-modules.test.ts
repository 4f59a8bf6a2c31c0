// What a cold `plandoc render` of a YAML plan to DOCX loads. Node built-ins
// that it never uses cost every start: child_process (commander loads it for
// executable subcommands; scripts/build.mjs makes it load on first spawn),
// net (the resident client, only when a resident's socket exists) and
// worker_threads (fflate's init; the .docx zip is written by src/docx/zip.ts).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-modules-'));
const listFile = join(scratch, 'loaded.txt');
const probe = join(scratch, 'probe.cjs');
writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')));\n`);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The built-ins a command loaded. NODE_OPTIONS keeps the bin's default code
 * cache in use; output goes to a file, since a pipe on stdout loads node:net.
 */
function builtinsLoadedBy(args: string[]): string[] {
  const output = openSync(join(scratch, 'output.txt'), 'w');
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'plandoc.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', output, output],
    env: { ...process.env, NODE_OPTIONS: `--require ${probe}`, XDG_RUNTIME_DIR: scratch },
  });
  closeSync(output);
  expect(result.status, readFileSync(join(scratch, 'output.txt'), 'utf8')).toBe(0);
  return readFileSync(listFile, 'utf8').split('\n')
    .filter((line) => line.startsWith('NativeModule ')).map((line) => line.slice('NativeModule '.length));
}

describe('a cold render loads only what it uses', () => {
  it('renders a plan to DOCX without child_process, dgram or worker_threads', () => {
    const loaded = builtinsLoadedBy(['render', 'plans/songtao-2022.yaml', '--to', 'docx', '-o', join(scratch, 'out')]);
    expect(loaded).toContain('zlib');
    for (const unused of ['child_process', 'dgram', 'worker_threads']) expect(loaded).not.toContain(unused);
  });

  it('does not load node:net to look for a resident renderer when none is running', () => {
    const loaded = builtinsLoadedBy(['check', 'plans/songtao-2022.yaml']);
    expect(loaded).not.toContain('net');
  });
});
