// `plandoc schema [-o FILE]`: the plan JSON Schema, for editors (VS Code's
// YAML extension reads it through the `# yaml-language-server: $schema=` line).
import type { Command } from 'commander';
import { EXIT_INPUT } from './exit.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('输出计划文件的 JSON Schema（供 VS Code 等编辑器补全和解释键）')
    .option('-o, --output <文件>', '写入这个文件，而不是打印出来')
    .action(async (options: { output?: string }) => {
      const { planSchemaText } = await import('../schema/index.js');
      const text = planSchemaText();
      if (!options.output) {
        process.stdout.write(text);
        return;
      }
      const { writeFileAtomic } = await import('./io.js');
      try {
        await writeFileAtomic(options.output, text);
        process.stderr.write(`已写入 ${options.output}\n`);
      } catch {
        process.stderr.write(`plandoc: 无法写入“${options.output}”：检查路径是否正确、是否有写入权限。\n`);
        process.exitCode = EXIT_INPUT;
      }
    });
}
