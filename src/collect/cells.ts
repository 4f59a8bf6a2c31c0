// Reading one cell the way a person filled it in: numbers typed as text
// ("1,250", "１２５０", "62.5%"), formulas with their cached results, dates as
// serial numbers or text, 是/否. Each reader returns a value or a problem
// sentence in Chinese; the caller adds the cell address.
import type { CellValue } from 'exceljs';
import { parseIsoDate } from '../derive/progress.js';
import { MAX_PLAIN_NUMBER } from '../load/plan-rules.js';

export type Read<T> = { value: T } | { problem: string; hint?: string } | { empty: true };

const EMPTY = { empty: true } as const;

/** The cell's own value, with a formula replaced by its cached result. */
export function resultOf(raw: CellValue): Read<Exclude<CellValue, object> | Date> {
  if (raw === null || raw === undefined) return EMPTY;
  // a huge number in a date-formatted cell reads as a date out of range
  if (raw instanceof Date && Number.isNaN(raw.getTime())) return { problem: '是超出范围的日期', hint: '按 2026-06-30 的格式填写日期，或把单元格格式改为“常规”后填数字。' };
  if (raw instanceof Date || typeof raw !== 'object') return raw === '' ? EMPTY : { value: raw };
  if ('error' in raw && raw.error !== undefined) return { problem: `是错误值 ${String(raw.error)}`, hint: '改正公式，或直接填数字。' };
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result === undefined || result === null) return { problem: '是公式，但文件里没有它的计算结果', hint: '在 Excel 或 WPS 中打开这个文件，保存一次（会算出并保存公式的结果），再汇总；或直接填数字。' };
    if (typeof result === 'object' && !(result instanceof Date)) {
      if ('error' in (result as object)) return { problem: `公式的结果是错误值 ${String((result as { error: unknown }).error)}`, hint: '改正公式，或直接填数字。' };
      return { problem: '公式的结果无法识别', hint: '直接填数字。' };
    }
    return resultOf(result as CellValue);
  }
  if ('richText' in raw) return textValue(raw.richText.map((run) => run.text).join(''));
  if ('text' in raw) return textValue(String((raw as { text: unknown }).text));
  return { problem: '的内容无法识别', hint: '直接填数字或文字。' };
}

function textValue(text: string): Read<string> {
  return text.trim() === '' ? EMPTY : { value: text };
}

/** Text of a label or note cell (numbers and dates as they would print). */
export function readText(raw: CellValue): Read<string> {
  const result = resultOf(raw);
  if (!('value' in result)) return result;
  const value = result.value;
  if (value instanceof Date) return { value: isoDate(value) };
  const text = String(value).trim();
  return text === '' ? EMPTY : { value: text };
}

export interface NumberOptions {
  /** the metric's unit: "62.5%" is read for a % metric, "1250人次" for a 人次 metric */
  unit: string;
  /** the cell's number format, to read a percentage-formatted 0.625 as 62.5 */
  numFmt?: string;
}

export function readNumber(raw: CellValue, options: NumberOptions): Read<number> {
  const read = readAnyNumber(raw, options);
  // the progress file would fail check's number-too-large rule: say so at the cell
  if ('value' in read && typeof read.value === 'number' && Math.abs(read.value) >= MAX_PLAIN_NUMBER) {
    return { problem: `数字 ${read.value} 太大，超出了能精确处理的范围`, hint: '检查是不是多写了数字；金额可以改用万元、亿元作单位。' };
  }
  return read;
}

function readAnyNumber(raw: CellValue, options: NumberOptions): Read<number> {
  const result = resultOf(raw);
  if (!('value' in result)) return result;
  const value = result.value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: '不是有效的数字' };
    return { value: options.numFmt?.includes('%') && options.unit === '%' ? round(value * 100) : value };
  }
  if (typeof value === 'boolean') return { problem: `“${value ? 'TRUE' : 'FALSE'}”不是数字`, hint: '这里填数字。' };
  if (value instanceof Date) return { problem: `“${isoDate(value)}”是日期，不是数字`, hint: '把单元格格式改为“常规”或“数值”后重新填写数字。' };
  return numberFromText(String(value), options.unit);
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** "1,250" → 1250, "１２５０" → 1250, "62.5%" → 62.5 (for a % metric), "180人次" → 180 (for a 人次 metric). */
export function numberFromText(original: string, unit: string): Read<number> {
  let text = original.normalize('NFKC').replace(/\s+/g, '').replace(/，/g, ',').replace(/。/g, '.');
  if (text === '') return EMPTY;
  const shown = `“${original.trim()}”`;
  if (unit && unit !== '%' && text.endsWith(unit)) text = text.slice(0, -unit.length);
  if (text.endsWith('%')) {
    if (unit !== '%') return { problem: `${shown}带百分号，但这项指标的单位是“${unit || '无'}”`, hint: `填${unit ? `以“${unit}”为单位的` : ''}数字，不带百分号。` };
    text = text.slice(0, -1);
  }
  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(text)) return { problem: `${shown}不是数字`, hint: `只填阿拉伯数字，例如 1250 或 62.5${unit ? `（单位“${unit}”不用写）` : ''}；情况说明写在“说明”栏。` };
  return { value: Number(text) };
}

const YES = new Set(['是', '已实现', '实现', '已完成', '完成', '达到', '已达到', '√', '✓', '✔', 'Y', 'YES', 'TRUE']);
const NO = new Set(['否', '未实现', '没有实现', '未完成', '未达到', '×', '✗', '✘', 'N', 'NO', 'FALSE']);

export function readYesNo(raw: CellValue): Read<boolean> {
  const result = resultOf(raw);
  if (!('value' in result)) return result;
  const value = result.value;
  if (typeof value === 'boolean') return { value };
  const text = String(value instanceof Date ? isoDate(value) : value).normalize('NFKC').trim().toUpperCase();
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return { problem: `“${String(value).trim()}”不是“是”或“否”`, hint: '这项指标是“是否实现”类的，从下拉列表中选“是”或“否”。' };
}

/** Excel's day 0 (1899-12-30) in Unix milliseconds: serial 46203 is 2026-06-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function readDate(raw: CellValue): Read<string> {
  const result = resultOf(raw);
  if (!('value' in result)) return result;
  const value = result.value;
  if (value instanceof Date) return { value: isoDate(value) };
  if (typeof value === 'number') {
    if (value > 20_000 && value < 80_000) return { value: isoDate(new Date(EXCEL_EPOCH + Math.round(value) * DAY)) };
    return { problem: `“${value}”不是日期`, hint: '按 2026-06-30 的格式填写日期。' };
  }
  return dateFromText(String(value));
}

/** "2026-06-30", "2026/6/30", "2026.6.30", "2026年6月30日", "20260630". */
export function dateFromText(original: string): Read<string> {
  const text = original.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return EMPTY;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined;
  if (!iso || !parseIsoDate(iso)) return { problem: `“${original.trim()}”不是日期`, hint: '按 2026-06-30 的格式填写日期。' };
  return { value: iso };
}

/** A date cell's calendar day. Spreadsheet dates carry no time zone: exceljs reads them as UTC. */
export function isoDate(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return rounded.toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
