// npm run fuzz [-- runs]: runs every property test with fresh seeds, one
// vitest run per seed, and prints the seed of any failing run so it can be
// replayed (PLANDOC_FUZZ_SEED=… npx vitest run FILE). CI uses the fixed seed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes("from 'fast-check'") ? [path] : [];
  });
}

const runs = Number(process.argv[2] ?? 1);
const files = testFiles('tests');
let failed = 0;
for (let run = 0; run < runs; run++) {
  const seed = String((Date.now() + run * 7919) % 2 ** 31);
  console.log(`fuzz run ${run + 1}/${runs}: PLANDOC_FUZZ_SEED=${seed}`);
  const result = spawnSync('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env: { ...process.env, PLANDOC_FUZZ_SEED: seed } });
  if (result.status !== 0) {
    failed++;
    console.log(`failed with PLANDOC_FUZZ_SEED=${seed}`);
  }
}
process.exit(failed ? 1 : 0);
