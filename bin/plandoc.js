#!/usr/bin/env node
// Starts the bundled command (dist/plandoc.cjs) through V8's code cache: the
// compiled code of a previous run is read from dist/plandoc.cjs.cache instead
// of parsing and compiling 2.5 MB of JavaScript again (a cold `plandoc render`
// spent ~45% of its time there). Without a usable cache the command runs the
// same, and the cache is written when it exits.
//
// V8 rejects a cache made under other flags, so each set of flags has its own
// cache file: the render workers (--single-threaded) and the one-shot commands
// no longer throw each other's cache away on every run.
//
// Before any of that, `render` and `check` offer their work to a resident
// renderer of this folder (bin/resident.js), if one is running, and `build`
// answers from stats alone when nothing changed (bin/build-unchanged.js).
//
// bin/ is CommonJS (bin/package.json): an ES-module entry, its dynamic
// imports and the facades of the built-ins it imported cost every start
// ~18M instructions (~3 ms), a tenth of the paths that answer without the bundle.
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const v8 = require('node:v8');

/**
 * A one-shot command on a few files ends before V8's optimising compilers pay
 * for themselves: with the baseline compiler as the top tier a cold render
 * took 0.76x the CPU time, and 20 files still 0.75x; past ~50 files the
 * optimised code wins (docs/benchmark.md). A build renders at most a few
 * files itself and hands more to render workers, which keep the optimisers.
 */
const ONE_SHOT_FLAGS = ['--max-opt=1'];
const ONE_SHOT_COMMANDS = new Set(['render', 'check', 'status', 'lint', 'schema', 'build']);
const ONE_SHOT_MAX_ARGS = 32;

function isShortOneShot(args) {
  const [command, ...rest] = args;
  if (!ONE_SHOT_COMMANDS.has(command) || rest.includes('--watch') || rest.includes('-w')) return false;
  return rest.filter((arg) => !arg.startsWith('-')).length <= ONE_SHOT_MAX_ARGS;
}

const bundle = join(__dirname, '..', 'dist', 'plandoc.cjs');
const args = process.argv.slice(2);
void (async () => {
  const answered = await answerWithoutBundle();
  if (answered === undefined) await runBundle();
  else process.exitCode = answered;
})();

/** The exit code of a render/check a resident renderer answered, or of a build with nothing changed; else undefined. */
async function answerWithoutBundle() {
  if (args[0] === 'render' || args[0] === 'check') return require('./resident.js').askResident(args, dirname(bundle));
  if (args[0] === 'build') return require('./build-unchanged.js').answerUnchanged(args, dirname(dirname(bundle)));
  return undefined;
}

/** Compiles the bundle through the code cache of this set of V8 flags and runs the command. */
async function runBundle() {
  const chosenFlags = isShortOneShot(args) ? ONE_SHOT_FLAGS : [];
  for (const flag of chosenFlags) v8.setFlagsFromString(flag);
  const cacheFile = codeCacheFile([...process.execArgv, ...chosenFlags]);
  const cachedData = readCache(cacheFile);
  // read as bytes: Buffer's decoder makes a one-byte string of the ASCII bundle
  // (scripts/build.mjs) in a third of the time readFileSync's 'utf8' takes
  const source = readFileSync(bundle).toString();
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  await module.exports.main(process.argv);
}

/** dist/plandoc.cjs.cache for a one-shot command, a file per other set of V8 flags. */
function codeCacheFile(flags) {
  if (flags.join(' ') === ONE_SHOT_FLAGS.join(' ')) return `${bundle}.cache`;
  const { createHash } = require('node:crypto');
  return `${bundle}.${createHash('sha256').update(flags.join('\0')).digest('hex').slice(0, 12)}.cache`;
}

function readCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script, cacheFile) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // a read-only installation: run without a cache
    rmSync(temp, { force: true });
  }
}
