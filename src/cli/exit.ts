// Exit codes shared by every command (design.md: 0 fine, 1 input has errors, 2 wrong usage).
export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** A usage mistake found after parsing (e.g. an unknown --to format). */
export class UsageError extends Error {}

/**
 * Last line of defence: an unexpected exception is a bug, but the user still
 * gets one Chinese sentence instead of a stack trace. PLANDOC_DEBUG=1 shows it.
 */
export function reportCrash(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`plandoc: ${error.message}\n（用 plandoc help 查看用法）\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`plandoc: 内部错误：${detail}\n这是 plandoc 的缺陷，请把这条信息和输入文件报告给维护人员。\n`);
  if (process.env.PLANDOC_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
}
