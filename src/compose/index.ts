// compose: Plan → the composed document (mdast) that both writers read; a
// user's template override is filled with handlebars and read back as Markdown.
import type { Plan } from '../model/plan.js';
import type { Diagnostic } from '../load/diagnostic.js';
import { buildPlanView } from './view.js';
import { documentTree, markdownView, normaliseBlankLines, treeMarkdown, type ComposedTree, type DocumentView } from './document.js';
import { loadTemplate, overridesTemplate, TemplateError } from './templates.js';
import type { ComposeProblem, DataPath } from './text.js';

export type { DataPath, ComposeProblem } from './text.js';
export type { ComposedTree, FrontMatter } from './document.js';
export { builtinTemplatesDir, TemplateError } from './templates.js';
export { treeMarkdown } from './document.js';

export interface ComposeOptions {
  /** a directory whose plan.md.hbs / partials/*.hbs replace the built-in ones */
  templatesDir?: string;
  /** the plan's file name, for diagnostics */
  file?: string;
  /** maps a data path (["sections", 0, "title"]) to its position in the file */
  locate?: (path: DataPath) => { line: number; column: number } | undefined;
}

/**
 * The tree, or the Markdown text a user template produced; `anchorsFrom`, the
 * composed tree whose plan paths the DOCX writer copies onto the blocks read
 * back from that text (src/review/anchors.ts).
 */
export type ComposedDocument = { tree: ComposedTree } | { markdown: string; anchorsFrom?: ComposedTree['root'] };

export interface ComposeResult {
  /** absent when a user template is broken */
  document?: ComposedDocument;
  diagnostics: Diagnostic[];
}

export interface ComposeMarkdownResult {
  /** '' when a user template is broken */
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

export function composePlan(plan: Plan, options: ComposeOptions = {}): ComposeResult {
  const problems: ComposeProblem[] = [];
  const view = buildPlanView(plan, problems);
  const diagnostics = uniqueProblems(problems).map((p) => problemDiagnostic(p, options));
  return composeView(view, diagnostics, {
    name: 'plan.md.hbs',
    dir: options.templatesDir,
    brokenTemplateHint: '改正模板文件，或者去掉 --templates / 配置文件里的 templates，改用自带模板。',
  });
}

/** The plan as Markdown text (the .md output). */
export function composePlanMarkdown(plan: Plan, options: ComposeOptions = {}): ComposeMarkdownResult {
  return withMarkdown(composePlan(plan, options));
}

export function withMarkdown(result: ComposeResult): ComposeMarkdownResult {
  return { markdown: result.document ? documentMarkdown(result.document) : '', diagnostics: result.diagnostics };
}

export function documentMarkdown(document: ComposedDocument): string {
  return 'tree' in document ? treeMarkdown(document.tree) : document.markdown;
}

/**
 * The tree, unless the user's templates directory overrides this template or
 * a partial: then handlebars writes the Markdown, and the DOCX reads it back.
 */
export function composeView(view: DocumentView, diagnostics: Diagnostic[], template: TemplateChoice): ComposeResult {
  if (template.dir && overridesTemplate(template.name, template.dir)) return fillTemplate(view, diagnostics, template);
  return { document: { tree: documentTree(view) }, diagnostics };
}

/** Fills a template with the view's blocks as Markdown; the built-in templates give the tree's own Markdown. */
export function fillTemplate(view: DocumentView, diagnostics: Diagnostic[], template: TemplateChoice): ComposeResult {
  try {
    const markdown = normaliseBlankLines(loadTemplate(template.name, template.dir)(markdownView(view)));
    return { document: { markdown, anchorsFrom: documentTree(view).root }, diagnostics };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { diagnostics: [...diagnostics, templateDiagnostic(error, template.brokenTemplateHint)] };
  }
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
