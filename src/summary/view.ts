// Progress (+ plan) → the view the summary templates print. The body is built
// as one narrative tree (parts 一、二、三 with their children), numbered by
// derive/numbering like a plan, so standard and free-structure summaries
// render through the same partial.
import type { Table, TableRow } from 'mdast';
import { stringify as stringifyYaml } from 'yaml';
import type { Attachment, Section, Text } from '../model/plan.js';
import type { NarrativeSection, Progress } from '../model/progress.js';
import { numberSections } from '../derive/numbering.js';
import { describeTarget } from '../derive/targets.js';
import { formatNumber, formatRate } from '../derive/progress.js';
import { headingBlock, paragraphBlock, thematicBreakBlock } from '../compose/blocks.js';
import { preparePlain, type ComposeProblem, type DataPath } from '../compose/text.js';
import {
  blockMarkdown, preparedBlocks, sectionView, textBlocks,
  type AttachmentPageView, type SectionContext, type SectionView,
} from '../compose/view.js';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { resolveCitations } from './cite.js';
import type { MetricDef, SummaryContext } from './context.js';
import {
  endSentence, enumerate, laggingMetricPhrase, laggingTaskPhrase, metricSentence, overallFigures,
  periodLabel, remainingMetricPhrase, stripFinalMark, unfinishedTaskPhrase,
} from './sentences.js';

export const TABLE_TITLE = '主要指标完成情况表';

export interface SummaryView {
  frontMatter: string;
  title: string;
  opening: string[];
  sections: SectionView[];
  attachments: AttachmentPageView[];
  progress: Progress;
}

interface Build extends SectionContext {
  context: SummaryContext;
}

export function buildSummaryView(context: SummaryContext, problems: ComposeProblem[]): SummaryView {
  const { progress } = context;
  const build: Build = {
    context,
    problems,
    runInMark: progress.numbering?.runInMark ?? '。',
    prepareText: (text, path) => resolveCitations(preparePlain(text, path, problems), context),
  };
  const tree = progress.body ?? standardParts(build);
  const numbered = numberSections(tree as Section[], progress.numbering);
  // a free-structure summary says everything it means to in its own body
  const table = progress.body ? undefined : metricTable(context);
  const title = summaryTitle(context);
  return {
    frontMatter: frontMatter(build, title, table !== undefined),
    title: headingBlock(1, title),
    opening: openingBlocks(build),
    sections: numbered.map((node) => sectionView(node, build)),
    attachments: attachmentPages(build, table),
    progress,
  };
}

// ---- title and opening ------------------------------------------------------

const PLAN_SUFFIX = /(年初工作计划|年度工作计划|工作计划|工作方案|实施方案|工作要点)$/;

/** "长寿镇…有效衔接" + "2026年上半年工作总结及下半年工作计划". */
export function summaryTitle(context: SummaryContext): string {
  const { progress, plan } = context;
  if (progress.title) return progress.title;
  const subject = (plan?.title ?? progress.issuer ?? '').replace(PLAN_SUFFIX, '').replace(`${progress.period.year}年`, '');
  return `${subject}${genreTitle(progress)}`;
}

function genreTitle(progress: Progress): string {
  const { period } = progress;
  if (period.kind === 'half' && period.half !== 2) return `${period.year}年上半年工作总结及下半年工作计划`;
  if (period.kind === 'year' || period.kind === 'half') return `${period.year}年度工作总结`;
  return `${periodLabel(period)}工作情况报告`;
}

/** The part after 二、存在的问题: what the next period is called. */
function nextPeriodTitle(progress: Progress): string {
  const { period } = progress;
  if (period.kind === 'half' && period.half !== 2) return '下半年工作计划';
  if (period.kind === 'year' || period.kind === 'half') return '下年度工作打算';
  return '下步工作打算';
}

function openingBlocks(build: Build): string[] {
  const { progress } = build.context;
  const written = preparedBlocks(progress.opening, ['opening'], build);
  if (progress.body) return written.map(blockMarkdown);
  const figures = overallFigures(build.context);
  const closing = `${figures ? `${periodLabel(progress.period)}，${figures}。` : ''}现将有关情况总结如下：`;
  return [...written, { paragraph: closing }].map(blockMarkdown);
}

// ---- the standard body --------------------------------------------------------

