// plandoc status PROGRESS.yaml [--format table|json|xlsx] [-o FILE]: the metric dashboard.
import { Option, type Command } from 'commander';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function register(program: Command): void {
  program
    .command('status')
    .description('显示进度文件中各项指标的完成情况（目标、完成数、完成率、状态）')
    .argument('<进度文件>', '进度 .yaml 文件（有 period 的文件）')
    .addOption(new Option('--format <格式>', '输出格式：table 表格（默认），json 供程序读取，xlsx 表格文件（给习惯看表格的领导）').choices(['table', 'json', 'xlsx']).default('table'))
    .option('-o, --output <文件>', '写入这个文件，而不是打印出来（--format xlsx 时默认 指标完成情况.xlsx）')
    .addHelpText('after', '\n状态：超额完成、已完成、序时推进（累计指标不低于序时进度；年中保持住的定值指标）、控制在目标内（年中未超出“以内”“不超过”的上限）、滞后、未报送。\n例子：\n  plandoc status plans/changshou-2026-h1.yaml\n  plandoc status plans/changshou-2026-h1.yaml --format xlsx -o 指标完成情况.xlsx\n输入有错误时退出码为 1。')
    .action(async (file: string, options: { format: 'table' | 'json' | 'xlsx'; output?: string }) => {
      const { runStatus } = await import('../summary/command.js');
      const output = options.output ?? (options.format === 'xlsx' ? '指标完成情况.xlsx' : undefined);
      process.exitCode = (await runStatus(file, options.format, output)) ? EXIT_OK : EXIT_INPUT;
    });
}
