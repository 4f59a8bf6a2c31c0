// The check command's work: every file checked, diagnostics printed to the
// given console, exit 0 valid (warnings allowed), 1 when any file has an error.
import type { Diagnostic } from '../load/diagnostic.js';
import type { CheckReport } from './index.js';
import { EXIT_INPUT, EXIT_OK } from '../cli/exit.js';
import { processConsole, type CommandConsole } from '../io/console.js';

export interface CheckOptions {
  format: 'text' | 'json';
}

type FileReport = CheckReport;

export async function runCheck(files: string[], options: CheckOptions, console: CommandConsole = processConsole()): Promise<number> {
  const reports = await checkFiles(files);
  await printReports(console, reports, options);
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_INPUT : EXIT_OK;
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
  const { checkSource } = await import('./index.js');
  return checkSource(read.text, file);
}

function notYaml(file: string): Diagnostic {
  return {
    file, line: 0, column: 0, severity: 'error', code: 'not-yaml',
    message: `“${file}”不是 YAML 文件，check 只检查 .yaml / .yml 计划文件和进度文件`,
    hint: 'Markdown 文件可以直接用 plandoc render 转成 DOCX。',
  };
}

async function printReports(console: CommandConsole, reports: FileReport[], options: CheckOptions): Promise<void> {
  // a progress file repeats its plan's diagnostics; print each once
  const all = uniqueDiagnostics(reports.flatMap((r) => r.diagnostics));
  if (options.format === 'json') {
    console.out(`${JSON.stringify(all, null, 2)}\n`);
    return;
  }
  const { formatCounts, formatDiagnostics, formatFileStatus } = await import('../load/format.js');
  const sources = new Map(reports.flatMap((r) => [...r.sources]));
  const color = console.stdoutIsTTY && !console.env.NO_COLOR;
  let out = formatDiagnostics(all, sources, { color });
  if (out) out += '\n';
  if (reports.length > 1 || all.length === 0) out += reports.map((r) => `${formatFileStatus(r.file, r.diagnostics)}\n`).join('');
  if (all.length > 0) out += `${formatCounts(all)}${reports.length > 1 ? `（${reports.length} 个文件）` : ''}\n`;
  console.out(out);
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
