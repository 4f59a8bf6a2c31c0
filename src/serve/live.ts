// Diagnostics for the editor while the writer types: what `check` says, plus
// compose problems, plus lint findings with their quick fixes.
import type { Diagnostic } from '../load/diagnostic.js';

export interface LiveDiagnostic extends Diagnostic {
  fix?: { start: number; end: number; replacement: string };
}

export async function liveDiagnostics(text: string, absolute: string): Promise<LiveDiagnostic[]> {
  if (/\.(md|markdown)$/i.test(absolute)) return markdownDiagnostics(text, absolute);
  const { checkSource } = await import('../check/index.js');
  const { lintPlanSource } = await import('../lint/index.js');
  const report = await checkSource(text, absolute);
  const fixes = new Map(lintPlanSource(text, absolute).filter((d) => d.fix).map((d) => [`${d.line}:${d.column}:${d.code}`, d.fix!]));
  return report.diagnostics.map((d) => {
    const fix = d.file === absolute ? fixes.get(`${d.line}:${d.column}:${d.code}`) : undefined;
    return fix ? { ...d, fix: { start: fix.start, end: fix.end, replacement: fix.replacement } } : d;
  });
}

async function markdownDiagnostics(text: string, absolute: string): Promise<LiveDiagnostic[]> {
  const { parseMarkdown } = await import('../markdown/parse.js');
  const { lintMarkdownSource } = await import('../lint/index.js');
  const lint = lintMarkdownSource(text, absolute).map(({ fix, ...d }) => ({ ...d, ...(fix ? { fix: { start: fix.start, end: fix.end, replacement: fix.replacement } } : {}) }));
  return [...parseMarkdown(text, absolute).diagnostics, ...lint];
}
