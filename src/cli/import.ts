// plandoc import FILE [-o PLAN.yaml] [--force] [--split] [--keep-notice]: bring an existing .txt/.md/.docx plan in.
import type { Command } from 'commander';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function register(program: Command): void {
  program
    .command('import')
    .description('把已有的计划或总结文档（.txt、.md、.docx、.doc、.wps、.rtf、.pdf）转成计划或进度 YAML，供核对后使用')
    .argument('<文件>', '要导入的 .txt、.md、.docx、.doc、.wps、.rtf 或 .pdf 文件（.doc/.wps/.rtf 需要 LibreOffice，.pdf 需要 pdftotext）')
    .option('-o, --output <计划.yaml>', '输出的计划文件（默认：当前目录下与输入同名的 .yaml；写 - 则输出到屏幕）')
    .option('--force', '输出文件已存在时覆盖它')
    .option('--split', '“工作总结及工作计划”分成两个文件：总结写成进度文件，计划部分另写成“<输出>-计划.yaml”')
    .option('--keep-notice', '“关于印发《……》的通知”按通知本身导入：通知的话作正文照印，所印发的文件作附件（不加时以所印发的文件作正文，通知只提供文号、主送、署名、成文日期和附注）')
    .addHelpText(
      'after',
      '\n导入时会识别标题、开头段和引用的上级文件、各级标题（一、（一）1.（1））、署名和成文日期、附件、\n' +
        '网页上的政务公开信息，并把正文里的指标（如 300人次以上、不低于65%、2—3场）提取到 metrics。\n' +
        '工作总结导入为进度文件（period、values、body），文中的完成数记作完成值而不是目标。\n' +
        '推测的地方在 YAML 里用“# 导入时推测：”注释标出，识别情况和需要核对的地方显示在屏幕上。',
    )
    .action(async (file: string, options: { output?: string; force?: boolean; split?: boolean; keepNotice?: boolean }) => {
      const { runImport } = await import('../import/command.js');
      process.exitCode = (await runImport(file, options)) ? EXIT_OK : EXIT_INPUT;
    });
}
