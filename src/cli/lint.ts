// plandoc lint FILE... [--fix]: writing conventions of plan / progress YAML and Markdown.
import type { Command } from 'commander';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function register(program: Command): void {
  program
    .command('lint')
    .description('检查计划、进度 YAML 或 Markdown 的文字规范（标点、数字、文号、日期、编号）')
    .argument('<文件...>', '要检查的 .yaml 或 .md 文件')
    .option('--fix', '直接在原文件里改正可以安全自动修改的问题（保留注释和格式）')
    .addHelpText(
      'after',
      '\n检查项：TX-01 半角标点，TX-02 破折号、省略号和数值范围，TX-03 全角数字，TX-04 可疑写法和多余空格，\n' +
        'TX-05 标点重复和引号、括号不配对，TX-06 文号，PL-06 序号写法和标题里手写的编号，PL-07 标题末尾标点，PL-11 日期前导 0。\n' +
        '这些问题在 check、render 和 build 里也同样作为警告列出。lint 还有问题没改时退出码为 1（便于在 CI 里把关），没有问题时为 0。',
    )
    .action(async (files: string[], options: { fix?: boolean }) => {
      const { runLint } = await import('../lint/command.js');
      process.exitCode = (await runLint(files, { fix: Boolean(options.fix) })) ? EXIT_INPUT : EXIT_OK;
    });
}
