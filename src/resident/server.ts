// The resident renderer: while `render --watch`, `build --watch` or `serve`
// runs, its warm process also answers a plain `plandoc render` / `plandoc
// check` started in the same folder (the thin client is bin/resident.js).
// It runs the same command functions with the client's terminal facts and
// sends back what they wrote, so the output is the same either way. It
// declines (and the client runs the command itself) whenever anything that
// could change the output differs: another plandoc build or Node release,
// another folder, umask or relevant environment, or a command line the
// client should let commander handle.
import { appendFileSync, chmodSync, lstatSync, mkdirSync, realpathSync, rmSync, type Stats } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPrivateDirectory, PROTOCOL, relevantEnv, residentDirectory, residentSocketPath, toolIdentity, type ResidentWork } from '../../bin/resident.js';
import { packageRoot } from '../init/schema-path.js';
import { recordingConsole, type TerminalFacts } from '../io/console.js';

interface ResidentRequest extends ResidentWork {
  protocol: number;
  tool: string;
  folder: string;
  umask: number;
  env: Record<string, string>;
  terminal: TerminalFacts;
}

export interface Resident {
  socketPath: string;
  close(): Promise<void>;
}

/** Runs `work` with a resident renderer listening for its folder (when one can be started safely). */
export async function whileResident<T>(work: () => Promise<T>): Promise<T> {
  const resident = await startResident().catch(() => undefined);
  try {
    return await work();
  } finally {
    await resident?.close();
  }
}

/**
 * Listens on the folder's socket. Undefined when plandoc does not run from
 * its bundle (the client's code would differ), when the socket directory is
 * not private, or when another resident already serves this folder.
 */
export async function startResident(): Promise<Resident | undefined> {
  const bundleDir = join(packageRoot(), 'dist');
  if (typeof process.getuid !== 'function' || fileURLToPath(import.meta.url) !== join(bundleDir, 'plandoc.cjs')) return undefined;
  const directory = residentDirectory();
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (!isPrivateDirectory(lstatSync(directory))) return undefined;
  const folder = realpathSync(process.cwd());
  const socketPath = residentSocketPath(directory, folder);
  if (!(await clearStaleSocket(socketPath))) return undefined;
  const identity = { tool: toolIdentity(bundleDir), folder };
  let queue = Promise.resolve();
  const server = createServer((socket) => {
    readRequest(socket, (request) => {
      if (!acceptable(request, identity)) return void socket.end(`${JSON.stringify({ accepted: false })}\n`);
      socket.write(`${JSON.stringify({ accepted: true })}\n`);
      queue = queue.then(() => answer(socket, request));
    });
  });
  await listen(server, socketPath);
  chmodSync(socketPath, 0o600);
  const ours = lstatSync(socketPath);
  return { socketPath, close: () => closeResident(server, socketPath, ours) };
}

/** True when the path is free (a socket left by a process that died is removed); false when a resident answers there. */
async function clearStaleSocket(path: string): Promise<boolean> {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return true;
  }
  if (!stat.isSocket() || stat.uid !== process.getuid!()) return false;
  const alive = await new Promise<boolean>((done) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
  if (alive) return false;
  rmSync(path, { force: true });
  return true;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => {
      server.off('error', fail);
      done();
    });
  });
}

async function closeResident(server: Server, socketPath: string, ours: Stats): Promise<void> {
  await new Promise<void>((done) => server.close(() => done()));
  try {
    // another resident may have taken the path over if ours was removed
    if (lstatSync(socketPath).ino === ours.ino) rmSync(socketPath, { force: true });
  } catch {
    // already gone
  }
}

function readRequest(socket: Socket, handle: (request: ResidentRequest | undefined) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  const onData = (chunk: string): void => {
    buffer += chunk;
    const newline = buffer.indexOf('\n');
    if (newline < 0) return;
    socket.off('data', onData);
    handle(parseRequest(buffer.slice(0, newline)));
  };
  socket.on('data', onData);
}

function parseRequest(line: string): ResidentRequest | undefined {
  try {
    return JSON.parse(line) as ResidentRequest;
  } catch {
    return undefined;
  }
}

/** Only work whose output cannot differ from the client's own run. */
function acceptable(request: ResidentRequest | undefined, identity: { tool: string; folder: string }): request is ResidentRequest {
  if (!request || request.protocol !== PROTOCOL || request.tool !== identity.tool || request.folder !== identity.folder) return false;
  if (realpathSync(process.cwd()) !== identity.folder || request.umask !== process.umask()) return false;
  if (JSON.stringify(request.env) !== JSON.stringify(relevantEnv())) return false;
  if (!Array.isArray(request.files) || !request.files.every((file) => typeof file === 'string')) return false;
  if (request.command === 'check') return request.flags.format === undefined || request.flags.format === 'text' || request.flags.format === 'json';
  // a PDF is LibreOffice's work, found on the client's PATH: not handed over
  return request.command === 'render' && !/pdf/i.test(request.flags.to ?? '');
}

/** Runs the command for the client and sends what it wrote; a failure sends nothing the client accepts, so it runs the command itself. */
async function answer(socket: Socket, request: ResidentRequest): Promise<void> {
  const console = recordingConsole(request.terminal);
  try {
    const code = await runWork(request, console);
    noteServed(request);
    socket.end(`${JSON.stringify({ code, written: console.written })}\n`);
  } catch {
    socket.end(`${JSON.stringify({ crashed: true })}\n`);
  }
}

/** PLANDOC_RESIDENT_LOG=FILE: one line per command answered here (how the tests know who did the work). */
function noteServed(request: ResidentRequest): void {
  const log = process.env.PLANDOC_RESIDENT_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ command: request.command, files: request.files })}\n`);
}

async function runWork(request: ResidentRequest, console: ReturnType<typeof recordingConsole>): Promise<number> {
  if (request.command === 'check') {
    const { runCheck } = await import('../check/command.js');
    return runCheck(request.files, { format: request.flags.format ?? 'text' }, console);
  }
  const { parseFormats } = await import('../cli/render.js');
  const { runRender } = await import('../render/command.js');
  const to = request.flags.to === undefined ? undefined : parseFormats(request.flags.to);
  return runRender(request.files, { out: request.flags.out ?? 'out', to: to ?? ['md', 'docx'], ...(request.flags.verbose ? { verbose: true } : {}) }, console);
}
