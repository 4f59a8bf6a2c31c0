// `plandoc build` with nothing changed, answered before the bundle is read.
// The full build (src/build) records in its manifest the stat of every file
// its decision rests on: the inputs, the configuration, the templates and the
// outputs, and what the shared part of each input's key stood for. When the
// command line is a plain build of the same folder, and every one of those
// files still has exactly the recorded size, modification time and inode
// (none recorded too soon after a change to vouch for its bytes), the full
// build would print "未变" for every file and change nothing: this prints the
// same and exits 0. On any doubt it writes nothing and returns undefined, and
// the full build runs (which also hashes what a stat cannot vouch for).
const { plainCommandLine, writeAll } = require('./command-line.js');
const { hash } = require('node:crypto');
const { appendFileSync, closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { availableParallelism, totalmem } = require('node:os');
const { basename, join, resolve } = require('node:path');

const MANIFEST_NAME = '.plandoc-build.json';
const MANIFEST_VERSION = 2;
const CONFIG_FILE_NAME = 'plandoc.config.yaml';
const FORMATS = ['md', 'docx', 'pdf'];
const BUILD_FLAGS = { '-o': 'out', '--out': 'out', '--to': 'to', '--templates': 'templates', '--config': 'config', '-j': 'jobs', '--jobs': 'jobs' };
const BUILD_SWITCHES = { '--verbose': 'verbose' };
/** A render worker's memory share (src/build/jobs.ts): -j above the cap prints a notice, so it is left to the full build. */
const WORKER_MEMORY_BYTES = 256 * 1024 * 1024;
/** The bounds the build reads within (src/load/source.ts, src/build/manifest.ts): a larger file is not one the build read. */
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Bytes this check may hash (files whose stat cannot vouch for them) before it leaves the work to the full build. */
let hashBudget = 4 * 1024 * 1024;
/** Text that the terminal sanitiser (src/io/sanitize.ts) could change: left to the full build. */
// eslint-disable-next-line no-control-regex
const MAYBE_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The input key (src/build/manifest.ts): the shared key, the input's bytes and, for a progress file, its plan's bytes. */
function inputKey(shared, inputHash, planHash) {
  return hash('sha256', `shared\0${shared}\0input\0${inputHash}${planHash === undefined ? '' : `\0plan\0${planHash}`}`);
}

/** True when `current` is the file `recorded` describes (src/build/file-stat.ts). */
function sameStat(recorded, current) {
  return recorded !== undefined && recorded !== null && !recorded.racy && recorded.size === current.size && recorded.mtimeMs === current.mtimeMs && recorded.ino === current.ino;
}

/** The formats of `--to` as render's parseFormats reads them, or undefined for anything it would refuse. */
function formatsOf(value) {
  const parts = value.split(/[,，]/).map((part) => part.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !FORMATS.includes(part))) return undefined;
  return [...new Set(parts)];
}

/** `build [DIR] [-o OUT] [--to LIST] [--templates DIR] [--config FILE] [-j N] [--verbose]`, as the full build reads it; else undefined. */
function plainBuild(args) {
  const [command, ...rest] = args;
  const line = command === 'build' ? plainCommandLine(rest, BUILD_FLAGS, BUILD_SWITCHES) : undefined;
  if (!line || line.positional.length > 1 || [...line.positional, ...Object.values(line.flags)].includes('')) return undefined;
  const { flags } = line;
  const formats = flags.to === undefined ? ['md', 'docx'] : formatsOf(flags.to);
  if (!formats || (flags.jobs !== undefined && !(/^[1-9][0-9]{0,5}$/.test(flags.jobs) && Number(flags.jobs) <= jobsCap()))) return undefined;
  return { dir: line.positional[0] ?? 'plans', out: flags.out ?? 'out', formats, templates: flags.templates, config: flags.config };
}

function jobsCap() {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / WORKER_MEMORY_BYTES)));
}

/**
 * Prints what `plandoc build` prints when nothing changed and resolves to its
 * exit code (0), or undefined (nothing written) when the full build must run.
 * `root` is the plandoc package (its package.json, dist/ and templates/).
 */
