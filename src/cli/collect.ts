// plandoc collect 调度表*.xlsx --into PROGRESS.yaml [--dry-run]
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('collect')
    .description('把填好的调度表（.xlsx）汇总进进度文件，保留文件中的注释和顺序')
    .argument('<调度表...>', '填好的 .xlsx 文件（Excel、WPS 或 LibreOffice 保存的均可）')
    .requiredOption('--into <进度文件>', '写入的进度 .yaml 文件（有 period 的文件）')
    .option('--dry-run', '只显示将要写入的改动，不修改进度文件')
    .addHelpText('after', '\n例子：\n  plandoc collect 调度表-*.xlsx --into plans/changshou-2026-h1.yaml --dry-run\n  plandoc collect 调度表-*.xlsx --into plans/changshou-2026-h1.yaml\n\n按隐藏的“编号”列（没有时按指标名称）对应计划中的指标；几个单位报送同一指标时，数量类指标相加。\n有错误时退出码为 1，进度文件不作任何改动。\n')
    .action(async (files: string[], flags: { into: string; dryRun?: boolean }) => {
      const { runCollect } = await import('../collect/command.js');
      process.exitCode = await runCollect(files, flags);
    });
}
