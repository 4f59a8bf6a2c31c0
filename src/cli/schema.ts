// `plandoc schema [plan|progress] [-o FILE]`: a JSON Schema for editors (VS Code's
// YAML extension reads it through the `# yaml-language-server: $schema=` line).
import { Argument, type Command } from 'commander';
import { EXIT_INPUT } from './exit.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('输出计划（plan）或进度文件（progress）的 JSON Schema，供 VS Code 等编辑器补全和解释键')
    .addArgument(new Argument('[种类]', 'plan 是计划文件，progress 是进度文件').choices(['plan', 'progress']).default('plan'))
    .option('-o, --output <文件>', '写入这个文件，而不是打印出来，例如 schema/progress.schema.json')
    .addHelpText('after', '\n把两份 Schema 放进自己的仓库，同事克隆后编辑器也能补全：\n  npx plandoc schema plan -o schema/plan.schema.json\n  npx plandoc schema progress -o schema/progress.schema.json\n')
    .action(async (kind: 'plan' | 'progress', options: { output?: string }) => {
      const { schemaText } = await import('../schema/index.js');
      const text = schemaText(kind);
      if (!options.output) {
        process.stdout.write(text);
        return;
      }
      const { writeFileAtomic } = await import('../io/write.js');
      try {
        await writeFileAtomic(options.output, text);
        process.stderr.write(`已写入 ${options.output}\n`);
      } catch {
        process.stderr.write(`plandoc: 无法写入“${options.output}”：检查路径是否正确、是否有写入权限。\n`);
        process.exitCode = EXIT_INPUT;
      }
    });
}
