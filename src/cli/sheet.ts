// plandoc sheet PLAN.yaml [--period 2026-06|2026-h1|2026] [--by-unit] -o 调度表.xlsx
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('sheet')
    .description('由计划生成指标调度表（.xlsx），发给各站所、村填报')
    .argument('<计划文件>', '计划 .yaml 文件')
    .option('-o, --output <文件>', '输出的 .xlsx 文件（默认 调度表.xlsx）')
    .option('--period <期间>', '统计期间：2026-06（月）、2026-h1（上半年）、2026-h2、2026-q3（季度）或 2026（全年，默认计划年度）')
    .option('--by-unit', '每个责任单位一张工作表')
    .addHelpText('after', '\n例子：\n  plandoc sheet plans/changshou-2026.yaml --period 2026-06 -o 调度表.xlsx\n  plandoc sheet plans/changshou-2026.yaml --period 2026-h1 --by-unit -o 调度表-分单位.xlsx\n\n填好的调度表用 plandoc collect 汇总到进度文件。计划文件有错误时退出码为 1。\n')
    .action(async (file: string, flags: { output?: string; period?: string; byUnit?: boolean }) => {
      const { runSheet } = await import('../sheet/command.js');
      process.exitCode = await runSheet(file, { ...flags, out: flags.output ?? '调度表.xlsx' });
    });
}
