// Builds plan YAML texts for the load tests and picks diagnostics by code.
import { loadPlanSource } from '../../src/load/index.js';
import type { Diagnostic } from '../../src/load/diagnostic.js';

/** Two lines of valid furniture; a test's own lines start at line 3. */
export const HEAD = ['title: 示例镇2026年工作计划', 'year: 2026'];

export function yamlOf(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A plan with the standard head and one valid section unless the body brings its own. */
export function planOf(...body: string[]): string {
  const hasSections = body.some((line) => line.startsWith('sections:'));
  return yamlOf(...HEAD, ...(hasSections ? [] : ['sections:', '  - title: 总体要求', '    id: general', '    text: 正文。']), ...body);
}

export function check(text: string, file = 'plans/test.yaml'): Diagnostic[] {
  return loadPlanSource(text, file).diagnostics;
}

export function codes(text: string): string[] {
  return check(text).map((d) => d.code);
}

export function only(text: string, code: string): Diagnostic[] {
  return check(text).filter((d) => d.code === code);
}

/** "line:column code" for compact position assertions. */
export function at(d: Diagnostic | undefined): string {
  return d ? `${d.line}:${d.column} ${d.code}` : 'none';
}

/** 1-based column of `needle` in a source line, so tests state positions without counting by hand. */
export function col(line: string, needle: string): number {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${line}`);
  return index + 1;
}
