// plandoc rollover PLAN [--progress YEAR-END.yaml] [--year 2027] [-o FILE]: next year's draft from last year's plan.
import type { Command } from 'commander';

interface RolloverFlags {
  progress?: string;
  year?: string;
  output?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('rollover')
    .description('由今年的计划生成明年的计划草稿：结构、编号和指标沿用，年份顺延，目标标注待复核')
    .argument('<计划文件>', '今年的计划 .yaml（不会被改动）')
    .option('--progress <进度文件>', '今年的年终进度文件：各指标的完成数写为明年计划的基数')
    .option('--year <年份>', '新计划的年度（默认原年度加 1）')
    .option('-o, --output <文件>', '写到这个文件（默认把原文件名里的年份换成新年份，放在同一文件夹）')
    .option('--force', '输出文件已存在时覆盖')
    .addHelpText('after', '\n只替换写明计划年度的“2026年”这类文字，每一处替换都会列出；成文日期、文号、政务公开信息会清除，定稿时重新填写。\n')
    .action(async (plan: string, flags: RolloverFlags) => {
      const { runRollover } = await import('../rollover/command.js');
      process.exitCode = await runRollover(plan, flags);
    });
}
