// The command under hostile input: every crasher and bad fixture, and random
// edits of a real plan, give exit 1 with diagnostics, never an internal error,
// never a partial output, never a modified input.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROOT, runCli } from '../helpers/cli.js';
import { loadPlanSource } from '../../src/load/index.js';
import { assertWellFormedDocx, FUZZ_SEED, hasStackTrace, sha256 } from './support.js';
import { scratch } from '../faults/support.js';

const CRASHERS = join(ROOT, 'tests', 'fixtures', 'crashers');
const BAD = join(ROOT, 'tests', 'fixtures', 'bad');
const yamlIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name));

const work = scratch('plandoc-cli-fuzz-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectCleanRefusal(result: { code: number; stdout: string; stderr: string }): void {
  const printed = result.stdout + result.stderr;
  expect(result.code).toBe(1);
  expect(printed).toMatch(/错误 \[[a-z0-9-]+\]/);
  expect(printed).not.toContain('内部错误');
  expect(hasStackTrace(printed)).toBe(false);
}

describe('the crasher corpus', () => {
  const crashers = yamlIn(CRASHERS);

  it('holds the inputs that once broke plandoc', () => {
    expect(crashers.length + readdirSync(CRASHERS).filter((name) => name.endsWith('.md')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(crashers.map((path) => [path.slice(CRASHERS.length + 1), path]))('%s is refused cleanly by render, nothing written, input untouched', (_, path) => {
    const before = sha256(path);
    const out = join(work, `out-${sha256(path).slice(0, 8)}`);
    const started = performance.now();
    expectCleanRefusal(runCli(['render', path, '-o', out]));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
    expect(sha256(path)).toBe(before);
  });
});

describe('Markdown crashers', () => {
  // NAME.refused.md: Markdown no document can be (nested 5,000 deep…), refused with a diagnostic
  const markdown = readdirSync(CRASHERS).filter((name) => name.endsWith('.md') && !name.endsWith('.refused.md'));
  const refused = readdirSync(CRASHERS).filter((name) => name.endsWith('.refused.md'));

  it.each(refused)('%s is refused cleanly, nothing written, input untouched', (name) => {
    const path = join(CRASHERS, name);
    const before = sha256(path);
    const out = join(work, `md-${name}`);
    expectCleanRefusal(runCli(['render', path, '-o', out, '--to', 'docx']));
    expect(existsSync(out)).toBe(false);
    expect(sha256(path)).toBe(before);
  });

  it.each(markdown)('%s renders to a well-formed DOCX, input untouched', (name) => {
    const path = join(CRASHERS, name);
    const before = sha256(path);
    const out = join(work, `md-${name}`);
    const result = runCli(['render', path, '-o', out, '--to', 'docx']);
    expect(result.code, result.stderr).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
    assertWellFormedDocx(readFileSync(join(out, name.replace(/\.md$/, '.docx'))));
    expect(sha256(path)).toBe(before);
  });
});

describe('every bad fixture', () => {
  it('is refused by check in one run with a diagnostic for each file, inputs untouched', () => {
    const files = [...yamlIn(BAD), ...yamlIn(CRASHERS)];
    const before = files.map(sha256);
    const result = runCli(['check', ...files]);
    expectCleanRefusal(result);
    const printed = result.stdout + result.stderr;
    // bom.yaml is the one fixture that is valid apart from its byte-order mark
    const invalid = files.filter((file) => !loadPlanSource(readFileSync(file, 'utf8'), file).value);
    for (const file of invalid) expect(printed, file).toContain(file);
    expect(files.map(sha256)).toEqual(before);
  });
});

describe('random edits through the command', () => {
  it('a failing render writes nothing and never touches its inputs', () => {
    const example = readFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), 'utf8');
    const lines = example.split('\n');
    const edits = fc.sample(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom(': [', '\t', '"', '  - ', '&x *y', '\u0000', '{')), { seed: FUZZ_SEED, numRuns: 4 });
    const inputs = edits.map(([line, insert], i) => {
      const edited = [...lines];
      edited[line] = `${insert}${edited[line]}`;
      const path = join(work, `edited-${i}.yaml`);
      writeFileSync(path, edited.join('\n'));
      return path;
    });
    cpSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(work, 'valid.yaml'));
    const all = [join(work, 'valid.yaml'), ...inputs];
    const before = all.map(sha256);
    const out = join(work, 'random-out');
    const result = runCli(['render', ...all, '-o', out]);
    const anyInvalid = inputs.some((path) => !loadPlanSource(readFileSync(path, 'utf8'), path).value);
    if (anyInvalid) {
      expectCleanRefusal(result);
      // all or nothing: the valid plan is not written either
      expect(existsSync(out), `replay with PLANDOC_FUZZ_SEED=${FUZZ_SEED}`).toBe(false);
    } else {
      expect(result.code).toBe(0);
    }
    expect(all.map(sha256)).toEqual(before);
  });
});
