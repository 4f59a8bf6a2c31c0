// What `plandoc check` reports for one file's text: YAML syntax, schema,
// semantic rules (a progress file with its plan) and the writing conventions of
// `lint` as warnings. Shared by the check command and the workbench.
import type { Diagnostic } from '../load/diagnostic.js';
import type { ParsedYaml } from '../load/yaml.js';

export interface CheckReport {
  file: string;
  diagnostics: Diagnostic[];
  /** texts the diagnostics point into, by file name (a progress file's plan too) */
  sources: Map<string, string>;
}

/** Checks a plan or progress file's text, read from (or about to be saved to) `file`. */
export async function checkSource(text: string, file: string): Promise<CheckReport> {
  const { isProgressSource } = await import('../load/index.js');
  const { parsed, ...report } = isProgressSource(text) ? await checkProgress(file, text) : await checkPlan(file, text);
  const { conventionFindings } = await import('../lint/conventions.js');
  // a typed heading number is already a check error at the same place
  report.diagnostics.push(...(await conventionFindings(text, file, report.diagnostics, parsed)));
  return report;
}

/** The report, and the document the loader parsed (lint reads its prose from it). */
type LoadedReport = CheckReport & { parsed?: ParsedYaml };

async function checkPlan(file: string, text: string): Promise<LoadedReport> {
  const { loadPlanSource } = await import('../load/index.js');
  const loaded = loadPlanSource(text, file);
  return { file, sources: new Map([[file, text]]), diagnostics: loaded.diagnostics, parsed: loaded.parsed };
}

async function checkProgress(file: string, text: string): Promise<LoadedReport> {
  const { loadProgressSource, summaryGaps } = await import('../summary/index.js');
  const result = await loadProgressSource(text, file);
  const sources = new Map([[file, result.source]]);
  if (result.planFile && result.planSource !== undefined) sources.set(result.planFile, result.planSource);
  // what the summary has to leave out for want of data: check says so, render does not
  const gaps = result.value && result.parsed ? summaryGaps(result.value, result.plan, result.parsed) : [];
  return { file, sources, diagnostics: [...result.diagnostics, ...gaps], parsed: result.parsed };
}
