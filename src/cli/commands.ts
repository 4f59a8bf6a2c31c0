// One line per command; each command file registers itself.
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
