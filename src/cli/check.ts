// `plandoc check FILE...`: YAML syntax, schema and semantic problems of plan
// (and progress) files, all reported in one run. Exit 0 valid (warnings
// allowed), 1 when any file has an error, 2 wrong usage (commander).
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Diagnostic } from '../load/diagnostic.js';
import type { CheckReport } from '../check/index.js';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

interface CheckOptions {
  format: 'text' | 'json';
}

type FileReport = CheckReport;

export function register(program: Command): void {
  program
    .command('check')
    .description('检查计划文件：YAML 写法、字段和内容，指出要修改的行和改法')
    .argument('<文件...>', '要检查的计划文件或进度文件，可写多个，例如 plans/*.yaml')
    .addOption(new Option('--format <格式>', '输出格式：text 给人看（默认），json 给编辑器和 CI').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\n示例：\n  plandoc check plans/*.yaml\n  plandoc check --format json plans/changshou-2026.yaml\n\n没有错误时退出码为 0（可以有警告），有错误时为 1，用法不对时为 2。')
    .action(async (files: string[], options: CheckOptions) => {
      const reports = await checkFiles(files);
      await printReports(reports, options);
      process.exitCode = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_INPUT : EXIT_OK;
    });
}

async function checkFiles(files: string[]): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file));
  return reports;
}

async function checkFile(file: string): Promise<FileReport> {
  const { readSourceFile } = await import('../load/source.js');
  if (!/\.ya?ml$/i.test(file)) {
    return { file, sources: new Map(), diagnostics: [notYaml(file)] };
  }
  const read = await readSourceFile(file);
  if (read.text === undefined) return { file, sources: new Map(), diagnostics: read.diagnostics };
  const { checkSource } = await import('../check/index.js');
  return checkSource(read.text, file);
}

function notYaml(file: string): Diagnostic {
  return {
    file, line: 0, column: 0, severity: 'error', code: 'not-yaml',
    message: `“${file}”不是 YAML 文件，check 只检查 .yaml / .yml 计划文件和进度文件`,
    hint: 'Markdown 文件可以直接用 plandoc render 转成 DOCX。',
  };
}

async function printReports(reports: FileReport[], options: CheckOptions): Promise<void> {
  // a progress file repeats its plan's diagnostics; print each once
  const all = uniqueDiagnostics(reports.flatMap((r) => r.diagnostics));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return;
  }
  const { formatCounts, formatDiagnostics, formatFileStatus } = await import('../load/format.js');
  const sources = new Map(reports.flatMap((r) => [...r.sources]));
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  let out = formatDiagnostics(all, sources, { color });
  if (out) out += '\n';
  if (reports.length > 1 || all.length === 0) out += reports.map((r) => `${formatFileStatus(r.file, r.diagnostics)}\n`).join('');
  if (all.length > 0) out += `${formatCounts(all)}${reports.length > 1 ? `（${reports.length} 个文件）` : ''}\n`;
  process.stdout.write(out);
}

function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
