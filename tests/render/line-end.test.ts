// LE-01 (孤字) proven on the LibreOffice render: no paragraph of the example
// plans and their summaries ends with a lone character on its last line; and
// on a paragraph built to end that way, the orphan is there without the
// writer's respacing and gone with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/index.js';
import { docxToPdf } from '../../src/docx/pdf.js';
import { corpusInputs, renderInput } from '../../src/docx/check/corpus.js';
import { orphanLines } from '../../src/docx/check/furniture.js';
import { readPages } from '../../src/docx/check/render.js';
import { canRender } from './pdf-layout.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HAN = '国家治理体系和治理能力现代化建设持续推进乡村振兴战略全面实施';
/** 26 + 28 characters and one more: the width model's lone last character. */
const ORPHAN_MD = `# 标题\n\n${HAN.repeat(2).slice(0, 55)}。\n`;

async function renderBytes(docx: Uint8Array, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-le01-'));
  writeFileSync(join(dir, `${name}.docx`), docx);
  return readPages(await docxToPdf(join(dir, `${name}.docx`), dir));
}

/** The same package with every LE-01 respacing put back to the GR-02 squeeze. */
function withoutRespacing(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']!);
  parts['word/document.xml'] = strToU8(xml.replace(/<w:spacing w:val="-?\d+"\/>/g, '<w:spacing w:val="-5"/>'));
  return zipSync(parts);
}

describe.skipIf(!canRender)('LE-01 on the LibreOffice render', () => {
  it('a paragraph built to end with a lone character does so without the respacing and not with it', async () => {
    const docx = await markdownToDocx(ORPHAN_MD);
    const [fixed, unfixed] = await Promise.all([renderBytes(docx, 'fixed'), renderBytes(withoutRespacing(docx), 'unfixed')]);
    expect(orphanLines(unfixed).map((l) => l.text)).toEqual([`${HAN[54 % HAN.length]}。`]);
    expect(orphanLines(fixed)).toEqual([]);
  });

  describe('the example plans and summaries', () => {
    const inputs = corpusInputs(ROOT).filter((input) => input.startsWith('plans/'));
    const orphans = new Map<string, string[]>();

    beforeAll(async () => {
      for (const input of inputs) {
        const { docx } = await renderInput(ROOT, input);
        orphans.set(input, orphanLines(await renderBytes(docx, input.replace(/\W+/g, '-'))).map((l) => l.text));
      }
    }, 300_000);

    it('cover every plan and progress file in plans/', () => {
      expect(inputs.length).toBeGreaterThanOrEqual(5);
      expect(inputs).toEqual(expect.arrayContaining(['plans/changshou-2026.yaml', 'plans/changshou-2026-h1.yaml', 'plans/pailou-2025-h1.yaml']));
    });

    it('no paragraph ends with a lone character on its last line', () => {
      expect(Object.fromEntries(orphans)).toEqual(Object.fromEntries(inputs.map((input) => [input, []])));
    });
  });
});
