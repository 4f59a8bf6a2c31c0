// Progress (+ plan) → the composed summary (mdast), or Markdown from a user's template.
import type { Plan } from '../model/plan.js';
import type { Progress } from '../model/progress.js';
import {
  composeView, problemDiagnostic, withMarkdown,
  type ComposeMarkdownResult, type ComposeProblem, type ComposeResult, type DataPath,
} from '../compose/index.js';
import { buildContext } from './context.js';
import { buildSummaryView } from './view.js';

export interface SummaryComposeOptions {
  /** a directory whose summary-*.md.hbs / partials/*.hbs replace the built-in ones */
  templatesDir?: string;
  /** the progress file's name, for diagnostics */
  file?: string;
  /** maps a data path to its position in the progress file */
  locate?: (path: DataPath) => { line: number; column: number } | undefined;
}

/** summary-half for 上半年, summary-year for a year (or 下半年), summary-brief for a quarter, month or date. */
export function summaryTemplateName(progress: Progress): string {
  const { kind } = progress.period;
  if (kind === 'half') return progress.period.half === 2 ? 'summary-year.md.hbs' : 'summary-half.md.hbs';
  if (kind === 'year') return 'summary-year.md.hbs';
  return 'summary-brief.md.hbs';
}

export function composeSummary(progress: Progress, plan: Plan | undefined, options: SummaryComposeOptions = {}): ComposeResult {
  const problems: ComposeProblem[] = [];
  const view = buildSummaryView(buildContext(progress, plan), problems);
  const diagnostics = problems.map((p) => problemDiagnostic(p, options));
  return composeView(view, diagnostics, {
    name: summaryTemplateName(progress),
    dir: options.templatesDir,
    brokenTemplateHint: '改正模板文件，或者去掉 --templates，改用自带模板。',
  });
}

/** The summary as Markdown text (the .md output). */
export function composeSummaryMarkdown(progress: Progress, plan: Plan | undefined, options: SummaryComposeOptions = {}): ComposeMarkdownResult {
  return withMarkdown(composeSummary(progress, plan, options));
}
