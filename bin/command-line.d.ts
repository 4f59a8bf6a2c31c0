// Types of bin/command-line.js.
export function plainCommandLine(rest: string[], valued: Record<string, string>, switches?: Record<string, string>): { positional: string[]; flags: Record<string, string | true> } | undefined;
export function writeAll(fd: number, text: string): void;
