// Bundles the CLI with esbuild so a cold `plandoc` start reads a few files
// instead of resolving hundreds of modules under node_modules.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { asciiOnly } from './ascii-bundle.mjs';
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

/**
 * docx 9.7.1 (pinned in package.json) ships ES5 helper calls from its oxc
 * build. The one that showed in the profile, NextAttributeComponent's
 * attribute fold (~5% of a warm render), copies the accumulator through
 * `_objectSpread2` for every attribute; a native spread does the same with
 * the same define semantics (a "__proto__" key stays an own property, as the
 * helper's defineProperty leaves it). Each rewrite must match exactly once,
 * so another docx release stops the build instead of silently not applying.
 */
const DOCX_NATIVE_HELPERS = [
  {
    from: '.reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {})',
    to: '.reduce((acc, { key, value }) => ({ ...acc, [key]: value }), {})',
  },
  // The compiler formats every header and footer twice: once only to search
  // the text for images, then for the part. Without images the search finds
  // nothing whatever the text, so the first formatting is skipped (~1% of a
  // warm render: plandoc's two page-number footers).
  ...['header', 'footer'].map((part) => ({
    from: `const xmlData = (0, import_xml.default)(this.formatter.format(${part}Wrapper.View, {`,
    to: `const xmlData = file.Media.Array.length === 0 ? "" : (0, import_xml.default)(this.formatter.format(${part}Wrapper.View, {`,
  })),
  // The library's dist carries JSZip (a browserify bundle with pako) and ran it
  // when docx loaded: ~2.5 ms of a cold render, whose parts come from
  // xmlifyFile without any zip. It now runs on the first `.default` read (the
  // only way the dist uses it); `__toESM(mod, 1).default` is `mod` itself.
  {
    from: 'var import_jszip_min = /* @__PURE__ */ __toESM(require_jszip_min(), 1);',
    to: 'var import_jszip_min = { get default() { return require_jszip_min(); } };',
  },
];

/**
 * Class fields reach the library's constructors as `_defineProperty(this,
 * "name", value)`: one shared helper whose inline caches see every class and
 * every field name, so each call looked its key up the slow, megamorphic way
 * (the run properties of every text run build a dozen such objects). Each
 * call site gets its own copy of the helper, with the same semantics (define
 * when the key is already there, assign otherwise): its caches see one class
 * and one name. The number of sites is pinned like the rewrites above.
 * With the header/footer rewrite, two pairs of profiles of a render worker
 * (300 documents) showed the DOCX stage 9-12% shorter (~3% of a document);
 * whole-worker CPU time on the loaded machine moved within its noise.
 */
const FIELD_SITE = /_defineProperty\(this, "([A-Za-z_$][\w$]*)", /g;
const FIELD_SITES = 153;

function perSiteFieldHelpers(contents, path) {
  const helpers = [];
  const rewritten = contents.replace(FIELD_SITE, (_, key) => {
    const name = `_defineField${helpers.length}`;
    const k = JSON.stringify(key);
    helpers.push(`function ${name}(e, t) { return ${k} in e ? Object.defineProperty(e, ${k}, { value: t, enumerable: !0, configurable: !0, writable: !0 }) : e[${k}] = t, e; }`);
    return `${name}(this, `;
  });
  if (helpers.length !== FIELD_SITES) throw new Error(`docx field rewrite matched ${helpers.length} times in ${path}, not ${FIELD_SITES}`);
  return `${rewritten}\n${helpers.join('\n')}\n`;
}

const docxHelpersPlugin = {
  name: 'docx-native-helpers',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.(mjs|cjs)$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const { from, to } of DOCX_NATIVE_HELPERS) {
        const count = contents.split(from).length - 1;
        if (count !== 1) throw new Error(`docx helper rewrite matched ${count} times in ${args.path}: ${from}`);
        contents = contents.replace(from, () => to);
      }
      return { contents: perSiteFieldHelpers(contents, args.path), loader: 'js' };
    });
  },
};

/**
 * commander loads node:child_process when it loads, for subcommands that are
 * separate executables, which plandoc has none of; with it come dgram, net
 * and sockets (~2 ms of every cold start). Its only use is `spawn`, so the
 * module is required on that first call instead. The rewrite must match
 * exactly once and `spawn` must be its only use, or the build stops.
 */
