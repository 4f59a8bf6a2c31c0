// The 修订稿 opened and saved again by LibreOffice (as a reviewer using it
// would): the revisions are still revisions, and accepting or rejecting them
// all still gives the new and the old revision's text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fontconfigFile } from '../../src/docx/pdf.js';
import { trackedChangesDocx } from '../../src/review/track/index.js';
import { documentXml, paragraphTexts, renderText, resolve, revisionCount, textsOf } from './track-support.js';

const PLAN = 'plans/changshou-2026.yaml';
const ORIGINAL = readFileSync(PLAN, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'plandoc-track-lo-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Opens the DOCX in LibreOffice and saves it as DOCX again. */
function libreOfficeRoundTrip(docx: Uint8Array): Uint8Array {
  const input = join(scratch, 'in', '修订稿.docx');
  const outDir = join(scratch, 'out');
  spawnSync('mkdir', ['-p', join(scratch, 'in'), outDir]);
  writeFileSync(input, docx);
  const fontconfig = fontconfigFile();
  const result = spawnSync('soffice', [
    '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(scratch, 'profile')).href}`,
    '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input,
  ], { encoding: 'utf8', env: { ...process.env, ...(fontconfig ? { FONTCONFIG_FILE: fontconfig } : {}) }, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  return new Uint8Array(readFileSync(join(outDir, '修订稿.docx')));
}

function edited(): string {
  let text = ORIGINAL.replace('奋力打造具有长寿镇特色的', '全力打造具有长寿镇鲜明特色的');
  const start = text.indexOf('          - id: goal-construction');
  text = text.slice(0, start) + text.slice(text.indexOf('          - id: goal-governance'));
  const supervision = text.slice(text.indexOf('      - id: supervision'), text.indexOf('      - id: inner-motivation'));
  text = text.replace(supervision, '').replace('      - id: leadership', `${supervision}      - id: leadership`);
  return text.replace('          - id: five-guarantees', '          - id: new-task\n            title: 新增修订测试任务\n            runIn: true\n            text: 这是新插入的一段文字。\n\n          - id: five-guarantees');
}

describe('the 修订稿 after a LibreOffice round trip', () => {
  it('keeps its insertions, deletions and moves, and still accepts to the new text and rejects to the old', async () => {
    const older = await renderText(PLAN, ORIGINAL);
    const newer = await renderText(PLAN, edited());
    const tracked = trackedChangesDocx(older, newer, { author: '办公室', date: '2026-03-01T09:30:00' }).docx;
    const before = revisionCount(documentXml(tracked));
    expect(before.moveFrom).toBeGreaterThan(0);
    const saved = documentXml(libreOfficeRoundTrip(tracked));
    const after = revisionCount(saved);
    expect(after.ins).toBeGreaterThan(0);
    expect(after.del).toBeGreaterThan(0);
    expect(after.moveFrom).toBeGreaterThan(0);
    expect(after.moveTo).toBeGreaterThan(0);
    expect(saved).toMatch(/w:author="办公室"/);
    expect(paragraphTexts(resolve(saved, 'accept'))).toEqual(textsOf(newer));
    expect(paragraphTexts(resolve(saved, 'reject'))).toEqual(textsOf(older));
  }, 180_000);
});
