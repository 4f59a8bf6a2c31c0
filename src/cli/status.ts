// plandoc status PROGRESS.yaml [--format table|json]: the metric dashboard.
import { Option, type Command } from 'commander';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function register(program: Command): void {
  program
    .command('status')
    .description('显示进度文件中各项指标的完成情况（目标、完成数、完成率、状态）')
    .argument('<进度文件>', '进度 .yaml 文件（有 period 的文件）')
    .addOption(new Option('--format <格式>', '输出格式：table 表格（默认），json 供程序读取').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\n状态：超额完成、已完成、序时推进（累计指标不低于序时进度；年中保持住的定值指标）、控制在目标内（年中未超出“以内”“不超过”的上限）、滞后、未报送。\n输入有错误时退出码为 1。')
    .action(async (file: string, options: { format: 'table' | 'json' }) => {
      const { runStatus } = await import('../summary/command.js');
      process.exitCode = (await runStatus(file, options.format)) ? EXIT_OK : EXIT_INPUT;
    });
}
