// plandoc diff OLD NEW | plandoc diff FILE --rev REV [--to REV2]: the 修订对照表 of two plan revisions.
import { Option, type Command } from 'commander';

interface DiffFlags {
  rev?: string;
  to?: string;
  format?: 'text' | 'md' | 'json' | 'docx';
  output?: string;
  exitCode?: boolean;
  textconv?: boolean;
  gitExternal?: boolean;
  color?: boolean;
  trackChanges?: boolean;
  author?: string;
  date?: string;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('比较计划的两个版本，列出修订对照（增删移动的条目、文字改动、指标目标、成文日期文号等）')
    .argument('<文件...>', '旧文件和新文件；或者一个文件加 --rev')
    .option('--rev <版本>', '与 git 中的这个版本比较，例如 HEAD~1、v1、提交号')
    .option('--to <版本>', '和 --rev 一起用：比较到这个版本（默认是工作区里的当前文件）')
    .addOption(new Option('--format <格式>', '输出格式：text 终端文字（默认），md Markdown 表格，json，docx 公文格式修订对照表')
      .choices(['text', 'md', 'json', 'docx']))
    .option('-o, --output <文件>', '写入文件；扩展名 .docx、.md、.json 决定格式')
    .option('--track-changes', '生成修订稿：新版本按公文格式排版，所有改动标成 Word 修订（插入、删除、移动），需要 -o 文件.docx')
    .option('--author <名字>', '和 --track-changes 一起用：修订人（默认 plandoc；用 --rev 时取 git 的提交作者或 user.name）')
    .option('--date <日期>', '和 --track-changes 一起用：修订时间，例如 2026-03-01 或 2026-03-01T09:30（默认不写；用 --rev --to 时取提交时间）')
    .option('--exit-code', '有差异时退出码为 1（像 git diff --exit-code）')
    .option('--no-color', '不用颜色')
    .option('--textconv', '输出供 git diff 使用的纯文本大纲（见 docs/git.md）')
    .option('--git-external', '作为 git 的外部比较程序运行（diff.plandoc.command，见 docs/git.md）')
    .addHelpText('after', '\n例子：\n  plandoc diff plans/旧.yaml plans/新.yaml\n  plandoc diff plans/changshou-2026.yaml --rev HEAD~1\n  plandoc diff plans/changshou-2026.yaml --rev v1 --to v2 -o 修订对照表.docx\n  plandoc diff plans/旧.yaml plans/新.yaml -o 修订稿.docx --track-changes --author 办公室\n')
    .action(async (files: string[], flags: DiffFlags) => {
      const { runDiff } = await import('../diff/command.js');
      process.exitCode = await runDiff(files, {
        ...flags,
        // commander sets color: true by default; only an explicit --no-color turns it off
        color: flags.color === false ? false : undefined,
      });
    });
}
