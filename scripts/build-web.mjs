// Bundles the workbench page (src/serve/web) into dist/web/app.js and app.css:
// CodeMirror, the chart library and the JSON Schemas travel inside the package,
// so `plandoc serve` works offline (no CDN).
import { build } from 'esbuild';

await build({
  entryPoints: { app: 'src/serve/web/main.ts' },
  outdir: 'dist/web',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.css': 'css' },
});
