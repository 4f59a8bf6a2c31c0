// Every property test in a run draws from one seed: fixed by default, so CI
// sees the same inputs each time; `npm run fuzz` explores new seeds.
import fc from 'fast-check';
import { FUZZ_SEED } from '../fuzz/support.js';

fc.configureGlobal({ seed: FUZZ_SEED });
