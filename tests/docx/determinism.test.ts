import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildSync } from 'esbuild';
import { markdownToDocx } from '../../src/docx/index.js';
import { ROOT } from '../helpers/cli.js';

const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');

describe('deterministic output', () => {
  it('the same Markdown gives byte-identical DOCX twice in one process', async () => {
    const a = await markdownToDocx(FULL);
    const b = await markdownToDocx(FULL);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('zip entries carry a fixed time and core.xml the document date, not now', async () => {
    const zip = await JSZip.loadAsync(await markdownToDocx(FULL));
    const times = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...times]).toEqual(['1980-01-01T00:00:00.000Z']);
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core.match(/\d{4}-\d{2}-\d{2}T[^<]*/g)).toEqual(['2026-01-14T00:00:00Z', '2026-01-14T00:00:00Z']);
  });

  it('two separate processes in different time zones write the same bytes', () => {
    const first = bundleAndRun('UTC');
    const second = bundleAndRun('Asia/Shanghai');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });
});

/** Bundles a tiny entry with esbuild (a dev dependency) and runs it in a fresh node process. */
function bundleAndRun(tz: string): string {
  const entry = `
    import { markdownToDocx } from ${JSON.stringify(`${ROOT}src/docx/index.ts`)};
    import { readFileSync } from 'node:fs';
    import { createHash } from 'node:crypto';
    const bytes = await markdownToDocx(readFileSync(${JSON.stringify(`${ROOT}tests/fixtures/md/full.md`)}, 'utf8'));
    process.stdout.write(createHash('sha256').update(bytes).digest('hex'));
  `;
  const bundle = buildSync({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const result = spawnSync(process.execPath, ['--input-type=module', '-'], { input: bundle.outputFiles[0]!.text, cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: tz } });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}
