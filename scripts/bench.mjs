// `npm run bench`: plandoc against pandoc on the same documents, in one run,
// alternating, several repetitions, medians and ratios.
//   (a) one cold `plandoc render` process vs one `pandoc` process
//   (b) `plandoc build` of 10, 100 and 1,000 documents vs as many pandoc runs
//       (both over all cores), with the peak RSS of the 1,000-document build
//   (c) incremental build of 100 documents: nothing changed, one file changed,
//       against one pandoc run
//   (d) warm re-render: `plandoc build --watch`, from saving a file to its new DOCX
//   (e) the resident renderer: a one-shot render handed to a running `render --watch`
//   (f) in-process documents per second and peak memory (VmHWM)
//   (g) scale: the example plan's sections repeated 1×, 10×, 100×, in process
// BENCH_REPS, BENCH_SIZES (e.g. "10,100,1000") and BENCH_BUILD_REPS override the defaults below.
// Peer: pandoc converts the Markdown plandoc itself wrote for the same plan, so
// both tools produce a DOCX from the same text.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { residentDirectory, residentSocketPath } from '../bin/resident.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BIN = join(ROOT, 'bin', 'plandoc.js');
const PLANS = ['changshou-2026', 'songtao-2022'];
const REPS = Number(process.env.BENCH_REPS ?? 7);
const BUILD_SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const INCREMENTAL_DOCS = 100;
const BUILD_REPS = Number(process.env.BENCH_BUILD_REPS ?? Math.max(1, Math.min(3, REPS)));
const SCALES = [1, 10, 100];
const CORES = availableParallelism();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function timed(command, args, options = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr?.toString() ?? ''}`);
  }
  return elapsed;
}

function requirePandoc() {
  const probe = spawnSync('pandoc', ['--version']);
  if (probe.status !== 0) {
    console.error('未找到 pandoc：请先运行 bash scripts/install-system-deps.sh');
    process.exit(1);
  }
  return probe.stdout.toString().split('\n')[0];
}

function prepareInputs(work) {
  const md = join(work, 'md');
  execFileSync(process.execPath, [BIN, 'render', ...PLANS.map((p) => join(ROOT, 'plans', `${p}.yaml`)), '-o', md, '--to', 'md'], {
    stdio: 'ignore',
  });
  return md;
}

/**
 * NODE_EXTRA_CA_CERTS (set on this sandbox for its proxy) makes every Node
 * process parse a certificate bundle before running any code: `node -e 0`
 * takes ~75 ms with it and ~25 ms without. plandoc never uses the network,
 * so (a) is also measured without it, as on an office computer.
 */
const NODE_ENVS = process.env.NODE_EXTRA_CA_CERTS
  ? [
      { label: '本机环境（设有 NODE_EXTRA_CA_CERTS）', env: process.env },
      { label: '不设 NODE_EXTRA_CA_CERTS（办公电脑的情形）', env: withoutExtraCerts() },
    ]
  : [{ label: '本机环境', env: process.env }];

function withoutExtraCerts() {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Per environment: the Node start-up floor (`node -e 0`), then each plan against pandoc. */
function benchCold(work, md, env) {
  const floor = [];
  const rows = PLANS.map((plan) => ({ plan, ours: [], peer: [] }));
  for (let i = 0; i < REPS; i++) {
    floor.push(timed(process.execPath, ['-e', '0'], { env }));
    for (const row of rows) {
      row.ours.push(timed(process.execPath, [BIN, 'render', join(ROOT, 'plans', `${row.plan}.yaml`), '-o', join(work, 'cold'), '--to', 'docx'], { env }));
      row.peer.push(timed('pandoc', [join(md, `${row.plan}.md`), '-o', join(work, 'cold', `${row.plan}.pandoc.docx`)]));
    }
  }
  return { floor: median(floor), rows: rows.map((row) => ({ plan: row.plan, ours: median(row.ours), peer: median(row.peer) })) };
}

function makeCorpus(work, md, docs) {
  const plans = join(work, `corpus-${docs}`, 'plans');
  const mds = join(work, `corpus-${docs}`, 'md');
  mkdirSync(plans, { recursive: true });
  mkdirSync(mds, { recursive: true });
  for (let i = 0; i < docs; i++) {
    const plan = PLANS[i % PLANS.length];
    cpSync(join(ROOT, 'plans', `${plan}.yaml`), join(plans, `${plan}-${String(i).padStart(4, '0')}.yaml`));
    cpSync(join(md, `${plan}.md`), join(mds, `${plan}-${String(i).padStart(4, '0')}.md`));
  }
  // the schema comment points at ../schema; keep it resolvable
  cpSync(join(ROOT, 'schema'), join(work, `corpus-${docs}`, 'schema'), { recursive: true });
  return { plans, mds, docs };
}

/** Peak RSS (MB) of the largest single process of a command, from GNU time. */
function peakRssMB(command, args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(result.stderr?.toString().trim().split('\n').pop());
  return result.status === 0 && Number.isFinite(kb) ? kb / 1024 : undefined;
}

function benchBuild(work, corpus, { peak }) {
  const ours = [];
  const peer = [];
  for (let i = 0; i < BUILD_REPS; i++) {
    const out = join(work, `build-out-${corpus.docs}-${i}`);
    ours.push(timed(process.execPath, [BIN, 'build', corpus.plans, '-o', out, '--to', 'docx']));
    const peerOut = join(work, `pandoc-out-${i}`);
    mkdirSync(peerOut, { recursive: true });
    // pandoc gets the same cores: xargs runs one pandoc per file, CORES at a time
    peer.push(
      timed('sh', ['-c', `ls "${corpus.mds}" | xargs -P ${CORES} -I{} pandoc "${corpus.mds}/{}" -o "${peerOut}/{}.docx"`]),
    );
    rmSync(out, { recursive: true, force: true });
    rmSync(peerOut, { recursive: true, force: true });
  }
  const peakMB = peak ? peakRssMB(process.execPath, [BIN, 'build', corpus.plans, '-o', join(work, 'build-mem'), '--to', 'docx']) : undefined;
  rmSync(join(work, 'build-mem'), { recursive: true, force: true });
  return { ours: median(ours), peer: median(peer), docs: corpus.docs, peakMB };
}

/**
 * (c) A second build with nothing changed, then with one file changed before
 * each run, with and without NODE_EXTRA_CA_CERTS as (a). PLANDOC_STAT_CHECK_LOG
 * counts the builds answered from stats alone (bin/build-unchanged.js).
 */
function benchIncremental(work, corpus) {
  const out = join(work, 'incremental-out');
  const log = join(work, 'stat-check.log');
  const answered = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length : 0);
  const build = (env) => timed(process.execPath, [BIN, 'build', corpus.plans, '-o', out, '--to', 'docx'], { env: { ...env, PLANDOC_STAT_CHECK_LOG: log } });
  build(process.env);
  // the first check after a build hashes the outputs it has just written (their stat was taken too soon to trust)
  build(process.env);
  const changed = join(corpus.plans, readdirSync(corpus.plans).sort()[0]);
  const rows = [];
  for (const { label, env } of NODE_ENVS) {
    const unchanged = [];
    const oneChanged = [];
    let statAnswers = 0;
    for (let i = 0; i < REPS; i++) {
      // older than the build's racy window, so the stats just recorded are trusted
      spawnSync('sleep', ['0.15']);
      const before = answered();
      unchanged.push(build(env));
      statAnswers += answered() - before;
      appendFileSync(changed, `# bench ${i}\n`);
      oneChanged.push(build(env));
    }
    rows.push({ label, unchanged: median(unchanged), oneChanged: median(oneChanged), statAnswers });
  }
  rmSync(out, { recursive: true, force: true });
  return rows;
}

