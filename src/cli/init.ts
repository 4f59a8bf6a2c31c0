// plandoc init [--issuer 长寿镇] [--year 2027] [--kind 工作计划] [-o FILE]: a new plan from the standard structure.
import { Option, type Command } from 'commander';

interface InitFlags {
  issuer?: string;
  year?: string;
  kind?: string;
  output?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('按标准结构新建一份计划（总体要求、重点任务、保障措施），待填写处由 check 提示')
    .option('--issuer <发文机关>', '发文机关，例如 长寿镇')
    .option('--year <年份>', '计划年度，例如 2027')
    .addOption(new Option('--kind <文种>', '文种（默认 工作计划）').choices(['工作计划', '工作方案', '实施方案', '工作要点']))
    .option('-o, --output <文件>', '写到这个文件（默认 plans/发文机关-年份.yaml）')
    .option('--force', '文件已存在时覆盖')
    .addHelpText('after', '\n在终端里运行时，没给的选项会逐项询问；在脚本里运行时 --issuer 和 --year 必须给出。\n')
    .action(async (flags: InitFlags) => {
      const { runInit, terminalAsk } = await import('../init/command.js');
      const terminal = await terminalAsk();
      try {
        process.exitCode = await runInit(flags, terminal?.ask);
      } finally {
        terminal?.close();
      }
    });
}
