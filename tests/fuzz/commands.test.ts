// Hostile input through every command that reads a file, not only check and
// render: the bad-file corpus through status, rollover, diff, lint, import and
// build, and random data through the progress, import and rollover stages.
// Each must refuse with a Chinese diagnostic (exit 1), never a stack trace,
// never a partial output, never a modified input.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Plan } from '../../src/model/plan.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { loadPlanSource } from '../../src/load/index.js';
import { composeSummaryMarkdown, loadProgressFile } from '../../src/summary/index.js';
import { renderDocx } from '../../src/docx/index.js';
import { ImportError, importFile, importText } from '../../src/import/index.js';
import { rolloverSource } from '../../src/rollover/index.js';
import { TASK_STATUSES } from '../../src/model/progress.js';
import { scratch } from '../faults/support.js';
import { sanitizeText } from '../../src/io/sanitize.js';
import { hostileString } from './arbitraries.js';
import { assertWellFormedDocx, checkProperty, hasStackTrace, sha256 } from './support.js';

const BAD = join(ROOT, 'tests', 'fixtures', 'bad');
const CRASHERS = join(ROOT, 'tests', 'fixtures', 'crashers');
const EXAMPLE = join(ROOT, 'plans', 'changshou-2026.yaml');
const hostileFiles = [BAD, CRASHERS].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name)));
/** bom.yaml is a valid plan apart from its byte-order mark, which plandoc accepts */
const invalidPlans = hostileFiles.filter((file) => !loadPlanSource(readFileSync(file, 'utf8'), file).value);

const work = scratch('plandoc-commands-fuzz-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectCleanRefusal(result: { code: number; stdout: string; stderr: string }, what: string): void {
  const printed = result.stdout + result.stderr;
  expect(result.code, `${what}\n${printed.slice(0, 500)}`).toBe(1);
  expect(printed, what).toMatch(/错误 \[[a-z0-9-]+\]|plandoc: /);
  expect(printed, what).not.toContain('内部错误');
  expect(hasStackTrace(printed), what).toBe(false);
}

const name = (file: string) => file.slice(file.lastIndexOf('/') + 1);

