// #19: build's render workers die with their build, a stuck render is killed,
// and their number is capped by the machine.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { effectiveJobs, jobsNotice, maxJobs, WORKER_MEMORY_BYTES } from '../../src/build/jobs.js';
import { RenderWorkers } from '../../src/build/render-workers.js';
import { BIN, runCli } from '../helpers/cli.js';
import { EXAMPLE_PLAN, scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid: number, limitMs: number): Promise<boolean> {
  for (let waited = 0; alive(pid) && waited < limitMs; waited += 100) await sleep(100);
  return !alive(pid);
}

/** Process ids of this test process's `plandoc render-worker` children. */
function renderWorkerChildren(): number[] {
  // ps exits 1 when there are none
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  return listing.split('\n').filter((line) => line.includes('render-worker')).map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('render workers', () => {
  it('a worker whose build is killed exits even though its standard input stays open', async () => {
    // `sleep | worker`: the pipe outlives the parent shell, so only the watchdog can notice
    const parent = spawn('bash', ['-c', `sleep 60 | "${process.execPath}" "${BIN}" render-worker & echo $!; wait`], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    const workerPid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
    await sleep(1500); // the worker is up and waiting for requests
    expect(alive(workerPid)).toBe(true);
    parent.kill('SIGKILL');
    const exited = await waitForExit(workerPid, 10_000);
    process.kill(-parent.pid!, 'SIGKILL'); // the rest of the group: sleep, and the worker if it survived
    expect(exited).toBe(true);
  });

  it('a render that takes longer than the limit fails in Chinese and its worker is killed', async () => {
    const dir = scratch('plandoc-stuck-');
    dirs.push(dir);
    const plan = join(dir, 'plan.yaml');
    copyFileSync(EXAMPLE_PLAN, plan);
    // 50 ms is less than a worker needs to start, so this render is "stuck" by the limit
    const workers = new RenderWorkers(1, { formats: ['md'], color: false }, 50);
    try {
      const result = await workers.render(plan, join(dir, 'out'));
      expect(result.ok).toBe(false);
      expect(result.messages).toContain(`生成 ${plan} 超过 0 秒仍未完成，已停止`);
    } finally {
      workers.close();
    }
    let left = renderWorkerChildren();
    for (let waited = 0; left.length > 0 && waited < 5_000; waited += 100) {
      await sleep(100);
      left = renderWorkerChildren();
    }
    expect(left).toEqual([]);
  });
});

describe('-j is capped at what the machine can run', () => {
  it('one worker per core, and no more than memory holds at 256 MB each', () => {
    expect(maxJobs(2, 64 * 1024 ** 3)).toBe(2);
    expect(maxJobs(64, 1024 ** 3)).toBe(1024 ** 3 / WORKER_MEMORY_BYTES);
    expect(maxJobs(8, 100 * 1024 ** 2)).toBe(1);
    expect(effectiveJobs(40, 2)).toBe(2);
    expect(effectiveJobs(1, 2)).toBe(1);
    expect(effectiveJobs(undefined, 3)).toBe(3);
    expect(jobsNotice(2, 2)).toBeUndefined();
    expect(jobsNotice(undefined, 2)).toBeUndefined();
  });

  it('build -j 40 says in Chinese how many it runs instead', () => {
    const dir = scratch('plandoc-jobs-');
    dirs.push(dir);
    mkdirSync(join(dir, 'plans'));
    copyFileSync(EXAMPLE_PLAN, join(dir, 'plans', 'plan.yaml'));
    const result = runCli(['build', 'plans', '-o', 'out', '--to', 'md', '-j', '40'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`-j 40 超过了这台电脑能同时运行的数量（每个 CPU 核一个，每个约占 256 MB 内存），按 ${maxJobs()} 个并行生成。`);
  });
});
