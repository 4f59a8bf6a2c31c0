// plandoc lint: writing conventions over the prose of plan / progress YAML and
// Markdown. Pure functions from source text to diagnostics and fixed text.
import { LineCounter, parseDocument } from 'yaml';
import { excessiveNesting } from '../load/depth.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { applyFixes, lintText, MAX_FIX_PASSES, markdownHeadingFindings, safeFixes, type MarkdownHeading, type TextFix, type TextRole } from './rules.js';
import { findProse } from './yaml.js';
import { boundedStructureErrors } from '../load/yaml-bounds.js';
import type { ParsedYaml } from '../load/yaml.js';
import { markdownSyntaxRanges, overlapsSyntax } from './markdown-syntax.js';
import { isMarkdownFile, lintPlanSource, lintYamlText, sortByPosition, toDiagnostic, type LintDiagnostic } from './yaml-source.js';

export { lintText, fixText, type TextFinding, type TextRole } from './rules.js';
export { isMarkdownFile, lintPlanSource, type LintDiagnostic } from './yaml-source.js';
export { conventionFindings } from './conventions.js';

export interface LintChange {
  line: number;
  column: number;
  code: string;
  before: string;
  after: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

export function lintMarkdownSource(text: string, file: string): LintDiagnostic[] {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (const m of text.matchAll(/\n/g)) lineCounter.addNewLine(m.index + 1);
  const out: LintDiagnostic[] = [];
  const front = FRONT_MATTER.exec(text);
  const bodyStart = front ? front[0].length : 0;
  if (front) out.push(...lintYamlText(front[1]!, file, front[0].indexOf(front[1]!), lineCounter));
  const syntax = markdownSyntaxRanges(text.slice(bodyStart));
  let inFence = false;
  let lineStart = bodyStart;
  const headings: Array<MarkdownHeading & { at: number }> = [];
  for (const line of text.slice(bodyStart).split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || /^\s*\|?\s*:?-{3,}/.test(line)) continue;
    const heading = /^(#{1,6})\s+/.exec(line);
    if (heading) headings.push({ level: heading[1]!.length - 1, text: line.slice(heading[0].length).replace(/\r$/, ''), at: start + heading[0].length });
    for (const piece of markdownPieces(line.replace(/\r$/, ''))) {
      for (const finding of lintText(piece.text, piece.role)) {
        const range: [number, number] = [start + piece.at + finding.start, start + piece.at + finding.end];
        if (overlapsSyntax(syntax, range[0] - bodyStart, range[1] - bodyStart)) continue;
        out.push(toDiagnostic(file, { finding, offset: range[0], range }, lineCounter));
      }
    }
  }
  for (const { heading, finding } of markdownHeadingFindings(headings)) {
    const at = headings[heading]!.at;
    out.push(toDiagnostic(file, { finding, offset: at + finding.start, range: [at + finding.start, at + finding.end] }, lineCounter));
  }
  return sortByPosition(out);
}

/** The prose of one Markdown line: a heading's text, each table cell, or the whole line. */
function markdownPieces(line: string): Array<{ text: string; at: number; role: TextRole }> {
  const heading = /^(#{1,6})\s+/.exec(line);
  if (heading) return [{ text: line.slice(heading[0].length), at: heading[0].length, role: 'markdownHeading' }];
  if (!/^\s*\|/.test(line)) return [{ text: line, at: 0, role: 'prose' }];
  // table cell padding is layout, not a stray blank
  return [...line.matchAll(/(?<=\|)\s*((?:[^|\\]|\\.)*?)\s*(?=\|)/g)].map((m) => ({ text: m[1]!, at: m.index + m[0].indexOf(m[1]!), role: 'prose' as const }));
}

export function lintSource(text: string, file: string, parsed?: ParsedYaml): LintDiagnostic[] {
  return isMarkdownFile(file) ? lintMarkdownSource(text, file) : lintPlanSource(text, file, parsed);
}

/**
 * A fix must only change prose: the fixed file must parse to the same keys,
 * types and numbers (e.g. removing "一、" from `title: 一、[x]` would turn the
 * title into a list).
 */
function sameShape(before: string, after: string): boolean {
  const shape = (text: string): string | undefined => {
    if (excessiveNesting(text) !== undefined) return undefined;
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length || boundedStructureErrors(doc).length) return undefined;
    return JSON.stringify(doc.toJS(), (_key, value: unknown) => (typeof value === 'string' ? '' : value));
  };
  const expected = shape(before);
  return expected !== undefined && shape(after) === expected;
}

/** A YAML file that does not parse cannot be linted; say so instead of reporting it clean. */
export function unlintableYaml(text: string, file: string): Diagnostic[] {
  if (isMarkdownFile(file)) return [];
  const prose = findProse(text);
  const first = prose.syntaxErrors[0];
  if (!first) return [];
  const pos = prose.lineCounter.linePos(first.offset);
  return [{
    file, line: pos.line, column: pos.col, severity: 'error', code: 'yaml-syntax',
    message: 'YAML 语法有错误，没法检查文字规范',
    hint: `先运行 plandoc check ${file} 查看并改正语法错误。`,
  }];
}

/**
 * Applies every safe fix to the source text, repeating until none is left
 * (one fix can uncover another). Only the fixed characters change.
 */
export function fixSource(text: string, file: string): { text: string; changes: LintChange[] } {
  let current = text;
  const changes: LintChange[] = [];
  // as in fixText: until no safe fix is left, each fix may uncover the next
  const seen = new Set<string>();
  while (!seen.has(current) && seen.size < MAX_FIX_PASSES) {
    seen.add(current);
    const candidates = safeFixes(
      lintSource(current, file)
        .filter((d) => d.fix)
        .map((d) => ({ start: d.fix!.start, end: d.fix!.end, fix: d.fix!, diagnostic: d })),
    );
    if (!candidates.length) break;
    const fixes = isMarkdownFile(file) || sameShape(current, applyFixes(current, candidates)) ? candidates : fixesKeepingShape(current, candidates);
    if (!fixes.length) break;
    changes.push(...fixes.map((f) => ({ line: f.diagnostic.line, column: f.diagnostic.column, code: f.diagnostic.code, before: current.slice(f.start, f.end), after: f.fix.replacement })));
    current = applyFixes(current, fixes);
  }
  return { text: current, changes };
}

/** The slow path, for the rare file where some fix would change the data: try the fixes one by one. */
function fixesKeepingShape<T extends { start: number; end: number; fix: TextFix }>(text: string, fixes: T[]): T[] {
  const kept: T[] = [];
  for (const fix of fixes) if (sameShape(text, applyFixes(text, [...kept, fix]))) kept.push(fix);
  return kept;
}
