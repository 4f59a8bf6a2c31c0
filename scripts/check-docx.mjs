// npm run check:docx — renders every example and fixture through LibreOffice,
// validates each DOCX package (ISO/IEC 29500 element order, WPS self-check),
// measures the render (FU-01…FU-05, LE-01 orphan lines) and prints one
// Markdown table (the README's 排版 section carries it). Exit 1 on any failure.
// The checks are TypeScript (src/docx/check); esbuild bundles them first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'plandoc-check-docx-'));
const bundle = join(scratch, 'check-docx.mjs');
// the bundle lives outside the checkout: name the project's fontconfig file for LibreOffice
process.env.FONTCONFIG_FILE ??= join(root, 'fonts/fontconfig/fonts.conf');
try {
  await build({
    entryPoints: [join(root, 'src/docx/check/report.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { checkDocx, checkPassed, formatCheckTable } = await import(pathToFileURL(bundle).href);
  const rows = await checkDocx(root, (name) => process.stderr.write(`检查 ${name}\n`));
  process.stdout.write(`${formatCheckTable(rows)}\n`);
  if (!checkPassed(rows)) {
    process.stderr.write('check:docx：有文档没有通过检查（见上表）。\n');
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
