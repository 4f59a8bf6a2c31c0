// How many render workers a build may run at once. `build -j 40` used to
// start 40 processes (2.5 GB); more workers than cores only compete, and more
// than memory holds make the machine swap.
import { availableParallelism, totalmem } from 'node:os';

/** A warm render worker holds up to this much memory (peak ~190 MB in-process, docs/benchmark.md). */
export const WORKER_MEMORY_BYTES = 256 * 1024 * 1024;

/** The most workers worth running here: one per core, and no more than memory holds. */
export function maxJobs(cores = availableParallelism(), memory = totalmem()): number {
  return Math.max(1, Math.min(cores, Math.floor(memory / WORKER_MEMORY_BYTES)));
}

/** -j as asked, capped by maxJobs(); one per core (within memory) when not asked. */
export function effectiveJobs(requested: number | undefined, cap = maxJobs()): number {
  return Math.max(1, Math.min(requested ?? Number.POSITIVE_INFINITY, cap));
}

/** The notice printed when -j asks for more than the cap, or undefined. */
export function jobsNotice(requested: number | undefined, cap = maxJobs()): string | undefined {
  if (requested === undefined || requested <= cap) return undefined;
  return `-j ${requested} 超过了这台电脑能同时运行的数量（每个 CPU 核一个，每个约占 256 MB 内存），按 ${cap} 个并行生成。\n`;
}