async function answerUnchanged(args, root) {
  if (process.env.PLANDOC_STAT_CHECK === '0' || process.env.PLANDOC_DEBUG) return undefined;
  const build = plainBuild(args);
  if (!build) return undefined;
  let report;
  try {
    report = unchangedReport(build, root);
  } catch {
    return undefined;
  }
  if (!report || MAYBE_UNSAFE.test(report.inputs.join('') + report.skipped.join(''))) return undefined;
  writeAll(2, reportText(report, await stderrIsTerminal()));
  const log = process.env.PLANDOC_STAT_CHECK_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ dir: build.dir, files: report.inputs.length })}\n`);
  return 0;
}

/** process.stderr.isTTY, without setting up process.stderr unless fd 2 could be a terminal. */
async function stderrIsTerminal() {
  return fstatSync(2).isCharacterDevice() && require('node:tty').isatty(2);
}

/** As src/build/command.ts writes it: skipped files, each file's line (not under a progress bar), the summary. */
function reportText({ inputs, skipped }, terminal) {
  let text = skipped.map((path) => `跳过 ${path}：不是计划文件，也不是进度文件（没有顶格写的“sections:”或“period:”）\n`).join('');
  if (!terminal) text += inputs.map((path) => `未变 ${path}\n`).join('');
  return `${text}共 ${inputs.length} 个文件：生成 0 个，未变 ${inputs.length} 个，失败 0 个\n`;
}

/** The inputs and skipped files (as the build names them) when nothing changed, else undefined. */
function unchangedReport(build, root) {
  const outDir = resolve(build.out);
  const bytes = readRegularFile(join(outDir, MANIFEST_NAME), MAX_MANIFEST_BYTES);
  const manifest = bytes && JSON.parse(bytes.toString('utf8'));
  const shared = manifest?.version === MANIFEST_VERSION ? manifest.shared : undefined;
  if (!shared || !sameSharedInputs(shared, build, outDir, root)) return undefined;
  const found = discover(build.dir, outDir, manifest.sources ?? {});
  if (!found || found.inputs.length === 0 || !sameKeys(manifest.files, found.inputs.map((input) => input.name))) return undefined;
  const hashes = new Map(found.inputs.map((input) => [input.name, input.source.hash]));
  const claimed = new Set();
  for (const input of found.inputs) {
    // both names are relative to the build directory, normalised (path.relative's output)
    const planHash = input.source.plan === undefined ? undefined : hashes.get(input.source.plan);
    if (input.source.plan !== undefined && planHash === undefined) return undefined;
    const entry = manifest.files[input.name];
    if (entry.key !== inputKey(shared.key, input.source.hash, planHash) || !outputsUnchanged(entry, outDir, claimed)) return undefined;
  }
  return { inputs: found.inputs.map((input) => input.path), skipped: found.skipped };
}

/** The tool, folders, formats, configuration and templates the shared key was made of are those of this run, unchanged. */
function sameSharedInputs(shared, build, outDir, root) {
  if (shared.tool !== toolIdentity(root) || shared.root !== root || shared.dir !== resolve(build.dir) || shared.outDir !== outDir) return false;
  if (shared.formats?.join(',') !== build.formats.join(',') || shared.templatesFlag !== (build.templates === undefined ? null : resolve(build.templates))) return false;
  const configFile = build.config !== undefined ? resolve(build.config) : statSync(CONFIG_FILE_NAME, { throwIfNoEntry: false }) ? resolve(CONFIG_FILE_NAME) : null;
  if (shared.configFile !== configFile) return false;
  if (configFile !== null && !sameFile(shared.config, configFile)) return false;
  const templates = listFiles(shared.templatesDir);
  return sameKeys(shared.templates, templates) && templates.every((name) => sameFile(shared.templates[name], `${shared.templatesDir}/${name}`));
}

/** plandoc's version and the hash of its bundle, as src/build/render-result.ts names them. */
function toolIdentity(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bundleHash = readFileSync(join(root, 'dist', 'plandoc.cjs.sha256'), 'utf8').trim();
  return /^[0-9a-f]{64}$/.test(bundleHash) ? `${version ?? '0'}+${bundleHash}` : undefined;
}

function sameFile(recorded, path) {
  const current = statSync(path);
  return current.isFile() && sameStat(recorded, current);
}

/**
 * The file the build recorded: by its stat, or (a stat recorded too soon
 * after a write to vouch for the bytes, a file touched or copied back) by
 * the hash of its bytes, as the full build checks it.
 */
function unchangedFile(recorded, recordedHash, path, maxBytes) {
  const current = statSync(path);
  if (!current.isFile()) return false;
  if (sameStat(recorded, current)) return true;
  // many unvouched files (a whole build just written): the full build hashes them once and records their stats
  hashBudget -= current.size;
  const bytes = current.size <= maxBytes && hashBudget >= 0 ? readRegularFile(path, maxBytes) : undefined;
  return bytes !== undefined && hash('sha256', bytes) === recordedHash;
}


/** The bytes of a regular file within `maxBytes`, or undefined; never waits on a FIFO or device. */
function readRegularFile(path, maxBytes) {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= maxBytes ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

function sameKeys(record, names) {
  return record !== null && typeof record === 'object' && Object.keys(record).length === names.length && names.every((name) => Object.hasOwn(record, name));
}

/** Every output of `entry` is the file its recorded stat describes, and no other input claimed it. */
function outputsUnchanged(entry, outDir, claimed) {
  const { outputs, hashes, stats } = entry;
  if (!Array.isArray(outputs) || outputs.length === 0 || hashes?.length !== outputs.length || stats?.length !== outputs.length) return false;
  return outputs.every((output, index) => {
    if (claimed.has(output)) return false;
    claimed.add(output);
    return unchangedFile(stats[index], hashes[index], `${outDir}/${output}`, MAX_OUTPUT_BYTES);
  });
}

/**
 * The build's discovery (src/build/discover.ts) from what it last recorded:
 * every YAML file under `dir` (not in the output folder, hidden files and
 * node_modules aside) must be known with an unchanged stat. Names are
 * relative to `dir`; paths as the build shows them (join(dir, name)).
 */
function discover(dir, outDir, sources) {
  const names = yamlFiles(dir, '', outDir).sort();
  if (!sameKeys(sources, names)) return undefined;
  const shown = join(dir, '.');
  const prefix = shown === '.' ? '' : shown.endsWith('/') ? shown : `${shown}/`;
  const found = { inputs: [], skipped: [] };
  for (const name of names) {
    const path = prefix + name;
    const source = sources[name];
    if (!unchangedFile(source.stat, source.hash, path, MAX_SOURCE_BYTES)) return undefined;
    if (source.kind === 'plan' || source.kind === 'progress') found.inputs.push({ path, name, source });
    else if (source.kind !== null) return undefined;
    else if (basename(name) !== CONFIG_FILE_NAME) found.skipped.push(path);
  }
  return found;
}

/** The YAML files under `dir`/`prefix`, as names relative to `dir`. */
function yamlFiles(dir, prefix, outDir) {
  const found = [];
  for (const entry of readdirSync(prefix ? `${dir}/${prefix}` : dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const name = prefix + entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && resolve(dir, name) !== outDir) found.push(...yamlFiles(dir, `${name}/`, outDir));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      found.push(name);
    }
  }
  return found;
}

/** Every regular file under `dir` (not following links), relative to it: what the templates hash covers. */
function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(`${dir}/${prefix}`, { withFileTypes: true })) {
    const name = prefix + entry.name;
    if (entry.isDirectory()) files.push(...listFiles(dir, `${name}/`));
    else if (entry.isFile()) files.push(name);
  }
  return files;
}

module.exports = { MANIFEST_NAME, MANIFEST_VERSION, CONFIG_FILE_NAME, inputKey, sameStat, formatsOf, plainBuild, answerUnchanged };
