// compose: Plan → Markdown through the handlebars templates.
import type { Plan } from '../model/plan.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { buildPlanView } from './view.js';
import { loadTemplate, TemplateError } from './templates.js';
import type { ComposeProblem, DataPath } from './text.js';

export type { DataPath, ComposeProblem } from './text.js';
export { builtinTemplatesDir, TemplateError } from './templates.js';

export interface ComposeOptions {
  /** a directory whose plan.md.hbs / partials/*.hbs replace the built-in ones */
  templatesDir?: string;
  /** the plan's file name, for diagnostics */
  file?: string;
  /** maps a data path (["sections", 0, "title"]) to its position in the file */
  locate?: (path: DataPath) => { line: number; column: number } | undefined;
}

export interface ComposeResult {
  markdown: string;
  diagnostics: Diagnostic[];
}

/** Which template a stage fills, and what to tell the user when it is broken. */
export interface TemplateChoice {
  name: string;
  /** the user's templates directory, if any */
  dir?: string;
  brokenTemplateHint: string;
}

export function composePlanMarkdown(plan: Plan, options: ComposeOptions = {}): ComposeResult {
  const problems: ComposeProblem[] = [];
  const view = buildPlanView(plan, problems);
  const diagnostics = uniqueProblems(problems).map((p) => problemDiagnostic(p, options));
  return fillTemplate(view, diagnostics, {
    name: 'plan.md.hbs',
    dir: options.templatesDir,
    brokenTemplateHint: '改正模板文件，或者去掉 --templates / 配置文件里的 templates，改用自带模板。',
  });
}

/** A broken user template becomes a diagnostic rather than an exception. */
export function fillTemplate(view: object, diagnostics: Diagnostic[], template: TemplateChoice): ComposeResult {
  try {
    const markdown = normaliseBlankLines(loadTemplate(template.name, template.dir)(view));
    return { markdown, diagnostics };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { markdown: '', diagnostics: [...diagnostics, templateDiagnostic(error, template.brokenTemplateHint)] };
  }
}

/**
 * Templates leave blank lines wherever an optional part is empty; a Markdown
 * block is separated by exactly one. User text cannot contain a blank line
 * here: remark-stringify writes its line breaks as character references.
 */
export function normaliseBlankLines(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function uniqueProblems(problems: ComposeProblem[]): ComposeProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.path.join('.')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function problemDiagnostic(problem: ComposeProblem, options: Pick<ComposeOptions, 'file' | 'locate'>): Diagnostic {
  const position = options.locate?.(problem.path);
  return {
    file: options.file ?? '',
    line: position?.line ?? 0,
    column: position?.column ?? 0,
    severity: problem.severity,
    code: problem.code,
    message: position ? problem.message : `${describePath(problem.path)}：${problem.message}`,
    ...(problem.hint ? { hint: problem.hint } : {}),
  };
}

/** ["sections", 1, "children", 0, "title"] → "sections[1].children[0].title" */
export function describePath(path: DataPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${part}`)).join('');
}

function templateDiagnostic(error: TemplateError, hint: string): Diagnostic {
  return {
    file: error.file,
    line: error.line,
    column: error.line ? 1 : 0,
    severity: 'error',
    code: 'template-error',
    message: error.message,
    hint,
  };
}