function standardParts(build: Build): NarrativeSection[] {
  const { progress } = build.context;
  const parts: NarrativeSection[] = [
    { title: '主要工作及成效', children: achievementGroups(build) },
    { title: '存在的问题', text: problemBlocks(build) },
    { title: nextPeriodTitle(progress), children: nextStepSections(build) },
  ];
  return parts.filter((part) => part.children?.length || (Array.isArray(part.text) && part.text.length));
}

interface Group {
  id?: string;
  title: string;
  paragraphs: string[];
  highlights: NarrativeSection[];
}

/** One group per level-2 plan section holding metrics, tasks or highlights, in plan order. */
function achievementGroups(build: Build): NarrativeSection[] {
  const { context } = build;
  const groups = new Map<string, Group>();
  const groupFor = (sectionId: string | undefined): Group | undefined => {
    const anchor = sectionId ? groupAnchor(sectionId, context) : undefined;
    if (!anchor?.id) return undefined;
    let group = groups.get(anchor.id);
    if (!group) groups.set(anchor.id, (group = { id: anchor.id, title: anchor.title ?? '', paragraphs: [], highlights: [] }));
    return group;
  };
  for (const id of planOrder(context)) groupFor(id);
  const loose: NarrativeSection[] = [];
  for (const highlight of context.progress.highlights ?? []) {
    const group = groupFor(highlight.section);
    if (group) group.highlights.push(highlight);
    else loose.push(highlight);
  }
  const metricSentences = new Map<Group, string[]>();
  for (const metric of context.metrics.values()) {
    const group = groupFor(metric.task);
    const sentence = metricSentence(metric, context);
    if (!sentence) continue;
    if (group) metricSentences.set(group, [...(metricSentences.get(group) ?? []), sentence]);
    else loose.push({ title: metric.name, runIn: true, text: endSentence(sentence) });
  }
  for (const task of context.progress.tasks ?? []) {
    if (task.progress) groupFor(task.task)?.paragraphs.push(endSentence(task.progress));
  }
  const built = [...groups.values()].flatMap((group) => groupSection(group, metricSentences.get(group) ?? []));
  return [...built, ...loose];
}

function groupSection(group: Group, sentences: string[]): NarrativeSection[] {
  const highlightText = group.highlights.filter((h) => !h.title && !h.children).flatMap((h) => asBlocks(h.text));
  const highlightSections = group.highlights.filter((h) => h.title || h.children);
  const figures = sentences.length ? [`${sentences.join('；')}。`] : [];
  const text: Text = [...highlightText, ...figures, ...group.paragraphs];
  if (!text.length && !highlightSections.length) return [];
  return [{ id: group.id, title: group.title, runIn: '。', text, children: highlightSections.length ? highlightSections : undefined }];
}

/** The level-2 plan section (child of a level-1 section) that a section id belongs to. */
function groupAnchor(sectionId: string, context: SummaryContext): Section | undefined {
  const entry = context.sections.get(sectionId);
  if (!entry) return undefined;
  const chain = [...entry.ancestors, entry.section];
  return chain[1] ?? chain[0];
}

function planOrder(context: SummaryContext): string[] {
  const used = new Set<string>();
  for (const metric of context.metrics.values()) if (metric.task && context.values.has(metric.id)) used.add(metric.task);
  for (const task of context.progress.tasks ?? []) if (task.progress) used.add(task.task);
  for (const h of context.progress.highlights ?? []) if (h.section) used.add(h.section);
  return [...context.sections.keys()].filter((id) => used.has(id));
}

function problemBlocks(build: Build): Text {
  const { context } = build;
  const written = asBlocks(context.progress.problems);
  const lagging = [
    ...[...context.metrics.values()].map((m) => laggingMetricPhrase(m, context)),
    ...(context.progress.tasks ?? []).map((t) => laggingTaskPhrase(t, sectionTitle(t.task, context))),
  ].filter((p): p is string => p !== undefined);
  if (!lagging.length) return written;
  return [...written, `对照年度目标，部分指标和任务进度滞后：${enumerate(lagging)}`];
}

