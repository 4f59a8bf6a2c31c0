// Bundles the CLI into one ESM file so a cold `plandoc` start reads one file
// instead of resolving hundreds of modules under node_modules.
import { build } from 'esbuild';

const entries = [
  // the command
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/plandoc.js' },
  // the library API (benchmarks, worker threads, embedding)
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js' },
];

await Promise.all(entries.map((entry) => build({
  ...entry,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
})));
