// The writing-convention warnings check, render and build report with their
// own diagnostics. A YAML source never loads the Markdown linter (and with it
// the Markdown parser): a cold render or check of a plan does not need it.
import type { Diagnostic } from '../load/diagnostic.js';
import type { ParsedYaml } from '../load/yaml.js';
import { isMarkdownFile, lintPlanSource, type LintDiagnostic } from './yaml-source.js';

/**
 * Writing-convention findings as check, render and build report them (lint's
 * own severity, no fixes), leaving out places an earlier diagnostic already
 * names (a typed heading number is a check error at the same place).
 * `parsed`: the loader's document of `text`, so the YAML is not parsed twice.
 */
export async function conventionFindings(text: string, file: string, reported: readonly Diagnostic[] = [], parsed?: ParsedYaml): Promise<Diagnostic[]> {
  const taken = new Set(reported.map((d) => `${d.file}:${d.line}:${d.column}`));
  return (await findings(text, file, parsed))
    .map(({ fix: _fix, ...finding }) => finding)
    .filter((finding) => !taken.has(`${finding.file}:${finding.line}:${finding.column}`));
}

async function findings(text: string, file: string, parsed?: ParsedYaml): Promise<LintDiagnostic[]> {
  if (!isMarkdownFile(file)) return lintPlanSource(text, file, parsed);
  const { lintMarkdownSource } = await import('./index.js');
  return lintMarkdownSource(text, file);
}
