// The resident renderer's meeting point and its thin client. `render --watch`,
// `build --watch` and `serve` keep a warm renderer listening on a Unix socket
// for their folder (src/resident/server.ts); a plain `plandoc render` or
// `plandoc check` started in the same folder hands its work over here, before
// the 2.5 MB bundle is even read, and prints exactly what the in-process
// command would print. Anything unusual (no socket, a stale one, a directory
// another user could reach, other flags, another plandoc build, no answer
// within ACCEPT_TIMEOUT_MS) and the caller runs the command itself.
const { plainCommandLine, writeAll } = require('./command-line.js');
const { lstatSync, readFileSync, realpathSync } = require('node:fs');
const { join } = require('node:path');

const PROTOCOL = 1;
/** How long a resident may take to accept the work; the work itself may take as long as it needs. */
const ACCEPT_TIMEOUT_MS = 250;
/** Variables that can change what a command writes; the resident must run with the same values. */
const ENV_KEYS = ['TZ', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LC_TIME'];

/** `$XDG_RUNTIME_DIR/plandoc-<uid>` (or under the temporary directory): only this user may enter it. */
function residentDirectory(env = process.env) {
  return join(env.XDG_RUNTIME_DIR || require('node:os').tmpdir(), `plandoc-${process.getuid()}`);
}

/** One socket per folder (its real path), so a resident of another folder is never asked. */
function residentSocketPath(directory, folder) {
  return join(directory, `${fnv1a(folder, 0x811c9dc5)}${fnv1a(folder, 0x050c5d1f)}.sock`);
}

/**
 * A 32-bit FNV-1a hash of `text`'s UTF-16 code units from `seed`, as 8 hex
 * digits: two of them name a folder's socket. Not node:crypto, whose loading
 * cost the thin client a tenth of its start; a collision of two folders'
 * names costs nothing but the resident, which answers only its own folder.
 */
function fnv1a(text, seed) {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A directory nobody else can create, replace or reach into: ours, a real directory, mode 0700. */
function isPrivateDirectory(stat, uid = process.getuid()) {
  return stat.isDirectory() && !stat.isSymbolicLink() && stat.uid === uid && (stat.mode & 0o077) === 0;
}

/** The environment a command's output depends on (besides the terminal), as the resident compares it. */
function relevantEnv(env = process.env) {
  const keys = [...ENV_KEYS, ...Object.keys(env).filter((key) => key.startsWith('PLANDOC_'))].sort();
  return Object.fromEntries(keys.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
}

/** The identity of the code: the bundle's hash and the Node release (zlib's bytes differ between releases). */
function toolIdentity(bundleDir) {
  return `${readFileSync(join(bundleDir, 'plandoc.cjs.sha256'), 'utf8').trim()} node ${process.versions.node}`;
}

/**
 * `render FILE... [-o DIR] [--to LIST] [--verbose]` and `check FILE...
 * [--format text|json]`, nothing else: any other flag (help, --watch,
 * --templates, --config, `--`) goes the usual way, so commander still gives
 * its messages. Returns undefined when the command line is not one of these.
 */
function residentCommand(args) {
  const [command, ...rest] = args;
  const valued = command === 'render' ? { '-o': 'out', '--out': 'out', '--to': 'to' } : command === 'check' ? { '--format': 'format' } : undefined;
  const switches = command === 'render' ? { '--verbose': 'verbose' } : {};
  const line = valued && plainCommandLine(rest, valued, switches);
  if (!line) return undefined;
  const { positional: files, flags } = line;
  if (files.length === 0 || (flags.format !== undefined && !['text', 'json'].includes(flags.format))) return undefined;
  return { command, files, flags };
}

/**
 * Hands the command to the folder's resident renderer. Resolves to the exit
 * code after writing its output, or undefined when the caller must run the
 * command itself (nothing has been written then).
 */
async function askResident(args, bundleDir) {
  if (process.env.PLANDOC_RESIDENT === '0' || process.env.PLANDOC_DEBUG || typeof process.getuid !== 'function') return undefined;
  const work = residentCommand(args);
  if (!work) return undefined;
  let socket;
  let folder;
  let tool;
  try {
    const directory = residentDirectory();
    if (!isPrivateDirectory(lstatSync(directory))) return undefined;
    folder = realpathSync(process.cwd());
    socket = residentSocketPath(directory, folder);
    const stat = lstatSync(socket);
    if (!stat.isSocket() || stat.uid !== process.getuid()) return undefined;
    tool = toolIdentity(bundleDir);
  } catch {
    return undefined;
  }
  const reply = await exchange(socket, {
    protocol: PROTOCOL,
    tool,
    folder,
    umask: process.umask(),
    env: relevantEnv(),
    terminal: terminalFacts(),
    ...work,
  });
  if (!reply) return undefined;
  for (const [fd, text] of reply.written) writeAll(fd, text);
  return reply.code;
}

function terminalFacts() {
  const { NO_COLOR, FORCE_COLOR, TERM, CI } = process.env;
  return { stdoutIsTTY: Boolean(process.stdout.isTTY), stderrIsTTY: Boolean(process.stderr.isTTY), env: { NO_COLOR, FORCE_COLOR, TERM, CI } };
}

/** One request, newline-delimited JSON both ways: {accepted}, then {code, written}. */
function exchange(path, request) {
  return new Promise((resolve) => {
    // node:net only now: most runs find no socket, and loading it cost them ~2 ms
    const connection = require('node:net').connect(path);
    let buffer = '';
    let accepted = false;
    const give = (value) => {
      clearTimeout(timer);
      connection.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => give(undefined), ACCEPT_TIMEOUT_MS);
    connection.setEncoding('utf8');
    connection.on('error', () => give(undefined));
    connection.on('close', () => give(undefined));
    connection.on('connect', () => connection.write(`${JSON.stringify(request)}\n`));
    connection.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const message = parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (!accepted) {
          if (message?.accepted !== true) return give(undefined);
          accepted = true;
          clearTimeout(timer);
        } else {
          return give(isResult(message) ? message : undefined);
        }
      }
    });
  });
}

function parse(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isResult(message) {
  return Number.isInteger(message?.code) && Array.isArray(message.written) && message.written.every(([fd, text]) => (fd === 1 || fd === 2) && typeof text === 'string');
}

module.exports = { PROTOCOL, residentDirectory, residentSocketPath, isPrivateDirectory, relevantEnv, toolIdentity, residentCommand, askResident };
