// src/docx/package.ts keeps the finished zip entries of parts that repeat
// from one document to the next (numbering, settings, footers, the styles of
// a profile…), so a build's render worker deflates them once. A document
// packed from kept entries must be byte for byte the one packed without them,
// whatever was rendered in between, and a part that changed (another
// profile's styles) must not be answered from the kept ones.
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareRender } from '../../src/render/index.js';
import type { StyleProfileOverrides } from '../../src/docx/profile.js';
import { ROOT } from '../helpers/cli.js';

async function docx(plan: string, profile?: StyleProfileOverrides): Promise<Buffer> {
  const prepared = await prepareRender(join(ROOT, 'plans', plan), { outDir: 'out', formats: ['docx'], profile });
  const file = prepared.files.find((f) => f.path.endsWith('.docx'));
  if (!file || typeof file.data === 'string') throw new Error(`no DOCX for ${plan}`);
  return Buffer.from(file.data);
}

describe('finished parts kept from earlier documents', () => {
  it('give the same bytes as the first, uncached packing', async () => {
    // the first document of this test file's process: nothing is kept yet
    const first = await docx('changshou-2026.yaml');
    const pitches = [560, 570, 580, 590, 600];
    for (const linePitch of pitches) await docx('songtao-2022.yaml', { grid: { linePitch } });
    await docx('changshou-2026-h1.yaml');
    expect((await docx('changshou-2026.yaml')).equals(first)).toBe(true);
    expect((await docx('changshou-2026.yaml')).equals(first)).toBe(true);
  });

  it('are not taken for a part whose text changed', async () => {
    const styles = (bytes: Buffer) => strFromU8(unzipSync(bytes)['word/styles.xml']!);
    const plain = styles(await docx('songtao-2022.yaml'));
    const wider = styles(await docx('songtao-2022.yaml', { grid: { linePitch: 600 } }));
    expect(wider).not.toBe(plain);
    expect(wider).toContain('w:line="600"');
    expect(styles(await docx('songtao-2022.yaml'))).toBe(plain);
  });
});
