// Bundles the CLI with esbuild so a cold `plandoc` start reads a few files
// instead of resolving hundreds of modules under node_modules.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Both entries in one build so they share chunks. Splitting turns every lazy
// `await import()` of a command into its own chunk: `plandoc render` parses only
// what rendering needs instead of the whole 3 MB bundle (profiled: module
// compilation was the largest start-up cost after schema compilation).
const entryPoints = {
  // the command
  plandoc: 'src/cli/main.ts',
  // the library API (benchmarks, worker threads, embedding)
  index: 'src/index.ts',
};

const result = await build({
  entryPoints,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // whitespace and syntax only: names stay readable in PLANDOC_DEBUG traces
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// Chunk names carry a content hash; drop the ones this build no longer wrote
// (not the whole directory first: a running `plandoc` may still be loading).
const written = new Set(Object.keys(result.metafile.outputs).map((path) => path.replace(/^dist\/chunks\//, '')));
for (const name of readdirSync('dist/chunks')) {
  if (!written.has(name)) rmSync(`dist/chunks/${name}`, { force: true });
}
