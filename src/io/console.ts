// Where a command's messages go. A command run in its own process writes to
// the process's streams; the resident renderer (src/resident) runs the same
// command for a thin client in another process and sends the text back, so
// the command must not reach for process.stdout/stderr itself. The terminal
// facts (is it a TTY, NO_COLOR…) are the client's, so the colours are too.
import { sanitizeForTerminal } from './sanitize.js';

/** What decides colour: the streams being terminals and the colour variables. */
export interface TerminalFacts {
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: { NO_COLOR?: string; FORCE_COLOR?: string; TERM?: string; CI?: string };
}

export interface CommandConsole extends TerminalFacts {
  out(text: string): void;
  err(text: string): void;
}

export function processTerminalFacts(): TerminalFacts {
  const { NO_COLOR, FORCE_COLOR, TERM, CI } = process.env;
  return { stdoutIsTTY: Boolean(process.stdout.isTTY), stderrIsTTY: Boolean(process.stderr.isTTY), env: { NO_COLOR, FORCE_COLOR, TERM, CI } };
}

/** The process's own streams (main() already sanitises what reaches them). */
export function processConsole(): CommandConsole {
  return { ...processTerminalFacts(), out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
}

/** A console that records, in order, what a command writes (sanitised as the terminal would get it). */
export function recordingConsole(facts: TerminalFacts): CommandConsole & { written: Array<[1 | 2, string]> } {
  const written: Array<[1 | 2, string]> = [];
  return {
    ...facts,
    written,
    out: (text) => written.push([1, sanitizeForTerminal(text)]),
    err: (text) => written.push([2, sanitizeForTerminal(text)]),
  };
}

/** picocolors' rule (its isColorSupported), from the given facts instead of this process's. */
export function colorSupported(facts: TerminalFacts): boolean {
  const { NO_COLOR, FORCE_COLOR, TERM, CI } = facts.env;
  if (NO_COLOR) return false;
  return Boolean(FORCE_COLOR) || process.platform === 'win32' || (facts.stdoutIsTTY && TERM !== 'dumb') || Boolean(CI);
}
