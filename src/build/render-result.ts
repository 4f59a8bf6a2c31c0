// What a build's renderer reports for one file, and where the plandoc that
// runs the render workers lives.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { packageRoot } from '../init/schema-path.js';

export interface RenderJobResult {
  ok: boolean;
  /** files written, as `plandoc render` names them */
  outputs: string[];
  /** diagnostics and warnings, formatted as `plandoc render` prints them */
  messages: string;
}

export function plandocBin(): string {
  return join(packageRoot(), 'bin', 'plandoc.js');
}

/**
 * plandoc's version and a hash of its code, so a new build of plandoc
 * re-renders everything. scripts/build.mjs writes the hash next to the
 * bundle, so a build does not read 2.5 MB of code to learn it.
 */
export function toolIdentity(): string {
  const root = packageRoot();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return `${manifest.version ?? '0'}+${codeHash(join(root, 'dist', 'plandoc.cjs'))}`;
}

function codeHash(bundle: string): string {
  if (!existsSync(bundle)) return 'unbundled';
  try {
    const recorded = readFileSync(`${bundle}.sha256`, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(recorded)) return recorded;
  } catch {
    // no recorded hash: hash the bundle
  }
  return createHash('sha256').update(readFileSync(bundle)).digest('hex');
}
