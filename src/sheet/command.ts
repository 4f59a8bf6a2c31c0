// The I/O edge of `plandoc sheet`: load the plan, build the 调度表, write it atomically.
import { hasErrors } from '../load/diagnostic.js';
import { formatDiagnostics } from '../load/format.js';
import { loadPlanFile } from '../load/index.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../cli/exit.js';
import { periodLabel } from '../summary/sentences.js';
import { fixWorkbookDates, workbookBytes } from '../xlsx/write.js';
import { parsePeriodFlag } from './period.js';
import { dateRange, sheetPlans } from './rows.js';
import { buildSheetWorkbook } from './workbook.js';
import { writeOutput } from './output.js';

export interface SheetFlags {
  out: string;
  period?: string;
  byUnit?: boolean;
}

export async function runSheet(file: string, flags: SheetFlags): Promise<number> {
  const loaded = await loadPlanFile(file);
  if (loaded.diagnostics.length) {
    process.stderr.write(formatDiagnostics(loaded.diagnostics, new Map([[file, loaded.source]]), { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  }
  if (!loaded.value || hasErrors(loaded.diagnostics)) {
    process.stderr.write('计划文件有错误，没有生成调度表。\n');
    return EXIT_INPUT;
  }
  const plan = loaded.value;
  const period = flags.period === undefined ? { kind: 'year' as const, year: plan.year } : parsePeriodFlag(flags.period);
  if (!period) {
    process.stderr.write(`plandoc: --period 写法不对：“${flags.period}”。可以写 2026-06（月）、2026-h1（上半年）、2026-h2、2026-q3（季度）或 2026（全年）。\n`);
    return EXIT_USAGE;
  }
  if (!plan.metrics?.length) {
    process.stderr.write(`${file}: 错误 [sheet-no-metrics] 计划中没有指标（metrics），无法生成调度表\n    提示：在计划的 metrics 中写明量化指标后再生成。\n`);
    return EXIT_INPUT;
  }
  const workbook = buildSheetWorkbook({
    title: plan.title,
    period,
    periodLabel: periodLabel(period),
    sheets: sheetPlans({ plan, period, byUnit: flags.byUnit === true }),
  });
  fixWorkbookDates(workbook, plan.date ?? dateRange(period).start);
  return (await writeOutput(flags.out, await workbookBytes(workbook))) ? EXIT_OK : EXIT_INPUT;
}
