#!/usr/bin/env node
// Starts the bundled command (dist/plandoc.cjs) through V8's code cache: the
// compiled code of a previous run is read from dist/plandoc.cjs.cache instead
// of parsing and compiling 2.5 MB of JavaScript again (a cold `plandoc render`
// spent ~45% of its time there). Without a usable cache the command runs the
// same, and the cache is written when it exits.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/plandoc.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // a read-only installation: run without a cache
    rmSync(temp, { force: true });
  }
}

const cachedData = readCache();
const source = readFileSync(bundle, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.main(process.argv);
