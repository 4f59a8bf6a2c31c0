// Numbers in a progress file that would print wrong: a figure with more
// significant digits than a double holds (…993 printed as …992), a negative
// 完成数 or 上年同期数 (完成-50人次), and a 完成数 a thousand times its target
// (100000000.0%), almost always a unit or a decimal point typed wrong.
import type { Diagnostic } from '../load/diagnostic.js';
import { locate, makeDiagnostic, sourceOf, type ParsedYaml } from '../load/yaml.js';
import type { Target } from '../model/plan.js';
import type { Progress } from '../model/progress.js';

/** A double holds 15 significant decimal digits exactly; more may not survive. */
const MAX_SIGNIFICANT_DIGITS = 15;
/** A value this many times its target is out of scale. */
const OUT_OF_SCALE = 1000;

export function magnitudeDiagnostics(progress: Progress, targets: Map<string, { name: string; target?: Target }>, parsed: ParsedYaml): Diagnostic[] {
  const found: Diagnostic[] = [];
  (progress.values ?? []).forEach((entry, i) => {
    for (const field of ['value', 'lastYear'] as const) {
      const number = entry[field];
      if (typeof number !== 'number') continue;
      const problem = numberProblem(number, sourceOf(parsed, ['values', i, field])?.text);
      if (problem) found.push(makeDiagnostic(parsed, locate(parsed, ['values', i, field]), 'error', problem.code, problem.message, problem.hint));
    }
    const metric = targets.get(entry.metric);
    const value = entry.value;
    const scale = typeof value === 'number' && metric ? scaleProblem(value, metric.target) : undefined;
    if (scale && typeof value === 'number') {
      found.push(makeDiagnostic(parsed, locate(parsed, ['values', i, 'value']), 'error', 'value-out-of-scale',
        `指标“${metric!.name}”的完成数 ${value} 是目标 ${scale} 的 ${Math.round(value / scale)} 倍，不像真实数据`,
        '检查单位（元和万元、人和万人）和小数点是否写错。'));
    }
  });
  return found;
}

function numberProblem(value: number, source: string | undefined): { code: string; message: string; hint: string } | undefined {
  if (value < 0) {
    return { code: 'value-negative', message: `数字 ${value} 是负数，完成数和上年同期数不能为负`, hint: '填写实际完成的数量；减少的情况在文字里说明。' };
  }
  if (source !== undefined && !roundTrips(source, value)) {
    return {
      code: 'number-inexact',
      message: `数字 ${source?.trim() ?? value} 的有效数字超过 ${MAX_SIGNIFICANT_DIGITS} 位，plandoc 无法准确表示（会写成 ${value}）`,
      hint: '换一个更大的单位（例如万元、亿元），把有效数字减到 15 位以内。',
    };
  }
  return undefined;
}

/**
 * Whether the number as typed is the number plandoc holds: "9007199254740993"
 * is held as …992 and "326.00000000000001" as 326; "1.50", "1e6" and
 * "0.30000000000000004" are held exactly as typed.
 */
function roundTrips(source: string, value: number): boolean {
  const typed = source.trim().replace(/_/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(typed)) return true; // hex, octal, .inf: not decimal digits
  return significantDigits(typed) === significantDigits(String(value));
}

/** "9007199254740993" → "9007199254740993", "1.50" → "15", "0.000123" → "123", "1e6" → "1". */
function significantDigits(text: string): string {
  const mantissa = text.replace(/^[+-]/, '').split(/e/i)[0]!;
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '') || '0';
}

/** The target figure a value is compared with, when the value is more than OUT_OF_SCALE times it. */
function scaleProblem(value: number, target: Target | undefined): number | undefined {
  const figure = target?.kind === 'range' ? target.max : target && 'value' in target && typeof target.value === 'number' ? target.value : undefined;
  return figure !== undefined && figure > 0 && value > figure * OUT_OF_SCALE ? figure : undefined;
}
