// Renders one input in a child `plandoc render` process. A child per file
// uses every core, keeps one broken file from taking the build down, and
// gives exactly the diagnostics `plandoc render` prints.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { packageRoot } from '../init/schema-path.js';

export interface RenderJob {
  input: string;
  outDir: string;
  formats: string[];
  templates?: string;
  config?: string;
}

export interface RenderJobResult {
  ok: boolean;
  /** files written, as `plandoc render` names them */
  outputs: string[];
  /** what the child printed on stderr: diagnostics, warnings */
  messages: string;
}

export function plandocBin(): string {
  return join(packageRoot(), 'bin', 'plandoc.js');
}

/** plandoc's version and a hash of its code, so a new build of plandoc re-renders everything. */
export function toolIdentity(): string {
  const root = packageRoot();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  const bundle = join(root, 'dist', 'plandoc.js');
  const code = existsSync(bundle) ? createHash('sha256').update(readFileSync(bundle)).digest('hex') : 'unbundled';
  return `${manifest.version ?? '0'}+${code}`;
}

export function renderArguments(job: RenderJob): string[] {
  const args = ['render', job.input, '-o', job.outDir, '--to', job.formats.join(',')];
  if (job.templates) args.push('--templates', job.templates);
  if (job.config) args.push('--config', job.config);
  return args;
}

export function renderInChild(job: RenderJob, color: boolean): Promise<RenderJobResult> {
  return new Promise((done) => {
    const env = { ...process.env };
    if (color) env.FORCE_COLOR = '1';
    const child = spawn(process.execPath, [plandocBin(), ...renderArguments(job)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => done({ ok: false, outputs: [], messages: `plandoc: 无法启动生成进程：${error.message}\n` }));
    child.on('close', (code) => {
      const outputs = stdout.split('\n').filter((line) => line.startsWith('已生成 ')).map((line) => line.slice('已生成 '.length).trim());
      done({ ok: code === 0, outputs, messages: stderr });
    });
  });
}
