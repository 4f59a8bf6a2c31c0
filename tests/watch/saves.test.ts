// Editors save in many ways; `--watch` (build and render) must notice each
// save, rebuild the saved file exactly once, and never go deaf or exit.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { startWatching, type WatchedCli } from '../build/watch-helpers.js';

type Save = (path: string, text: string) => Promise<void>;

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** the ways editors write a file, each a single "save" */
const SAVES: Record<string, Save> = {
  'in-place write': async (path, text) => writeFileSync(path, text),
  'write + rename (vim, VS Code)': async (path, text) => {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  },
  'delete + create': async (path, text) => {
    unlinkSync(path);
    await pause(30);
    writeFileSync(path, text);
  },
  'rename away and back': async (path, text) => {
    renameSync(path, `${path}.bak`);
    await pause(30);
    writeFileSync(`${path}.bak`, text);
    renameSync(`${path}.bak`, path);
  },
};

let root: string;
let watching: WatchedCli | undefined;

function setUp(): string {
  root = mkdtempSync(join(tmpdir(), 'plandoc-watch-'));
  mkdirSync(join(root, 'plans', 'archive'), { recursive: true });
  copyFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), join(root, 'plans', 'changshou-2026.yaml'));
  copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(root, 'plans', 'archive', 'songtao-2022.yaml'));
  return root;
}

afterEach(async () => {
  await watching?.stop();
  watching = undefined;
  rmSync(root, { recursive: true, force: true });
});

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** Saves `plan` with each way of saving, `rounds` times each; checks one rebuild per save. */
async function saveRepeatedly(plan: string, saves: Save[], done: RegExp, output: string): Promise<void> {
  const original = readFileSync(plan, 'utf8');
  let expected = 0;
  for (const [index, save] of saves.entries()) {
    const mark = watching!.stderr().length;
    const marker = `（第${index + 1}稿）`;
    await save(plan, original.replace(/^title: (.*)$/m, `title: $1${marker}`));
    expected += 1;
    await watching!.waitFor(done, 10_000, mark);
    expect(readFileSync(output, 'utf8')).toContain(marker);
  }
  // a late duplicate run would show up here
  await pause(600);
  expect(count(watching!.stderr(), done) - 1).toBe(expected);
  expect(watching!.child.exitCode).toBeNull();
}

const sequence = (): Save[] => [
  ...Object.values(SAVES),
  ...Object.values(SAVES).reverse(),
  ...Array.from({ length: 20 }, () => SAVES['write + rename (vim, VS Code)']!),
];

describe('build --watch survives editor saves', () => {
  it('rebuilds the saved file exactly once per save, whatever way the editor saves', async () => {
    setUp();
    watching = startWatching(['build', '--to', 'md', '--watch'], root);
    await watching.waitFor('正在监视', 90_000);
    // the first build prints one 已生成 line per file; count the nested file's from here
    const plan = join(root, 'plans', 'archive', 'songtao-2022.yaml');
    await saveRepeatedly(plan, sequence(), /已生成 plans\/archive\/songtao-2022\.yaml/, join(root, 'out', 'archive', 'songtao-2022.md'));
    expect(count(watching.stderr(), /已生成 plans\/changshou-2026\.yaml/)).toBe(1);
  }, 180_000);
});

describe('render --watch survives editor saves', () => {
  it('re-renders exactly once per save, whatever way the editor saves', async () => {
    setUp();
    watching = startWatching(['render', 'plans/changshou-2026.yaml', '--to', 'md', '--watch'], root);
    await watching.waitFor('正在监视', 90_000);
    const plan = join(root, 'plans', 'changshou-2026.yaml');
    await saveRepeatedly(plan, sequence(), /已生成 out\/changshou-2026\.md/, join(root, 'out', 'changshou-2026.md'));
  }, 180_000);
});

describe('build --watch when its folder goes away', () => {
  it('waits, says so, and re-attaches when the folder comes back', async () => {
    setUp();
    watching = startWatching(['build', '--to', 'md', '--watch'], root);
    await watching.waitFor('正在监视', 90_000);
    const plans = join(root, 'plans');
    const mark = watching.stderr().length;
    renameSync(plans, join(root, 'plans-moved'));
    await watching.waitFor('不见了', 10_000, mark);
    expect(watching.child.exitCode).toBeNull();
    renameSync(join(root, 'plans-moved'), plans);
    await watching.waitFor('又出现了', 10_000, mark);
    const again = watching.stderr().length;
    const plan = join(plans, 'changshou-2026.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^title: (.*)$/m, 'title: $1（重新监视）'));
    await watching.waitFor(/已生成 plans\/changshou-2026\.yaml/, 10_000, again);
    expect(readFileSync(join(root, 'out', 'changshou-2026.md'), 'utf8')).toContain('（重新监视）');
    // deleted and created afresh (a branch switch)
    const mark2 = watching.stderr().length;
    rmSync(plans, { recursive: true });
    await watching.waitFor('不见了', 10_000, mark2);
    mkdirSync(plans);
    writeFileSync(plan, readFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), 'utf8').replace(/^title: (.*)$/m, 'title: $1（新分支）'));
    await watching.waitFor(/已生成 plans\/changshou-2026\.yaml/, 10_000, mark2);
    expect(readFileSync(join(root, 'out', 'changshou-2026.md'), 'utf8')).toContain('（新分支）');
    expect(watching.child.exitCode).toBeNull();
    // no raw system error while the folder was away
    expect(watching.stderr()).not.toMatch(/ENOENT|plandoc:/);
  }, 180_000);
});
