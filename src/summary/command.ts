// The I/O edge of `plandoc status`: load, print diagnostics or the dashboard.
import { hasErrors } from '../load/diagnostic.js';
import { formatDiagnostics } from '../load/format.js';
import { loadProgressFile } from './load.js';
import { renderDashboard, statusReport } from './dashboard.js';

/** Returns false when the input has errors. */
export async function runStatus(file: string, format: 'table' | 'json'): Promise<boolean> {
  const loaded = await loadProgressFile(file);
  if (loaded.diagnostics.length) {
    const sources = new Map([[file, loaded.source]]);
    if (loaded.planFile && loaded.planSource !== undefined) sources.set(loaded.planFile, loaded.planSource);
    process.stderr.write(formatDiagnostics(loaded.diagnostics, sources, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  }
  if (!loaded.value || hasErrors(loaded.diagnostics)) return false;
  const report = statusReport(loaded.value, loaded.plan);
  if (format === 'json') process.stdout.write(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
  else process.stdout.write(renderDashboard(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, columns: process.stdout.columns }));
  return true;
}
