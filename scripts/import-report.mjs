// npm run import-report: imports every document under tests/fixtures/import
// (and the reference documents in tests/fixtures/reference), renders each
// result back and prints what survived. The figures in the README come from here.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const DIRS = ['tests/fixtures/import', 'tests/fixtures/reference'];
const DOCUMENTS = /^(?!README).*\.(txt|md|docx|doc|wps|rtf|pdf)$/i;

// inside the package, so the bundle finds templates/ above it as src/ does
const bundle = resolve('node_modules/.cache/plandoc/import-report.mjs');
await build({
  entryPoints: [resolve('src/import/report.ts')],
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'error',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { reportOn } = await import(pathToFileURL(bundle).href);

const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => DOCUMENTS.test(f)).sort().map((f) => join(d, f)));
const rows = [];
for (const file of files) rows.push(await reportOn(resolve(file), file));

const pct = (a, b) => (b ? `${Math.round((a / b) * 100)}%` : '—');
console.log('| 文件 | 导入为 | 段落完整 | 自有编号保留 | 标题（一、/（一）/1./（1）） | 表格单元格保留 | 指标（目标） | 完成值 | 版记等 | check |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.kind === 'refused') {
    console.log(`| ${r.file} | 拒绝 | — | — | — | — | — | — | — | ${r.message} |`);
    continue;
  }
  const kind = r.kind === 'summary' ? '总结（进度文件）' : '计划';
  console.log(`| ${r.file} | ${kind} | ${r.whole}/${r.paragraphs}（${pct(r.whole, r.paragraphs)}） | ${r.numberedKept}/${r.numbered}（${pct(r.numberedKept, r.numbered)}） | ${r.headings.join('/')} | ${r.cells ? `${r.cellsKept}/${r.cells}` : '—'} | ${r.metrics} | ${r.values} | ${r.furniture.join('、') || '—'} | ${r.accepted ? '通过' : '不通过'} |`);
}
const imported = rows.filter((r) => r.kind !== 'refused');
const sum = (key) => imported.reduce((n, r) => n + r[key], 0);
console.log(`\n合计 ${rows.length} 份：导入 ${imported.length} 份，check 通过 ${imported.filter((r) => r.accepted).length} 份；段落完整 ${sum('whole')}/${sum('paragraphs')}（${pct(sum('whole'), sum('paragraphs'))}），自有编号保留 ${sum('numberedKept')}/${sum('numbered')}（${pct(sum('numberedKept'), sum('numbered'))}），表格单元格保留 ${sum('cellsKept')}/${sum('cells')}（${pct(sum('cellsKept'), sum('cells'))}）`);
if (imported.some((r) => !r.accepted)) process.exitCode = 1;
