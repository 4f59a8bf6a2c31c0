// User errors are data: every problem with an input is a Diagnostic, printed
// as `plans/x.yaml:12:5: 错误 [code] message`, never thrown at the user.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem has no position (a missing file) */
  line: number;
  /** 1-based */
  column: number;
  severity: Severity;
  /** stable machine code, e.g. `yaml-syntax`, `schema-type`, `unknown-key` */
  code: string;
  /** plain Chinese sentence saying what is wrong */
  message: string;
  /** plain Chinese sentence saying how to fix it */
  hint?: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
};

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
