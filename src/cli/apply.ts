// plandoc apply 修改稿.docx --onto PLAN.yaml [--dry-run] [--accept-targets]
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('apply')
    .description('把领导在 Word/WPS 里改过的 .docx 写回计划 YAML，保留文件中的注释、编号（id）和顺序')
    .argument('<修改稿.docx>', '由 plandoc render 生成、经过修改的 .docx（修订未接受或已接受均可，Word、WPS、LibreOffice 保存的均可）')
    .requiredOption('--onto <计划文件>', '写回的计划 .yaml 文件（生成这份 .docx 的那一份）')
    .option('--dry-run', '只列出将要写回的改动，不修改计划文件')
    .option('--accept-targets', '修改稿改了引用的指标数字时，同时改写指标的目标（metrics 的 target）')
    .addHelpText('after', '\n例子：\n  plandoc apply 领导修改稿.docx --onto plans/changshou-2026.yaml --dry-run\n  plandoc apply 领导修改稿.docx --onto plans/changshou-2026.yaml\n  git diff plans/changshou-2026.yaml\n\n每一段按文件里隐藏的书签对应到计划中的字段（书签丢失时按编号、位置和文字对应）。\n修订按“全部接受”处理；批注逐条列出，不写进 YAML。\n引用的指标数字（如 300人次以上）不会当作文字写回：列出对应的目标改动，加 --accept-targets 才写入。\n无法对应的改动（编号、表格、版头等）逐条列出，留给您手工处理。\n写回前按 plandoc check 的规则检查；有错误时退出码为 1，计划文件不作任何改动。\n')
    .action(async (edited: string, flags: { onto: string; dryRun?: boolean; acceptTargets?: boolean }) => {
      const { runApply } = await import('../review/apply/command.js');
      process.exitCode = await runApply(edited, flags);
    });
}