const COMMANDER_CHILD_PROCESS = {
  from: "const childProcess = require('node:child_process');",
  to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
};

const commanderLazyChildProcessPlugin = {
  name: 'commander-lazy-child-process',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8');
      const { from, to } = COMMANDER_CHILD_PROCESS;
      const count = contents.split(from).length - 1;
      const uses = contents.match(/\bchildProcess\.\w+/g) ?? [];
      if (count !== 1 || uses.some((use) => use !== 'childProcess.spawn')) {
        throw new Error(`commander child_process rewrite: matched ${count} times, uses ${[...new Set(uses)].join(', ')} in ${args.path}`);
      }
      return { contents: contents.replace(from, () => to), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // whitespace and syntax only: names stay readable in PLANDOC_DEBUG traces
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [precompiledPlugin, docxHelpersPlugin, commanderLazyChildProcessPlugin],
  // exceljs (sheet, collect, status --format xlsx) is 1.4 MB that no other command
  // needs: it stays in node_modules and loads only when a spreadsheet command runs
  external: ['exceljs'],
};

// The command: one CommonJS file, so bin/plandoc.js can compile it through
// V8's code cache (node:vm). Profiled on a cold `plandoc render`: compiling
// and first-running the split ES modules was ~45% of the run; with the cache
// the compiled code of everything the first run used is read back instead.
// The lazy `await import()`s of the commands stay lazy: esbuild turns them
// into module initialisers that run on first use.
await build({
  ...common,
  entryPoints: { plandoc: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__plandocModuleUrl' },
  banner: { js: "const __plandocModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

writeFileSync('dist/plandoc.cjs', asciiOnly(readFileSync('dist/plandoc.cjs', 'utf8')));

// The library API (benchmarks, worker threads, embedding), as an ES module.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  format: 'esm',
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// The code's identity for build manifests (src/build/render-result.ts).
writeFileSync('dist/plandoc.cjs.sha256', `${createHash('sha256').update(readFileSync('dist/plandoc.cjs')).digest('hex')}\n`);

// Leftovers of earlier layouts (split chunks, the ESM command bundle).
rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/plandoc.js', { force: true });
writeCodeCache();

/**
 * Fills the code caches (bin/plandoc.js keeps one per set of V8 flags) by
 * rendering the example plan and its half-year summary the three ways plandoc
 * runs: a one-shot `render`, a `build` rendering in its own process, and a
 * render worker (WORKER_FLAGS). Each cache then holds the compiled
 * code of the load, compose and DOCX stages (bin/plandoc.js rewrites a cache
 * V8 rejects).
 */
function writeCodeCache() {
  for (const name of readdirSync('dist')) if (name.endsWith('.cache')) rmSync(join('dist', name), { force: true });
  const scratch = mkdtempSync(join(tmpdir(), 'plandoc-build-'));
  const inputs = ['plans/changshou-2026.yaml', 'plans/changshou-2026-h1.yaml'];
  try {
    // PLANDOC_RESIDENT=0: a resident renderer of this folder must not take the render that fills the cache
    execFileSync(process.execPath, ['bin/plandoc.js', 'render', ...inputs, '-o', join(scratch, 'render')], { stdio: 'ignore', env: { ...process.env, PLANDOC_RESIDENT: '0' } });
    execFileSync(process.execPath, ['bin/plandoc.js', 'build', 'plans', '-o', join(scratch, 'build')], { stdio: 'ignore' });
    const requests = inputs.map((input) => `${JSON.stringify({ input, outDir: join(scratch, 'worker'), root: join(scratch, 'worker') })}\n`).join('');
    // the flags of WORKER_FLAGS (src/build/render-workers.ts): a cache is only taken under the flags it was made with
    execFileSync(process.execPath, ['--single-threaded', '--max-semi-space-size=32', 'bin/plandoc.js', 'render-worker'], {
      input: requests,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, PLANDOC_RENDER_WORKER: JSON.stringify({ formats: ['md', 'docx'], color: false }) },
    });
  } catch {
    // no example plans here (an installed package): the first command of each kind writes its cache
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
