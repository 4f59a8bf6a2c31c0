// The I/O edge of `plandoc status`: load, print diagnostics or the dashboard.
import { hasErrors } from '../load/diagnostic.js';
import { formatDiagnostics } from '../load/format.js';
import { wrongKind } from '../load/kind.js';
import { loadProgressFile, type ProgressLoadResult } from './load.js';
import { renderDashboard, statusReport } from './dashboard.js';

/** Returns false when the input has errors. */
export async function runStatus(file: string, format: 'table' | 'json' | 'xlsx', output?: string): Promise<boolean> {
  const notYaml = wrongKind(file, undefined, 'progress', 'status');
  const loaded = notYaml ? { diagnostics: [notYaml], source: '' } as ProgressLoadResult : await loadProgressFile(file);
  // a plan given by mistake: one sentence instead of a screenful of unknown keys
  const wrong = loaded.source ? wrongKind(file, loaded.source, 'progress', 'status') : undefined;
  if (wrong) loaded.diagnostics = [wrong];
  if (loaded.diagnostics.length) {
    const sources = new Map([[file, loaded.source]]);
    if (loaded.planFile && loaded.planSource !== undefined) sources.set(loaded.planFile, loaded.planSource);
    process.stderr.write(formatDiagnostics(loaded.diagnostics, sources, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  }
  if (!loaded.value || hasErrors(loaded.diagnostics)) return false;
  const report = statusReport(loaded.value, loaded.plan);
  if (format === 'xlsx') {
    const { writeStatusWorkbook } = await import('../sheet/output.js');
    return writeStatusWorkbook(report, output!, loaded.value.date ?? loaded.plan?.date);
  }
  const text = format === 'json'
    ? `${JSON.stringify({ file, ...report }, null, 2)}\n`
    : renderDashboard(report, { color: output === undefined && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, columns: output === undefined ? process.stdout.columns : 100 });
  if (output === undefined) process.stdout.write(text);
  else {
    const { writeOutput } = await import('../sheet/output.js');
    return writeOutput(output, text);
  }
  return true;
}
