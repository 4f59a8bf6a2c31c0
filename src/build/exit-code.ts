// Runs a command body and turns a UsageError into its message and exit code 2
// (main.ts would otherwise report it with the input-error code).
import { EXIT_USAGE, UsageError } from '../cli/exit.js';

export async function exitCodeOf(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`plandoc: ${error.message}\n（用 plandoc help 查看用法）\n`);
    return EXIT_USAGE;
  }
}