describe('the bad-file corpus through every command', () => {
  it('has files that are not valid plans', () => {
    expect(invalidPlans.length).toBeGreaterThanOrEqual(15);
  });

  it.each(invalidPlans.map((file) => [name(file), file]))('%s: status, rollover and diff refuse it, write nothing, leave it untouched', (label, file) => {
    const before = sha256(file);
    const out = join(work, `out-${label}`);
    expectCleanRefusal(runCli(['status', file]), `status ${label}`);
    expectCleanRefusal(runCli(['rollover', file, '-o', join(out, 'next.yaml')]), `rollover ${label}`);
    expectCleanRefusal(runCli(['diff', file, EXAMPLE]), `diff ${label} EXAMPLE`);
    expectCleanRefusal(runCli(['diff', EXAMPLE, file, '-o', join(out, 'diff.docx')]), `diff EXAMPLE ${label}`);
    expect(existsSync(out)).toBe(false);
    expect(sha256(file)).toBe(before);
  });

  it('lint refuses the files it cannot read as text, and leaves every file untouched with --fix', () => {
    const copies = join(work, 'lint');
    mkdirSync(copies);
    const files = hostileFiles.map((file) => {
      const copy = join(copies, name(file));
      copyFileSync(file, copy);
      return copy;
    });
    const unreadable = files.filter((file) => /binary|gbk/.test(file));
    expect(unreadable.length).toBe(2);
    for (const file of unreadable) {
      const before = sha256(file);
      expectCleanRefusal(runCli(['lint', '--fix', file]), `lint --fix ${name(file)}`);
      expect(sha256(file)).toBe(before);
    }
    const result = runCli(['lint', ...files]);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.stdout + result.stderr).not.toContain('内部错误');
  });

  it('build renders nothing from a folder of bad files, and names each one it failed or skipped', () => {
    const dir = join(work, 'build-in');
    mkdirSync(dir);
    for (const file of invalidPlans) copyFileSync(file, join(dir, name(file)));
    const out = join(work, 'build-out');
    const result = runCli(['build', dir, '-o', out, '-j', '2']);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    for (const file of invalidPlans) expect(result.stderr, name(file)).toMatch(new RegExp(`(失败|跳过) ${join(dir, name(file)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const failed = Number(/失败 (\d+) 个/.exec(result.stderr)?.[1]);
    const skipped = result.stderr.split('\n').filter((line) => line.startsWith('跳过 ')).length;
    expect(failed + skipped).toBe(invalidPlans.length);
    expect(failed).toBeGreaterThan(0);
    const written = existsSync(out) ? readdirSync(out).filter((entry) => !entry.startsWith('.')) : [];
    expect(written).toEqual([]);
  });

  it('import refuses bytes that are not a Word document, writing no plan', () => {
    const fake = join(work, '假文件.docx');
    writeFileSync(fake, readFileSync(join(BAD, 'binary-garbage.yaml')));
    const output = join(work, 'imported.yaml');
    expectCleanRefusal(runCli(['import', fake, '-o', output]), 'import 假文件.docx');
    expect(existsSync(output)).toBe(false);
  });
});

/**
 * Random progress data for the example plan, valid in shape so that most of it
 * reaches the composer: the plan's own metric and task ids, values of the right
 * type dated inside the period, hostile text (its stray [[ escaped) and every
 * kind of citation. Invalid references are the summary tests' business.
 */
const examplePlan = loadPlanSource(readFileSync(EXAMPLE, 'utf8'), EXAMPLE).value!;
const metrics = examplePlan.metrics!;
const taskIds = [...new Set(metrics.map((metric) => metric.task).filter((task): task is string => Boolean(task)))];
/** cited metrics always get a value with last year's figure, so every citation can be filled */
const cited = metrics.filter((metric) => metric.target && metric.target.kind !== 'achieve').slice(0, 6);
const citation = fc.constantFrom(...cited.flatMap(({ id }) => [`[[${id}]]`, `[[${id}.value]]`, `[[${id}.rate]]`, `[[${id}.yoy]]`, `[[${id}.status]]`]));
const plainHostile = hostileString.map((text) => text.replaceAll('[[', '\\[['));
const narrative = fc.array(fc.oneof({ weight: 3, arbitrary: plainHostile }, { weight: 1, arbitrary: citation }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const periods: Array<{ period: Record<string, unknown>; from: number; to: number }> = [
  { period: { kind: 'half', year: 2026, half: 1 }, from: 1, to: 181 },
  { period: { kind: 'half', year: 2026, half: 2 }, from: 182, to: 365 },
  { period: { kind: 'year', year: 2026 }, from: 1, to: 365 },
  { period: { kind: 'quarter', year: 2026, quarter: 3 }, from: 182, to: 273 },
  { period: { kind: 'month', year: 2026, month: 5 }, from: 121, to: 151 },
];
const dayOf2026 = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
// values a thousand times their target, and control characters, are refused by the loader (#19): the
// property is about what loads, so the figures stay in scale and the text is printable
const valueFor = (metric: (typeof metrics)[number]) =>
  metric.target?.kind === 'achieve' ? fc.boolean() : fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }));
const printableHostile = plainHostile.map(sanitizeText);
const printableNarrative = narrative.map(sanitizeText);
const progressArbitrary = fc.constantFrom(...periods).chain(({ period, from, to }) => {
  const date = fc.integer({ min: from, max: to }).map(dayOf2026);
  const value = fc.constantFrom(...metrics.filter((metric) => !cited.includes(metric))).chain((metric) =>
    fc.record({ metric: fc.constant(metric.id), value: valueFor(metric), date, note: printableHostile, lastYear: fc.integer({ min: 0, max: 1e6 }) }, { requiredKeys: ['metric', 'value', 'date'] }));
  const section = fc.record({ title: printableHostile, text: printableNarrative }, { requiredKeys: [] });
  return fc.record(
    {
      plan: fc.constant('plan.yaml'),
      period: fc.constant(period),
      issuer: printableHostile.filter((text) => text.trim() !== ''),
      date,
      values: fc.tuple(fc.array(value, { maxLength: 12 }), ...cited.map((metric) => fc.record({ metric: fc.constant(metric.id), value: valueFor(metric), date, lastYear: fc.integer({ min: 1, max: 1e6 }) })))
        .map(([random, ...citedValues]) => [...random, ...citedValues]),
      tasks: fc.uniqueArray(fc.record({ task: fc.constantFrom(...taskIds), status: fc.constantFrom(...TASK_STATUSES), progress: printableNarrative }, { requiredKeys: ['task', 'status'] }), { maxLength: 4, selector: (task) => task.task }),
      opening: printableNarrative,
      highlights: fc.array(section, { maxLength: 3 }),
      problems: printableNarrative,
      nextSteps: fc.array(section, { maxLength: 3 }),
    },
    // values always: the citations need them
    { requiredKeys: ['plan', 'period', 'issuer', 'values'] },
  );
});

describe('fuzzing the progress stage', () => {
  const dir = join(work, 'progress');
  mkdirSync(dir, { recursive: true });
  copyFileSync(EXAMPLE, join(dir, 'plan.yaml'));

  it('random progress files load with diagnostics or compose to a well-formed DOCX, never throw', async () => {
    let composed = 0;
    let run = 0;
    const runs = 40;
    await checkProperty(fc.asyncProperty(progressArbitrary, async (progress) => {
      const file = join(dir, `progress-${run++}.yaml`);
      writeFileSync(file, stringify(progress));
      const loaded = await loadProgressFile(file);
      for (const d of loaded.diagnostics) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      if (!loaded.value || loaded.diagnostics.some((d) => d.severity === 'error')) return;
      const summary = composeSummaryMarkdown(loaded.value, loaded.plan, { file });
      if (summary.diagnostics.some((d) => d.severity === 'error')) return;
      assertWellFormedDocx((await renderDocx(summary.markdown, { file })).docx);
      composed++;
    }), runs);
    // the arbitrary must reach the composer, or the property checks only the loader
    expect(composed).toBeGreaterThan(runs / 4);
  });
});

describe('fuzzing import', () => {
  it('any text imports to a plan whose YAML loads back, or is refused with a Chinese message', async () => {
    await checkProperty(fc.property(fc.array(fc.oneof(hostileString, fc.constantFrom('\n', '一、', '（一）', '1.', '（1）', '附件', '长寿镇人民政府', '2026年1月14日', '目标：', '\n\n')), { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      let outcome;
      try {
        outcome = importText(text, 'fuzz.txt');
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      const reloaded = loadPlanSource(outcome.yaml, 'imported.yaml');
      // YAML the importer wrote must parse: only plan-level findings (placeholders, ids) may remain
      expect(reloaded.diagnostics.filter((d) => d.code.startsWith('yaml')), outcome.yaml).toEqual([]);
    }), 150);
  });

  it('random bytes named .docx are refused with a message, not a crash', async () => {
    const file = join(work, 'random.docx');
    await checkProperty(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
      writeFileSync(file, bytes);
      await importFile(file).then(
        () => undefined,
        (error: Error) => expect(error.message).toMatch(/[\u4e00-\u9fff]/),
      );
    }), 60);
  });
});

/**
 * The example plan with random text (year phrases among hostile characters)
 * appended to random sections: valid plans of varied content, which random
 * plans from the model almost never are (duplicate ids, dangling references).
 */
const yearPhrase = fc.constantFrom('2026年', '2025年', '2026—2027年', '2026年底', '到2026年', '（2026）', '2026年1月14日', '二〇二六年');
const cleanHostile = plainHostile.map((text) => text.replace(/[\u0000-\u0009\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g, ''));
const appended = fc.array(fc.oneof(yearPhrase, cleanHostile), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
const editedExample = fc.array(fc.tuple(fc.nat(), appended), { maxLength: 8 }).map((edits) => {
  const plan = structuredClone(examplePlan);
  const sections = flatten(plan.sections);
  for (const [index, extra] of edits) {
    const section = sections[index % sections.length]!;
    if (typeof section.text === 'string') section.text += extra;
    else section.text = extra;
  }
  return plan;
});

function flatten(sections: Plan['sections']): Plan['sections'] {
  return sections.flatMap((section) => [section, ...flatten(section.children ?? [])]);
}

describe('fuzzing rollover', () => {
  it('a plan with random year phrases rolls over to YAML that loads as a plan of the chosen year', async () => {
    let rolled = 0;
    const runs = 60;
    await checkProperty(fc.property(editedExample, fc.integer({ min: 2027, max: 2099 }), (plan, year) => {
      const source = stringify(plan);
      if (!loadPlanSource(source, 'old.yaml').value) return;
      const result = rolloverSource(source, { year });
      expect(result.toYear).toBe(year);
      const next = loadPlanSource(result.text, 'new.yaml');
      expect(next.diagnostics.filter((d) => d.code.startsWith('yaml')), result.text.slice(0, 500)).toEqual([]);
      expect((parse(result.text) as Plan).year).toBe(year);
      for (const replacement of result.replacements) expect(replacement.after).toContain(String(year));
      rolled++;
    }), runs);
    expect(rolled).toBeGreaterThan(runs / 2);
  });
});