/**
 * A watch keeps preparing its input in the background for up to 1.5 s after
 * it starts (keepWarm in src/build/render-inprocess.ts), as it would have
 * long before a user's next save: (d) and (e) measure after that.
 */
const WARM_UP_WAIT_MS = 2000;

/** (d) `plandoc build --watch`: from the save of a plan to its new DOCX, as the preview would see it. */
async function benchWatch(work) {
  const dir = join(work, 'watch');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
  const plan = join(dir, 'plans', `${PLANS[0]}.yaml`);
  cpSync(join(ROOT, 'plans', `${PLANS[0]}.yaml`), plan);
  const docx = join(dir, 'out', `${PLANS[0]}.docx`);
  const child = spawn(process.execPath, [BIN, 'build', 'plans', '-o', 'out', '--to', 'docx', '--watch'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await new Promise((ready, fail) => {
      let text = '';
      child.stderr.on('data', (chunk) => {
        text += chunk;
        if (text.includes('正在监视')) ready();
      });
      child.once('exit', () => fail(new Error(`build --watch ended: ${text}`)));
    });
    await sleep(WARM_UP_WAIT_MS);
    const latencies = [];
    for (let i = 0; i < REPS; i++) {
      const before = statSync(docx).mtimeMs;
      await sleep(300);
      const start = performance.now();
      appendFileSync(plan, `# save ${i}\n`);
      while (statSync(docx).mtimeMs === before) {
        if (performance.now() - start > 20_000) throw new Error('build --watch wrote no new DOCX within 20 s');
        await sleep(2);
      }
      latencies.push(performance.now() - start);
    }
    return median(latencies);
  } finally {
    child.kill('SIGINT');
  }
}

/**
 * (e) A one-shot `plandoc render` in a folder where `render --watch` runs:
 * the thin client hands the work to the warm process. PLANDOC_RESIDENT_LOG
 * counts what the resident answered, so a silent fallback cannot pass for it.
 * One resident; the clients run with and without NODE_EXTRA_CA_CERTS, as (a).
 */
async function benchResident(work, md) {
  const dir = join(work, 'resident');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'plans', `${PLANS[0]}.yaml`), join(dir, 'plans', `${PLANS[0]}.yaml`));
  const log = join(work, 'resident.log');
  const served = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length : 0);
  const child = spawn(process.execPath, [BIN, 'render', '--watch', `plans/${PLANS[0]}.yaml`, '-o', 'watched', '--to', 'docx'], { cwd: dir, env: { ...process.env, PLANDOC_RESIDENT_LOG: log }, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await waitForResident(child, dir);
    await sleep(WARM_UP_WAIT_MS);
    const rows = [];
    for (const { label, env } of NODE_ENVS) {
      const clientEnv = { ...env, PLANDOC_RESIDENT_LOG: log };
      const before = served();
      const ours = [];
      const peer = [];
      for (let i = 0; i < REPS; i++) {
        ours.push(timed(process.execPath, [BIN, 'render', `plans/${PLANS[0]}.yaml`, '-o', 'out', '--to', 'docx'], { cwd: dir, env: clientEnv }));
        peer.push(timed('pandoc', [join(md, `${PLANS[0]}.md`), '-o', join(dir, 'pandoc.docx')]));
      }
      rows.push({ label, ours: median(ours), peer: median(peer), answered: served() - before });
    }
    return rows;
  } finally {
    child.kill('SIGINT');
  }
}

