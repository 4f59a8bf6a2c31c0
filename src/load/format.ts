// Human-readable diagnostics: `file:line:col: 错误 [code] message`, an
// indented hint, then the offending source line with a caret under the column.
import pc from 'picocolors';
import { SEVERITY_LABEL, hasErrors } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';

const MAX_SHOWN_WIDTH = 80;

type Colors = ReturnType<typeof pc.createColors>;

export function formatDiagnostics(diags: Diagnostic[], sources: Map<string, string>, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const lines = new Map<string, string[]>();
  const linesOf = (file: string): string[] | undefined => {
    const source = sources.get(file);
    if (source === undefined) return undefined;
    if (!lines.has(file)) lines.set(file, source.split(/\r?\n/));
    return lines.get(file);
  };
  return diags.map((d) => formatOne(d, linesOf(d.file), c)).join('');
}

function formatOne(d: Diagnostic, sourceLines: string[] | undefined, c: Colors): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const label = d.severity === 'error' ? c.bold(c.red(SEVERITY_LABEL.error)) : c.bold(c.yellow(SEVERITY_LABEL.warning));
  let out = `${c.bold(where)}: ${label} ${c.dim(`[${d.code}]`)} ${d.message}\n`;
  if (d.hint) out += `    ${c.cyan('提示：')}${d.hint}\n`;
  const line = d.line > 0 ? sourceLines?.[d.line - 1] : undefined;
  if (line !== undefined && line.trim() !== '') out += excerpt(line, d.line, d.column, c);
  return out;
}

function excerpt(line: string, lineNo: number, column: number, c: Colors): string {
  const chars = Array.from(line.replace(/\r$/, ''));
  const caretIndex = Math.max(0, Math.min(codeUnitsToChars(line, column - 1), chars.length));
  const { shown, caretAt } = windowAround(chars, caretIndex);
  const gutter = String(lineNo);
  const blank = ' '.repeat(gutter.length);
  const text = shown.map(displayChar).join('');
  const pad = shown.slice(0, caretAt).map((ch) => ' '.repeat(displayWidth(ch))).join('');
  return `  ${c.dim(`${gutter} |`)} ${text}\n  ${c.dim(`${blank} |`)} ${pad}${c.red('^')}\n`;
}

/** Keeps a long line readable: a window of it around the caret. */
function windowAround(chars: string[], caret: number): { shown: string[]; caretAt: number } {
  const width = (list: string[]): number => list.reduce((sum, ch) => sum + displayWidth(ch), 0);
  if (width(chars) <= MAX_SHOWN_WIDTH) return { shown: chars, caretAt: caret };
  let start = Math.max(0, caret - 20);
  let end = start;
  while (end < chars.length && width(chars.slice(start, end + 1)) <= MAX_SHOWN_WIDTH - 2) end++;
  const shown = chars.slice(start, end);
  const prefix = start > 0 ? ['…'] : [];
  const suffix = end < chars.length ? ['…'] : [];
  start -= prefix.length;
  return { shown: [...prefix, ...shown, ...suffix], caretAt: caret - start };
}

function codeUnitsToChars(line: string, units: number): number {
  return Array.from(line.slice(0, units)).length;
}

function displayChar(ch: string): string {
  return ch === '\t' ? '    ' : ch;
}

/** Terminal columns a character takes: CJK and full-width forms take two. */
export function displayWidth(ch: string): number {
  if (ch === '\t') return 4;
  const code = ch.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300;
  return wide ? 2 : 1;
}

/** "共 2 个错误、1 个警告" */
export function formatCounts(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts = [errors > 0 || warnings === 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个警告` : ''].filter(Boolean);
  return `共 ${parts.join('、')}`;
}

/** One line per file: "plans/a.yaml：没有问题" or its own counts. */
export function formatFileStatus(file: string, diags: readonly Diagnostic[]): string {
  if (diags.length === 0) return `${file}：没有问题`;
  return `${file}：${formatCounts(diags).replace(/^共 /, '')}${hasErrors(diags) ? '' : '（可以使用）'}`;
}

/** How many warnings render and build show before summing up the rest. */
export const WARNINGS_SHOWN = 3;

/**
 * Diagnostics as render and build print them: every error, and the first few
 * warnings with a count of the rest (all of them with `verbose`). Warnings do
 * not stop a render; a screen of them would hide the "已生成" lines.
 */
export function formatCompact(diags: Diagnostic[], sources: Map<string, string>, options: { color?: boolean; verbose?: boolean } = {}): string {
  const warnings = diags.filter((d) => d.severity === 'warning');
  const hidden = options.verbose ? [] : warnings.slice(WARNINGS_SHOWN);
  const shown = diags.filter((d) => !hidden.includes(d));
  let out = formatDiagnostics(shown, sources, options);
  if (hidden.length > 0) {
    const files = [...new Set(warnings.map((d) => d.file))].join(' ');
    out += `……还有 ${hidden.length} 个警告没有列出（共 ${warnings.length} 个）：加 --verbose 全部列出，或运行 plandoc check ${files}\n`;
  }
  return out;
}
