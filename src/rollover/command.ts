// `plandoc rollover PLAN`: writes next year's draft beside last year's plan and
// lists every change it made, so the writer can check each one.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli/exit.js';
import { writeFileAtomic } from '../io/write.js';
import { hasErrors, type Diagnostic } from '../load/diagnostic.js';
import type { MetricValue } from '../model/progress.js';
import { rolloverSource, type RolloverResult } from './index.js';

export interface RolloverCommandOptions {
  progress?: string;
  year?: string;
  output?: string;
  force?: boolean;
  color?: boolean;
}

export async function runRollover(planPath: string, options: RolloverCommandOptions): Promise<number> {
  const color = options.color ?? Boolean(process.stderr.isTTY);
  const { loadPlanFile } = await import('../load/index.js');
  const { wrongKind } = await import('../load/kind.js');
  const notYaml = wrongKind(planPath, undefined, 'plan', 'rollover');
  if (notYaml) return reportErrors([notYaml], new Map(), color);
  const loaded = await loadPlanFile(planPath);
  const wrong = loaded.source ? wrongKind(planPath, loaded.source, 'plan', 'rollover') : undefined;
  if (wrong) return reportErrors([{ ...wrong, hint: `${wrong.hint}年终进度文件用 --progress 给出，例如 plandoc rollover plans/changshou-2026.yaml --progress ${planPath}` }], new Map([[planPath, loaded.source]]), color);
  if (!loaded.value) return reportErrors(loaded.diagnostics, new Map([[planPath, loaded.source]]), color);
  const plan = loaded.value;
  const year = options.year === undefined ? plan.year + 1 : parseYearOption(options.year, plan.year);
  const actuals = options.progress ? await readActuals(options.progress, plan.year, color, planPath) : new Map<string, number>();
  if (!actuals) return 1;
  const output = options.output ?? defaultOutput(planPath, plan.year, year);
  if (resolve(output) === resolve(planPath)) {
    throw new UsageError('输出文件不能是原计划文件本身：rollover 不改动旧计划，请用 -o 指定新文件名');
  }
  if (existsSync(output) && !options.force) {
    process.stderr.write(`plandoc: ${output} 已经存在，没有覆盖；换一个文件名（-o），或者确实要覆盖时加 --force。\n`);
    return 1;
  }
  const result = rolloverSource(loaded.source, { year, actuals });
  await writeFileAtomic(output, result.text);
  process.stderr.write(rolloverReport(result, planPath, output));
  return 0;
}

function parseYearOption(text: string, planYear: number): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year)) throw new UsageError(`年份 “${text}” 不对，应为四位数字，例如 ${planYear + 1}`);
  if (year === planYear) throw new UsageError(`新计划的年份 ${year} 和原计划相同；--year 应是新的年度，例如 ${planYear + 1}`);
  return year;
}

/** changshou-2026.yaml → changshou-2027.yaml in the same folder; plan.yaml → plan-2027.yaml. */
export function defaultOutput(planPath: string, fromYear: number, toYear: number): string {
  const name = basename(planPath);
  const renamed = name.includes(String(fromYear))
    ? name.split(String(fromYear)).join(String(toYear))
    : name.replace(/(\.ya?ml)?$/i, (ext) => `-${toYear}${ext || '.yaml'}`);
  return join(dirname(planPath), renamed);
}

async function readActuals(progressPath: string, planYear: number, color: boolean, planPath?: string): Promise<Map<string, number> | undefined> {
  const { loadProgressFile } = await import('../summary/index.js');
  const { wrongKind } = await import('../load/kind.js');
  const notYaml = wrongKind(progressPath, undefined, 'progress', 'rollover --progress');
  const loaded = notYaml ? { diagnostics: [notYaml], source: '' } : await loadProgressFile(progressPath);
  const wrong = loaded.source ? wrongKind(progressPath, loaded.source, 'progress', 'rollover --progress') : undefined;
  if (wrong) loaded.diagnostics = [wrong];
  if (!('value' in loaded) || !loaded.value || wrong) {
    const sources = new Map([[progressPath, loaded.source]]);
    if (loaded.planFile && loaded.planSource) sources.set(loaded.planFile, loaded.planSource);
    await reportErrors(loaded.diagnostics, sources, color);
    return undefined;
  }
  const period = loaded.value.period;
  if (loaded.planFile && planPath && resolve(loaded.planFile) !== resolve(planPath)) {
    process.stderr.write(`plandoc: 警告：进度文件 ${progressPath} 对应的计划是 ${loaded.planFile}，不是 ${planPath}；请确认没有拿错文件。\n`);
  }
  if (period.year !== planYear) {
    process.stderr.write(`plandoc: 警告：进度文件 ${progressPath} 是${period.year}年的，原计划是${planYear}年的；基数按进度文件的数字写入，请复核。\n`);
  } else if (period.kind !== 'year') {
    process.stderr.write(`plandoc: 警告：进度文件 ${progressPath} 不是全年数据（period.kind 为 ${period.kind}），基数可能不是全年完成数，请复核。\n`);
  }
  return latestActuals(loaded.value.values ?? []);
}

/** The latest numeric value of each metric (by date; a later entry wins a tie). */
export function latestActuals(values: readonly MetricValue[]): Map<string, number> {
  const latest = new Map<string, MetricValue>();
  for (const entry of values) {
    const previous = latest.get(entry.metric);
    if (!previous || String(entry.date) >= String(previous.date)) latest.set(entry.metric, entry);
  }
  const actuals = new Map<string, number>();
  for (const [metric, entry] of latest) if (typeof entry.value === 'number') actuals.set(metric, entry.value);
  return actuals;
}

async function reportErrors(diagnostics: Diagnostic[], sources: Map<string, string>, color: boolean): Promise<number> {
  const { formatDiagnostics } = await import('../load/format.js');
  const shown = hasErrors(diagnostics) ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  process.stderr.write(`${formatDiagnostics(shown, sources, { color })}\n`);
  return 1;
}

export function rolloverReport(result: RolloverResult, from: string, to: string): string {
  const lines = [`已生成 ${to}（由 ${from} 滚动到${result.toYear}年；原文件未改动）`];
  lines.push(`年份替换 ${result.replacements.length} 处（只改写明计划年度“${result.fromYear}年”的地方）：`);
  for (const r of result.replacements) lines.push(`  ${from}:${r.line} ${r.field}：${excerpt(r.before, result.fromYear)} → ${excerpt(r.after, result.toYear)}`);
  if (result.cleared.length > 0) {
    lines.push(`已清除（属于上一年已印发的文件，定稿时重新填写）：${result.cleared.map((c) => `${c.field} ${c.value}`).join('、')}`);
  }
  lines.push(result.baselines.length > 0
    ? `基数 ${result.baselines.length} 项（取自进度文件的完成数）：${result.baselines.map((b) => `${b.metric}=${b.value}（${b.year}年）`).join('、')}`
    : '基数：没有写入（用 --progress 给出上一年的年终进度文件，可把完成数写为基数）。');
  lines.push(`目标沿用 ${result.reviewedTargets.length} 项，都已加注释“# 待复核：沿用${result.fromYear}年目标”。`);
  return `${lines.join('\n')}\n`;
}

/** The words around the year, so a long paragraph does not flood the report. */
function excerpt(text: string, year: number): string {
  const chars = [...text];
  if (chars.length <= 40) return text;
  const at = [...text.slice(0, Math.max(0, text.indexOf(String(year))))].length;
  const start = Math.max(0, at - 12);
  const end = Math.min(chars.length, at + 20);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
