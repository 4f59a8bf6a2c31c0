// Every command line the README shows is run as written, in a scratch folder
// holding the example plans and a git history. `npx plandoc` is checked in this
// checkout itself (npm offline, so it can only be this package's own bin); in the
// scratch folder the same bin, package.json's `bin.plandoc`, runs the examples.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** inline code and shell-block lines that start with `npx plandoc` */
function runnableCommands(markdown: string): string[] {
  const inline = [...markdown.matchAll(/`(npx plandoc [^`]+)`/g)].map((match) => match[1]!);
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) => match[1]!.split('\n'));
  const lines = blocks.map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line.startsWith('npx plandoc '));
  return [...new Set([...inline, ...lines])];
}

/** the synopsis table: `plandoc check FILE...` and the like */
function synopsisRows(markdown: string): Array<{ command: string; row: string }> {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| `plandoc '))
    .map((row) => ({ command: /^\| `plandoc (\w+)/.exec(row)![1]!, row }));
}

/** what each README command must do: exit status and a file it leaves behind */
const EXPECTED: Record<string, { code: number; creates?: string; says?: string; serves?: boolean }> = {
  'npx plandoc rollover plans/changshou-2026.yaml --progress plans/changshou-2026-year.yaml': { code: 0, creates: 'plans/changshou-2027.yaml' },
  'npx plandoc init --issuer 长寿镇 --year 2027': { code: 0, creates: 'plans/长寿镇-2027.yaml' },
  'npx plandoc check plans/changshou-2027.yaml': { code: 0, says: '没有问题' },
  'npx plandoc render plans/changshou-2027.yaml': { code: 0, creates: 'out/changshou-2027.docx' },
  'npx plandoc status plans/changshou-2026-h1.yaml': { code: 0, says: '完成率' },
  'npx plandoc render plans/changshou-2026-h1.yaml': { code: 0, creates: 'out/changshou-2026-h1.docx' },
  'npx plandoc render plans/changshou-2026-year.yaml': { code: 0, creates: 'out/changshou-2026-year.docx' },
  'npx plandoc diff plans/changshou-2026.yaml --rev HEAD~1 -o 修订对照表.docx': { code: 0, creates: '修订对照表.docx' },
  'npx plandoc diff plans/changshou-2026.yaml --rev HEAD~1 -o 修订稿.docx --track-changes': { code: 0, creates: '修订稿.docx', says: '已生成修订稿 修订稿.docx' },
  'npx plandoc render plans/changshou-2026.yaml': { code: 0, creates: 'out/changshou-2026.docx' },
  // the README's edited DOCX is the rendered one here: apply finds nothing to write back
  'npx plandoc apply out/changshou-2026.docx --onto plans/changshou-2026.yaml --dry-run': { code: 0, says: '没有需要写回的改动' },
  'npx plandoc apply out/changshou-2026.docx --onto plans/changshou-2026.yaml': { code: 0, says: '没有需要写回的改动' },
  'npx plandoc import 2025年计划.docx -o plans/xx-2025.yaml': { code: 0, creates: 'plans/xx-2025.yaml' },
  'npx plandoc render --help': { code: 0, says: '用法' },
  'npx plandoc schema progress -o schema/progress.schema.json': { code: 0, creates: 'schema/progress.schema.json' },
  // runs until Ctrl+C: started, its address read, then stopped
  'npx plandoc serve': { code: 0, says: '工作台已启动（目录 plans）', serves: true },
  'npx plandoc sheet plans/changshou-2026.yaml --period 2026-06 -o 调度表-2026-06.xlsx': { code: 0, creates: '调度表-2026-06.xlsx' },
  // the README's 调度表 comes back unfilled here: collect reads it and has nothing to write
  'npx plandoc collect 调度表-2026-06.xlsx --into plans/changshou-2026-h1.yaml --dry-run': { code: 0, says: '已是最新' },
  'npx plandoc collect 调度表-2026-06.xlsx --into plans/changshou-2026-h1.yaml': { code: 0, says: '已是最新' },
  'npx plandoc status plans/changshou-2026-h1.yaml --format xlsx -o 指标完成情况.xlsx': { code: 0, creates: '指标完成情况.xlsx' },
};

/** A long-running command: its output up to the workbench address, and its exit status after SIGTERM. */
async function runUntilServing(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!/http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  return { code: await exited, output };
}

let clone: string;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'plandoc-readme-'));
  // what `npm ci` leaves in a clone: the package, its build and its dependencies
  cpSync(join(ROOT, 'plans'), join(clone, 'plans'), { recursive: true });
  // a history with an earlier draft, for `diff --rev HEAD~1`
  git('init', '-q');
  git('config', 'user.email', 'writer@example.org');
  git('config', 'user.name', 'writer');
  const plan = join(clone, 'plans', 'changshou-2026.yaml');
  const current = readFileSync(plan, 'utf8');
  writeFileSync(plan, current.replace(/value: 300\b/, 'value: 280'));
  git('add', 'plans');
  git('commit', '-qm', 'draft');
  writeFileSync(plan, current);
  git('commit', '-qam', 'final');
  // the writer's own old document, which the import example stands for
  const rendered = runCli(['render', 'plans/songtao-2022.yaml', '--to', 'docx', '-o', join(clone, 'old')], { cwd: ROOT });
  expect(rendered.code).toBe(0);
  copyFileSync(join(clone, 'old', 'songtao-2022.docx'), join(clone, '2025年计划.docx'));
}, 120_000);

afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('README examples', () => {
  const commands = runnableCommands(README);

  it('has an expectation for every command the README shows, and shows every expected one', () => {
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((command) => !(command in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((command) => !commands.includes(command))).toEqual([]);
  });

  it('finds `npx plandoc` in the checkout after npm ci, without the network', () => {
    const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.plandoc;
    expect(join(ROOT, bin!)).toBe(BIN);
    const result = spawnSync('npx', ['plandoc', '--version'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.status).toBe(0);
  }, 60_000);

  it('runs every command as written, in README order', async () => {
    for (const command of commands) {
      const expected = EXPECTED[command];
      if (!expected) continue;
      // the README's words, split as a shell would (no quoting is used in them)
      const [npx, name, ...args] = command.split(' ');
      expect([npx, name]).toEqual(['npx', 'plandoc']);
      if (expected.serves) {
        const served = await runUntilServing(args);
        expect(served.code, `${command}\n${served.output}`).toBe(expected.code);
        expect(served.output, command).toContain(expected.says);
        continue;
      }
      const result = runCli(args, { cwd: clone });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.code, `${command}\n${output}`).toBe(expected.code);
      if (expected.creates) expect(existsSync(join(clone, expected.creates)), `${command} → ${expected.creates}`).toBe(true);
      if (expected.says) expect(output, command).toContain(expected.says);
    }
  }, 240_000);

  it('documents in the command table only options the commands accept', () => {
    const rows = synopsisRows(README);
    expect(rows.length).toBeGreaterThan(8);
    for (const { command, row } of rows) {
      const help = runCli([command, '--help'], { cwd: ROOT });
      expect(help.code, row).toBe(0);
      for (const flag of row.match(/--?[a-z][\w-]*/g) ?? []) expect(help.stdout, `${row}: ${flag}`).toContain(flag);
    }
  }, 120_000);
});

it('the README example plan starts with a $schema comment that resolves inside the repository', () => {
  const example = /```yaml\n# yaml-language-server: \$schema=(\S+)/.exec(README);
  expect(example).not.toBeNull();
  expect(existsSync(join(ROOT, 'plans', example![1]!))).toBe(true);
  expect(BIN).toBeTruthy();
});
