import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docxToPdf, fontconfigFile, PdfUnavailableError } from '../../src/docx/pdf.js';

describe('docxToPdf', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('throws PdfUnavailableError with a Chinese message when soffice is not on PATH', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'plandoc-nopath-'));
    const error = await docxToPdf('/nonexistent.docx', tmpdir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as Error).message).toMatch(/LibreOffice.*无法生成 PDF/);
  });

  it('ships a fontconfig file that includes the system configuration and maps the official font names', () => {
    const file = fontconfigFile();
    expect(file).toMatch(/fonts\/fontconfig\/fonts\.conf$/);
    const conf = readFileSync(file!, 'utf8');
    expect(conf).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体', '宋体', 'Times New Roman']) expect(conf).toContain(`>${name}<`);
  });
});
