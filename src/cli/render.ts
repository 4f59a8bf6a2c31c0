// plandoc render FILE... [-o DIR] [--to md,docx,pdf] [--templates DIR] [--config FILE]
import { InvalidArgumentError, type Command } from 'commander';

const FORMATS = ['md', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export interface RenderFlags {
  out?: string;
  to?: Format[];
  templates?: string;
  config?: string;
  watch?: boolean;
  verbose?: boolean;
}

/** "md,docx" → ['md', 'docx']; anything else is wrong usage (exit 2). */
export function parseFormats(value: string): Format[] {
  const parts = value.split(/[,，]/).map((part) => part.trim().toLowerCase()).filter(Boolean);
  const unknown = parts.filter((part) => !(FORMATS as readonly string[]).includes(part));
  if (unknown.length || parts.length === 0) {
    throw new InvalidArgumentError(`可用的格式是 md、docx、pdf，用逗号分隔，例如 --to md,docx。`);
  }
  return [...new Set(parts as Format[])];
}

export function register(program: Command): void {
  program
    .command('render')
    .description('把计划、进度 YAML 或 Markdown 生成公文格式 DOCX 和 Markdown（也可生成 PDF）')
    .argument('<文件...>', '计划 .yaml、进度 .yaml 或 .md 文件')
    // defaults are applied in the action: commander would print them in English
    .option('-o, --out <目录>', '输出目录（默认 out）')
    .option('--to <格式>', '输出格式：md、docx、pdf，用逗号分隔（默认 md,docx）', parseFormats)
    .option('--templates <目录>', '用这个目录里的模板（plan.md.hbs、partials/*.hbs）替换自带模板')
    .option('--config <文件>', '配置文件（默认读取当前目录的 plandoc.config.yaml）')
    .option('-w, --watch', '生成后继续监视，保存后自动重新生成')
    .option('--verbose', '列出全部警告（默认只列前 3 个和总数）')
    .addHelpText('after', '\n例子：\n  plandoc render plans/changshou-2026.yaml\n  plandoc render plans/*.yaml -o 成稿 --to docx,pdf\n  plandoc render 通知.md --to docx\n')
    .action(async (files: string[], flags: RenderFlags) => {
      const { runRender } = await import('../render/command.js');
      process.exitCode = await runRender(files, { ...flags, out: flags.out ?? 'out', to: flags.to ?? ['md', 'docx'] });
      if (flags.watch) {
        const { watchRender } = await import('../watch/render.js');
        const { whileResident } = await import('../resident/server.js');
        process.exitCode = await whileResident(() => watchRender(files, { ...flags, out: flags.out ?? 'out', to: flags.to ?? ['md', 'docx'] }, runRender));
      }
    });
}
