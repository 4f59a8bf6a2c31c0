// plandoc build renders through a pool of warm `plandoc render-worker`
// processes: the bytes must equal `plandoc render`'s, the configuration must
// reach the workers, and a file that breaks a worker must not break the build.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { RenderWorkers } from '../../src/build/render-workers.js';
import { IN_PROCESS_BATCH } from '../../src/build/index.js';

/** More files than a build renders in its own process, so the workers start. */
const FILES = IN_PROCESS_BATCH + 2;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-workers-'));
  mkdirSync(join(dir, 'plans'));
  for (let i = 0; i < FILES; i++) copyFileSync(join(ROOT, 'plans', 'songtao-2022.yaml'), join(dir, 'plans', `songtao-${i}.yaml`));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function documentXml(file: string): string {
  return strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
}

describe('plandoc build render workers', () => {
  it('write the same bytes as plandoc render, for more files than workers', () => {
    const built = runCli(['build', '-o', 'built', '-j', '2'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(built.stderr).toContain(`生成 ${FILES} 个`);
    const single = runCli(['render', 'plans/songtao-3.yaml', '-o', 'single'], { cwd: dir });
    expect(single.code).toBe(0);
    for (const ext of ['md', 'docx']) {
      expect(readFileSync(join(dir, 'built', `songtao-3.${ext}`))).toEqual(readFileSync(join(dir, 'single', `songtao-3.${ext}`)));
    }
  });

  it('use the house style of plandoc.config.yaml', () => {
    writeFileSync(join(dir, 'plandoc.config.yaml'), 'profile:\n  grid: { linePitch: 560 }\n');
    try {
      const result = runCli(['build', '-o', 'house', '--to', 'docx'], { cwd: dir });
      expect(result.code).toBe(0);
      const xml = documentXml(join(dir, 'house', 'songtao-0.docx'));
      expect(xml).toContain('w:line="560"');
      expect(xml).not.toContain('w:line="579"');
    } finally {
      rmSync(join(dir, 'plandoc.config.yaml'));
    }
  });

  it('report a file that fails as failed and go on with the next in the same worker', async () => {
    const workers = new RenderWorkers(1, { formats: ['md'], color: false });
    try {
      // an output directory under a regular file cannot be created
      const broken = await workers.render(join(dir, 'plans', 'songtao-0.yaml'), join(dir, 'plans', 'songtao-1.yaml', 'out'));
      expect(broken.ok).toBe(false);
      expect(broken.messages).toMatch(/plandoc: /);
      const next = await workers.render(join(dir, 'plans', 'songtao-0.yaml'), join(dir, 'after-failure'));
      expect(next.ok).toBe(true);
      expect(next.outputs).toEqual([join(dir, 'after-failure', 'songtao-0.md')]);
    } finally {
      workers.close();
    }
  });
});
