// The render command's work: config, prepare every input, print diagnostics,
// write only when no input has an error.
import { existsSync, statSync } from 'node:fs';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../load/diagnostic.js';
import { formatCompact } from '../load/format.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../cli/exit.js';
import { FileIoError } from '../io/errors.js';
import { OutputRoot } from '../io/output.js';
import { colorSupported, processConsole, type CommandConsole } from '../io/console.js';
import { loadConfig } from '../config/index.js';
import { outputBaseName, prepareRender, writePrepared, type OutputFormat, type PreparedRender } from './index.js';

export interface RenderCommandFlags {
  out: string;
  to: OutputFormat[];
  templates?: string;
  config?: string;
  /** list every warning instead of the first few */
  verbose?: boolean;
}

/** Renders `files`; messages go to `console` (the process's streams, or a resident renderer's client). */
export async function runRender(files: string[], flags: RenderCommandFlags, console: CommandConsole = processConsole()): Promise<number> {
  const clash = duplicateName(files);
  if (clash) return usage(console, `${clash.join(' 和 ')} 会生成同名的输出文件；请分两次生成，或用 -o 指定不同的目录。`);
  if (flags.templates !== undefined && !isDirectory(flags.templates)) {
    return failed(console, `找不到模板目录“${flags.templates}”。`);
  }
  try {
    await OutputRoot.check(flags.out);
  } catch (error) {
    return failedWith(console, error);
  }
  const configResult = await loadConfig({ cwd: process.cwd(), explicitFile: flags.config });
  const configSources = new Map(configResult.source ? [[configResult.source.file, configResult.source.text]] : []);
  if (report(console, configResult.diagnostics, configSources, true)) return EXIT_INPUT;
  const options = {
    outDir: flags.out,
    formats: flags.to,
    templatesDir: flags.templates ?? configResult.config.templates,
    profile: configResult.config.profile,
  };
  const prepared: PreparedRender[] = [];
  for (const file of files) prepared.push(await prepareRender(file, options));
  const sources = new Map(prepared.flatMap((p) => [...p.sources]));
  if (report(console, prepared.flatMap((p) => p.diagnostics), sources, Boolean(flags.verbose))) {
    console.err('有错误，没有生成任何文件。\n');
    return EXIT_INPUT;
  }
  return writeAll(console, prepared, flags.out);
}

async function writeAll(console: CommandConsole, prepared: PreparedRender[], outDir: string): Promise<number> {
  try {
    const root = await OutputRoot.open(outDir);
    for (const item of prepared) {
      for (const path of await writePrepared(item, root)) console.out(`已生成 ${path}\n`);
    }
  } catch (error) {
    return failedWith(console, error);
  }
  return EXIT_OK;
}

/** Errors a user can act on (no LibreOffice, no permission to write, a full disk) are printed; others are bugs. */
function failedWith(console: CommandConsole, error: unknown): number {
  const known = error instanceof FileIoError || (error instanceof Error && (error.name === 'PdfUnavailableError' || error.name === 'PdfConversionError'));
  if (!known) throw error;
  return failed(console, (error as Error).message);
}

/** Prints diagnostics (the first few warnings unless `verbose`); true when there were errors. */
function report(console: CommandConsole, diagnostics: Diagnostic[], sources: Map<string, string>, verbose: boolean): boolean {
  if (diagnostics.length) {
    console.err(`${formatCompact(sortDiagnostics(diagnostics), sources, { color: colorSupported(console), verbose })}\n`);
  }
  return hasErrors(diagnostics);
}

function duplicateName(files: string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = outputBaseName(file);
    const first = seen.get(name);
    if (first !== undefined && first !== file) return [first, file];
    seen.set(name, file);
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function usage(console: CommandConsole, message: string): number {
  console.err(`plandoc: ${message}\n`);
  return EXIT_USAGE;
}

function failed(console: CommandConsole, message: string): number {
  console.err(`plandoc: ${message}\n`);
  return EXIT_INPUT;
}
