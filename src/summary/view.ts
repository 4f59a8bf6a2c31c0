// Progress (+ plan) → the view the summary templates print. The body is built
// as one narrative tree (parts 一、二、三 with their children), numbered by
// derive/numbering like a plan, so standard and free-structure summaries
// render through the same partial.
import type { Table, TableRow } from 'mdast';
import type { Attachment, Section, Text } from '../model/plan.js';
import type { Progress } from '../model/progress.js';
import { numberSections } from '../derive/numbering.js';
import { describeTarget } from '../derive/targets.js';
import { formatNumber, formatRate } from '../derive/progress.js';
import { headingBlock, paragraphBlock, thematicBreakBlock, type Block } from '../compose/blocks.js';
import type { FrontMatter } from '../compose/document.js';
import { preparePlain, type ComposeProblem, type DataPath } from '../compose/text.js';
import {
  preparedBlocks, sectionView, textBlock, textBlocks,
  type AttachmentPageView, type SectionContext, type SectionView,
} from '../compose/view.js';
import { resolveCitations } from './cite.js';
import type { MetricDef, SummaryContext } from './context.js';
import { overallFigures, periodLabel } from './sentences.js';
import { autoFor, standardParts } from './parts.js';
import { deriveTitle } from './title.js';

export const TABLE_TITLE = '主要指标完成情况表';

export interface SummaryView {
  frontMatter: FrontMatter;
  title: Block;
  opening: Block[];
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
  const tree = progress.body ?? standardParts(context);
  const numbered = numberSections(tree as Section[], progress.numbering);
  // a free-structure summary says everything it means to in its own body
  const table = progress.body || progress.auto?.table === false ? undefined : metricTable(context);
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

export function summaryTitle(context: SummaryContext): string {
  const { progress, plan } = context;
  return deriveTitle(progress, plan?.title, plan?.issuer ?? progress.issuer);
}

function openingBlocks(build: Build): Block[] {
  const { progress } = build.context;
  const written = preparedBlocks(progress.opening, ['opening'], build);
  if (progress.body) return written.flatMap(textBlock);
  const auto = autoFor(progress.auto?.opening);
  const figures = auto.mode === 'generate' ? overallFigures(build.context) : undefined;
  const replaced = auto.mode === 'replace' ? preparedBlocks(auto.text, ['auto', 'opening'], build).flatMap(textBlock) : [];
  const closing = `${figures ? `${periodLabel(progress.period)}，${figures}。` : ''}现将有关情况总结如下：`;
  return [...written.flatMap(textBlock), ...replaced, ...textBlock({ paragraph: closing })];
}

// ---- attachment: 主要指标完成情况表 --------------------------------------------

const TABLE_HEADER = ['序号', '指标', '单位', '目标', '完成', '完成率', '状态'];

function metricTable(context: SummaryContext): Table | undefined {
  const metrics = [...context.metrics.values()].filter((m) => m.target);
  if (!metrics.length) return undefined;
  const rows = metrics.map((metric, i) => tableRow([String(i + 1), ...metricCells(metric, context)]));
  return { type: 'table', align: ['center', 'left', 'center', 'left', 'right', 'right', 'center'], children: [tableRow(TABLE_HEADER), ...rows] };
}

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

function attachmentPages(build: Build, table: Table | undefined): AttachmentPageView[] {
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

function frontMatter(build: Build, title: string, hasTable: boolean): FrontMatter {
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
  return { data: present, yaml: { lineWidth: 0 } };
}
