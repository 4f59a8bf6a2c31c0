// `plandoc check FILE...`: YAML syntax, schema and semantic problems of plan
// (and progress) files, all reported in one run. Exit 0 valid (warnings
// allowed), 1 when any file has an error, 2 wrong usage (commander).
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CheckOptions } from '../check/command.js';

export function register(program: Command): void {
  program
    .command('check')
    .description('检查计划文件：YAML 写法、字段和内容，指出要修改的行和改法')
    .argument('<文件...>', '要检查的计划文件或进度文件，可写多个，例如 plans/*.yaml')
    .addOption(new Option('--format <格式>', '输出格式：text 给人看（默认），json 给编辑器和 CI').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\n示例：\n  plandoc check plans/*.yaml\n  plandoc check --format json plans/changshou-2026.yaml\n\n没有错误时退出码为 0（可以有警告），有错误时为 1，用法不对时为 2。')
    .action(async (files: string[], options: CheckOptions) => {
      const { runCheck } = await import('../check/command.js');
      process.exitCode = await runCheck(files, options);
    });
}
