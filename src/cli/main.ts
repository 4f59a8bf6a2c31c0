// Entry point of the `plandoc` command (bin/plandoc.js calls main). Argument
// parsing and exit codes only: each command lives in its own file and loads
// its heavy modules on demand, so `plandoc --help` starts fast.
import { Command, CommanderError, Help } from 'commander';
import { HELP_TITLES, describeOption, translateCommanderMessage, translateUsage } from './usage.js';
import { registerCommands } from './commands.js';
import { EXIT_USAGE, EXIT_INPUT, reportCrash } from './exit.js';
import { sanitizeForTerminal } from '../io/sanitize.js';

function createProgram(): Command {
  return new Command('plandoc')
    .description('乡镇年度工作计划与总结：YAML 计划数据 → 公文格式（GB/T 9704）DOCX 与 Markdown')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .version(process.env.PLANDOC_VERSION ?? '0.1.0', '-V, --version', '显示版本号')
    .configureHelp({
      sortSubcommands: false,
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      optionDescription: (option) => describeOption(option.description, option.argChoices, option.defaultValue),
      argumentDescription: (argument) => describeOption(argument.description, argument.argChoices, argument.defaultValue),
      commandUsage: (command) => translateUsage(new Help().commandUsage(command)),
      subcommandTerm: (command) => translateUsage(new Help().subcommandTerm(command)),
    })
    .showHelpAfterError('（用 plandoc --help 查看用法）')
    .configureOutput({
      outputError: (text, write) => write(translateCommanderMessage(text)),
    })
    .exitOverride();
}

/** Nothing from a user's file (an ESC, a BEL, a lone surrogate) reaches the terminal raw. */
function sanitizeTerminalOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? sanitizeForTerminal(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}

/** Runs one command line (process.argv) and sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  sanitizeTerminalOutput();
  // `plandoc render plans/*.yaml | head -1` closes the pipe early: that is the
  // reader's choice. Output stops there, the work does not: every file is
  // still written and the exit status is the work's.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stream.write = (() => true) as typeof stream.write;
    });
  }
  const program = createProgram();
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit with 0; everything else commander rejects is wrong usage
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else {
      process.exitCode = EXIT_INPUT;
      reportCrash(error);
    }
  }
}
