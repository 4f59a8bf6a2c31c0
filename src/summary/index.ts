// summary: progress files → half-year, year-end and short summaries.
export { loadProgressFile, loadProgressSource, isProgressSource, progressSchema, type ProgressLoadResult } from './load.js';
export { composeSummary, composeSummaryMarkdown, summaryTemplateName, type SummaryComposeOptions } from './compose.js';
export { checkProgress } from './rules.js';
export { buildContext, type SummaryContext } from './context.js';
export { metricCells, summaryTitle } from './view.js';
export { summaryGaps } from './gaps.js';