function nextStepSections(build: Build): NarrativeSection[] {
  const { context } = build;
  const unfinished = [
    ...(context.progress.tasks ?? []).map((t) => unfinishedTaskPhrase(t, sectionTitle(t.task, context))),
    ...[...context.metrics.values()].map((m) => remainingMetricPhrase(m, context)),
  ].filter((p): p is string => p !== undefined);
  const computed: NarrativeSection[] = unfinished.length
    ? [{ title: '推进未完成目标任务', runIn: '。', text: enumerate(unfinished.map(stripFinalMark)) }]
    : [];
  return [...(context.progress.nextSteps ?? []), ...computed];
}

function sectionTitle(id: string, context: SummaryContext): string {
  return context.sections.get(id)?.section.title ?? id;
}

function asBlocks(text: Text | undefined): Array<string | { list: string[] }> {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : [...text];
}

// ---- attachment: 主要指标完成情况表 --------------------------------------------

const TABLE_HEADER = ['序号', '指标', '单位', '目标', '完成', '完成率', '状态'];

function metricTable(context: SummaryContext): string | undefined {
  const metrics = [...context.metrics.values()].filter((m) => m.target);
  if (!metrics.length) return undefined;
  const rows = metrics.map((metric, i) => tableRow([String(i + 1), ...metricCells(metric, context)]));
  const table: Table = { type: 'table', align: ['center', 'left', 'center', 'left', 'right', 'right', 'center'], children: [tableRow(TABLE_HEADER), ...rows] };
  return tableProcessor.stringify({ type: 'root', children: [table] }).trimEnd();
}

// Cells are not padded to align the pipes: padding counts characters, not
// display width, so it misaligns Chinese text anyway and reads as stray spaces.
const tableProcessor = unified().use(remarkStringify).use(remarkGfm, { tablePipeAlign: false });

export function metricCells(metric: MetricDef, context: SummaryContext): string[] {
  const tracked = context.values.get(metric.id);
  const result = context.results.get(metric.id);
  const value = tracked === undefined ? '—' : typeof tracked.value === 'boolean' ? (tracked.value ? '已实现' : '未实现') : formatNumber(tracked.value);
  const rate = result?.rate === undefined ? '—' : formatRate(result.rate);
  return [metric.name, metric.unit ?? '—', describeTarget(metric.target!, metric.unit ?? ''), value, rate, result?.status ?? '—'];
}

function tableRow(cells: readonly string[]): TableRow {
  return { type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: [{ type: 'text', value: cell }] })) };
}

function attachmentPages(build: Build, table: string | undefined): AttachmentPageView[] {
  const extra = build.context.progress.attachments ?? [];
  const count = extra.length + (table ? 1 : 0);
  const label = (n: number) => paragraphBlock(count > 1 ? `附件${n}` : '附件');
  const pages: AttachmentPageView[] = [];
  if (table) pages.push({ rule: thematicBreakBlock(), label: label(1), title: headingBlock(1, TABLE_TITLE), body: [table] });
  extra.forEach((attachment, i) => {
    if (attachment.text === undefined) return;
    const path: DataPath = ['attachments', i, 'text'];
    pages.push({
      rule: thematicBreakBlock(),
      label: label(i + 1 + (table ? 1 : 0)),
      title: headingBlock(1, preparePlain(attachment.title, ['attachments', i, 'title'], build.problems)),
      body: textBlocks(attachment.text, path, build),
    });
  });
  return pages;
}

// ---- front matter -------------------------------------------------------------

function frontMatter(build: Build, title: string, hasTable: boolean): string {
  const { progress, plan } = build.context;
  const attachments: Attachment[] = [...(hasTable ? [{ title: TABLE_TITLE }] : []), ...(progress.attachments ?? []).map((a) => ({ title: a.title }))];
  const furniture: Record<string, unknown> = {
    title,
    issuer: progress.issuer ?? plan?.issuer,
    date: progress.date ?? build.context.periodEnd,
    docNumber: progress.docNumber,
    recipients: progress.recipients,
    attachments: attachments.length ? attachments : undefined,
    note: progress.note,
    copyTo: progress.copyTo,
    printedBy: progress.printedBy,
    printedDate: progress.printedDate,
    header: progress.header,
    sealed: progress.sealed,
    publication: progress.publication,
  };
  const present = Object.fromEntries(Object.entries(furniture).filter(([, v]) => v !== undefined));
  return `---\n${stringifyYaml(present, { lineWidth: 0 }).trimEnd()}\n---`;
}
