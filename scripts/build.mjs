// Bundles the CLI with esbuild so a cold `plandoc` start reads a few files
// instead of resolving hundreds of modules under node_modules.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import formatsModule from 'ajv-formats';

/**
 * ajv standalone code for every schema in src/schema, exported as
 * `precompiledValidators` keyed by $id (see src/load/precompiled.ts).
 * The options must stay those of src/load/validate.ts.
 */
function writePrecompiledValidators(file) {
  const ajv = new Ajv2020({
    allErrors: true, verbose: true, allowUnionTypes: true, strict: true,
    code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  (formatsModule.default ?? formatsModule)(ajv);
  const exports = {};
  for (const name of readdirSync('src/schema').filter((n) => n.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(`src/schema/${name}`, 'utf8'));
    ajv.addSchema(schema);
    exports[`validator${Object.keys(exports).length}`] = schema.$id;
  }
  const code = (standaloneModule.default ?? standaloneModule)(ajv, exports);
  const table = Object.entries(exports).map(([name, id]) => `${JSON.stringify(id)}: ${name}`).join(', ');
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, `${code}\nexport const precompiledValidators = { ${table} };\n`);
}

const PRECOMPILED = resolve('node_modules/.cache/plandoc/precompiled-validators.js');
writePrecompiledValidators(PRECOMPILED);

/** Swaps src/load/precompiled.ts for the generated validators. */
const precompiledPlugin = {
  name: 'precompiled-validators',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/precompiled\.js$/ }, (args) =>
      args.importer.endsWith('/src/load/validate.ts') ? { path: PRECOMPILED } : undefined);
  },
};

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
  plugins: [precompiledPlugin],
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// Chunk names carry a content hash; drop the ones this build no longer wrote
// (not the whole directory first: a running `plandoc` may still be loading).
const written = new Set(Object.keys(result.metafile.outputs).map((path) => path.replace(/^dist\/chunks\//, '')));
for (const name of readdirSync('dist/chunks')) {
  if (!written.has(name)) rmSync(`dist/chunks/${name}`, { force: true });
}
