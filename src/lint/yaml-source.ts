// Lint findings of plan and progress YAML sources, and where they point in the
// file. Kept apart from the Markdown linter so render and check of a YAML
// file never load the Markdown parser (src/lint/conventions.ts).
import { isScalar, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../load/diagnostic.js';
import type { ParsedYaml } from '../load/yaml.js';
import { lintText, type TextFinding } from './rules.js';
import { findProse, sourceRange, type ProseScalar } from './yaml.js';

/** A lint finding; `fix` is present when the suggested change maps onto the source verbatim. */
export interface LintDiagnostic extends Diagnostic {
  fix?: { start: number; end: number; replacement: string; safe: boolean };
}

interface Located {
  finding: TextFinding;
  /** source offset of the finding's first character */
  offset: number;
  range?: [number, number];
}

export function toDiagnostic(file: string, located: Located, lineCounter: LineCounter): LintDiagnostic {
  const { finding, offset, range } = located;
  const pos = lineCounter.linePos(offset);
  const diagnostic: LintDiagnostic = {
    file,
    line: pos.line,
    column: pos.col,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    // a safe fix that cannot be made in place (an escape, a folded line) is the writer's to make
    hint: finding.fix?.safe && !range ? finding.hint.replace('（plandoc lint --fix 可自动修改）', '（这一处需要手工修改）') : finding.hint,
  };
  if (finding.fix && range) diagnostic.fix = { start: range[0], end: range[1], ...finding.fix };
  return diagnostic;
}

/** Whether a plain (unquoted) scalar with this text still reads as exactly this string ("1." would be a number). */
function staysPlainString(value: string): boolean {
  const doc = parseDocument(value);
  return !doc.errors.length && isScalar(doc.contents) && doc.contents.value === value.trim().replace(/\s*\n\s*/g, ' ');
}

function locateInScalar(scalar: ProseScalar, finding: TextFinding, fallback: number): Located {
  let offset = fallback;
  for (let i = Math.min(finding.start, scalar.offsets.length - 1); i >= 0; i--) {
    if (scalar.offsets[i]! >= 0) {
      offset = scalar.offsets[i]! + (finding.start - i);
      break;
    }
  }
  const fixed = finding.fix ? scalar.value.slice(0, finding.start) + finding.fix.replacement + scalar.value.slice(finding.end) : undefined;
  const breaksPlain = scalar.plain && fixed !== undefined && !staysPlainString(fixed);
  return { finding, offset, range: breaksPlain ? undefined : sourceRange(scalar, finding.start, finding.end) };
}

export function lintYamlText(text: string, file: string, shift = 0, lineCounter?: LineCounter, parsed?: ParsedYaml): LintDiagnostic[] {
  const prose = findProse(text, parsed);
  const counter = lineCounter ?? prose.lineCounter;
  const shiftRange = (r?: [number, number]): [number, number] | undefined => (r ? [r[0] + shift, r[1] + shift] : undefined);
  return prose.scalars.flatMap((scalar) => {
    const fallback = scalar.offsets.find((o) => o >= 0) ?? 0;
    return lintText(scalar.value, scalar.role).map((finding) => {
      const located = locateInScalar(scalar, finding, fallback);
      return toDiagnostic(file, { ...located, offset: located.offset + shift, range: shiftRange(located.range) }, counter);
    });
  });
}

/**
 * Lint findings of a plan or progress YAML source (only its prose: titles,
 * text, list items, names…). A file that does not parse gives no findings:
 * the loader reports its syntax errors.
 */
export function lintPlanSource(text: string, file: string, parsed?: ParsedYaml): LintDiagnostic[] {
  return sortByPosition(lintYamlText(text, file, 0, undefined, parsed));
}

/** Plan and progress files are YAML; anything else (.md, .txt) is linted line by line as text. */
export function isMarkdownFile(file: string): boolean {
  return !/\.ya?ml$/i.test(file);
}

export function sortByPosition(diagnostics: LintDiagnostic[]): LintDiagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