async function waitForResident(child, dir) {
  const socket = residentSocketPath(residentDirectory(), dir);
  let text = '';
  child.stderr.on('data', (chunk) => (text += chunk));
  for (const start = performance.now(); !(text.includes('正在监视') && existsSync(socket)); await sleep(20)) {
    if (child.exitCode !== null || performance.now() - start > 60_000) throw new Error(`render --watch started no resident renderer: ${text}`);
  }
}

/** The example plan with its sections repeated `times` times (ids made unique). */
function scaledPlan(times) {
  const plan = parseYaml(readFileSync(join(ROOT, 'plans', `${PLANS[0]}.yaml`), 'utf8'));
  const copies = [];
  for (let k = 0; k < times; k++) copies.push(...plan.sections.map((section) => (k === 0 ? section : withSuffix(section, `-${k}`))));
  return stringifyYaml({ ...plan, sections: copies }, { lineWidth: 0 });
}

function withSuffix(section, suffix) {
  const copy = { ...section, ...(section.id ? { id: `${section.id}${suffix}` } : {}) };
  if (section.children) copy.children = section.children.map((child) => withSuffix(child, suffix));
  return copy;
}

function benchScale(work) {
  const files = SCALES.map((times) => {
    const file = join(work, `scaled-${times}x.yaml`);
    writeFileSync(file, scaledPlan(times));
    return { times, file };
  });
  const script = join(work, 'scale.mjs');
  writeFileSync(
    script,
    `import { renderPlanInMemory } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
import { readFileSync } from 'node:fs';
const files = ${JSON.stringify(files)};
for (const { file } of files) await renderPlanInMemory(readFileSync(file, 'utf8'), file);
const rows = [];
for (const { times, file } of files) {
  const source = readFileSync(file, 'utf8');
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < ${Math.max(3, Math.min(REPS, 5))}; i++) {
    const start = performance.now();
    const result = await renderPlanInMemory(source, file);
    ms.push(performance.now() - start);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(file + ': ' + result.diagnostics[0].message);
    bytes = result.docx.length;
  }
  ms.sort((a, b) => a - b);
  rows.push({ times, ms: ms[ms.length >> 1], docxKB: bytes / 1024, yamlKB: source.length / 1024 });
}
const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ rows, peakMB: hwm ? Number(hwm[1]) / 1024 : undefined }));
`,
  );
  const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

function benchInProcess(work) {
  const script = join(work, 'inprocess.mjs');
  writeFileSync(
    script,
    `import { renderPlanInMemory } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
import { readFileSync } from 'node:fs';
const sources = ${JSON.stringify(PLANS.map((p) => join(ROOT, 'plans', `${p}.yaml`)))}.map((f) => [f, readFileSync(f, 'utf8')]);
for (let i = 0; i < 20; i++) await renderPlanInMemory(sources[i % sources.length][1], sources[i % sources.length][0]);
const n = 300;
const start = performance.now();
for (let i = 0; i < n; i++) await renderPlanInMemory(sources[i % sources.length][1], sources[i % sources.length][0]);
const seconds = (performance.now() - start) / 1000;
const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ docsPerSecond: n / seconds, peakMB: hwm ? Number(hwm[1]) / 1024 : process.memoryUsage().rss / 1048576 }));
`,
  );
  const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

/** The workbench's figures (issue #18 item 9): scripts/bench-serve.mjs in its own process, which needs Chromium. */
function benchServe() {
  const chromium = process.env.PLANDOC_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return `  没有找到 Chromium（${chromium}），跳过；scripts/install-system-deps.sh 会安装它`;
  const output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench-serve.mjs'), '--runs', String(Math.max(REPS, 5))], { cwd: ROOT, encoding: 'utf8' });
  return output.trimEnd().split('\n').map((line) => `  ${line}`).join('\n');
}

async function main() {
  const pandocVersion = requirePandoc();
  const work = mkdtempSync(join(tmpdir(), 'plandoc-bench-'));
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  try {
    console.log(`plandoc 对比 ${pandocVersion}；${CORES} 个 CPU 核；每项重复 ${REPS} 次取中位数；开始时系统负载 ${load()}\n`);
    const md = prepareInputs(work);

    console.log('(a) 单个文档，冷启动进程（plandoc render → DOCX 对比 pandoc md → DOCX）');
    let pandocOnce;
    for (const { label, env } of NODE_ENVS) {
      const cold = benchCold(work, md, env);
      pandocOnce ??= cold.rows[0].peer;
      console.log(`  ${label}：空的 Node 进程（node -e 0）${fmt(cold.floor)}`);
      for (const row of cold.rows) {
        console.log(`    ${row.plan.padEnd(16)} plandoc ${fmt(row.ours).padStart(8)}   pandoc ${fmt(row.peer).padStart(8)}   plandoc 用时为 pandoc 的 ${(row.ours / row.peer).toFixed(2)} 倍`);
      }
    }

    console.log(`\n(b) 批量生成（plandoc build 对比同样多次 pandoc，均并行 ${CORES} 路）`);
    for (const docs of BUILD_SIZES) {
      const build = benchBuild(work, makeCorpus(work, md, docs), { peak: docs === Math.max(...BUILD_SIZES) });
      const oursRate = build.docs / (build.ours / 1000);
      const peerRate = build.docs / (build.peer / 1000);
      console.log(`  ${String(docs).padStart(5)} 个  plandoc ${fmt(build.ours).padStart(8)}（${oursRate.toFixed(1)} 个/秒）   pandoc ${fmt(build.peer).padStart(8)}（${peerRate.toFixed(1)} 个/秒）   吞吐量为 pandoc 的 ${(oursRate / peerRate).toFixed(2)} 倍`);
      if (build.peakMB) console.log(`         plandoc build 单个进程的峰值内存 ${build.peakMB.toFixed(0)} MB`);
    }

    console.log(`\n(c) 增量生成（${INCREMENTAL_DOCS} 个文档的目录再运行 plandoc build，对比一次 pandoc ${fmt(pandocOnce)}）`);
    for (const row of benchIncremental(work, makeCorpus(work, md, INCREMENTAL_DOCS))) {
      console.log(`  ${row.label}：`);
      console.log(`    没有改动     ${fmt(row.unchanged).padStart(8)}   为一次 pandoc 的 ${(row.unchanged / pandocOnce).toFixed(2)} 倍（只看文件状态就答复了 ${row.statAnswers}/${REPS} 次）`);
      console.log(`    改了一个文件 ${fmt(row.oneChanged).padStart(8)}   为一次 pandoc 的 ${(row.oneChanged / pandocOnce).toFixed(2)} 倍`);
    }

    console.log('\n(d) 保存后重新生成（plandoc build --watch：保存计划文件 → 新的 DOCX 写好）');
    console.log(`  ${fmt(await benchWatch(work))}（含监视的合并等待）`);

    console.log('\n(e) 常驻渲染进程代答 plandoc render（同一目录里有 plandoc render --watch 在运行）');
    for (const row of await benchResident(work, md)) {
      console.log(`  ${row.label}：plandoc ${fmt(row.ours).padStart(8)}   pandoc ${fmt(row.peer).padStart(8)}   plandoc 用时为 pandoc 的 ${(row.ours / row.peer).toFixed(2)} 倍（常驻进程代答了 ${row.answered}/${REPS} 次）`);
    }

    console.log('\n(f) 进程内渲染（YAML → 文档树 → Markdown 和 DOCX）');
    const inProcess = benchInProcess(work);
    console.log(`  ${inProcess.docsPerSecond.toFixed(1)} 个文档/秒，峰值内存 ${inProcess.peakMB.toFixed(0)} MB`);

    console.log(`\n(g) 规模：${PLANS[0]} 的章节重复 ${SCALES.join('、')} 倍，进程内渲染用时（中位数）`);
    const scale = benchScale(work);
    const base = scale.rows[0];
    for (const row of scale.rows) {
      console.log(`  ${String(row.times).padStart(3)}×  YAML ${row.yamlKB.toFixed(0).padStart(5)} KB  DOCX ${row.docxKB.toFixed(0).padStart(5)} KB  ${fmt(row.ms).padStart(8)}   每倍 ${(row.ms / row.times).toFixed(1)} ms（1× 的 ${((row.ms / row.times) / base.ms).toFixed(2)} 倍）`);
    }
    console.log(`  峰值内存 ${scale.peakMB.toFixed(0)} MB`);

    console.log('\n(h) 工作台 plandoc serve（在 Chromium 里实测，同 npm run bench:serve）');
    console.log(benchServe());
    console.log(`\n结束时系统负载 ${load()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
