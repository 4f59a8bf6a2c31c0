// Plan → the view of the document: its front matter and its blocks (mdast),
// grouped the way the templates print them (compose/document.ts).
// `plan` gives user templates the raw data when they need more.
import type { Attachment, Furniture, Plan, RunIn, Section, Text } from '../model/plan.js';
import { numberSections, type NumberedSection } from '../derive/numbering.js';
import { centredBlock, headingBlock, listBlock, paragraphBlock, runInBlock, thematicBreakBlock, type Block } from './blocks.js';
import type { FrontMatter } from './document.js';
import { withDerivedTables } from '../tables/derive.js';
import { prepareTable, tableNodes, type PreparedTable } from './table.js';
import { buildCitationIndex, prepareText, preparePlain, type ComposeProblem, type DataPath } from './text.js';
import { withPlanPath } from '../review/anchors.js';

export interface SectionView {
  /** "一、", "（一）", "1.", "（1）" */
  number: string;
  /** 1 (一、) to 4 （1）; deeper nodes keep counting */
  level: number;
  /** the title as plain text (not escaped) */
  title: string;
  /** the heading, a run-in paragraph, or the numbered first paragraph */
  heading: Block;
  /** blocks of the node's own text after the heading */
  body: Block[];
  /** "（牵头单位：…；责任单位：…；完成时限：…）" as a paragraph */
  taskInfo?: Block;
  children: SectionView[];
  closing: Block[];
}

export interface AttachmentPageView {
  rule: Block;
  /** "附件1", or "附件" when the document has one attachment */
  label: Block;
  title: Block;
  body: Block[];
}

export interface PlanView {
  frontMatter: FrontMatter;
  title: Block;
  opening: Block[];
  sections: SectionView[];
  attachments: AttachmentPageView[];
  plan: Plan;
}

/** What a stage that prints sections (plan, summary) supplies to the shared section code. */
export interface SectionContext {
  problems: ComposeProblem[];
  runInMark: '。' | '：';
  /** Body text → printable text; each stage resolves its own kind of citations. */
  prepareText: (text: string, path: DataPath) => string;
}

export function buildPlanView(typed: Plan, problems: ComposeProblem[]): PlanView {
  const plan = withDerivedTables(typed);
  const citations = buildCitationIndex(plan.metrics, plan.basis);
  const ctx: SectionContext = {
    problems,
    runInMark: plan.numbering?.runInMark ?? '。',
    prepareText: (text, path) => prepareText(text, citations, path, problems),
  };
  const numbered = numberSections(plan.sections ?? [], plan.numbering);
  return {
    frontMatter: frontMatter(plan, ctx),
    title: withPlanPath(headingBlock(1, preparePlain(plan.title, ['title'], problems)), ['title']),
    opening: textBlocks(plan.opening, ['opening'], ctx),
    sections: numbered.map((node) => sectionView(node, ctx)),
    attachments: attachmentPages(plan.attachments ?? [], typed.attachments?.length ?? 0, ctx),
    plan,
  };
}

// ---- sections ---------------------------------------------------------------

/** A numbered section and its subtree as the templates print it, for plan and summary bodies alike. */
export function sectionView(node: NumberedSection, ctx: SectionContext): SectionView {
  const { section, path } = node;
  const title = section.title === undefined ? undefined : preparePlain(section.title, [...path, 'title'], ctx.problems);
  const blocks = preparedBlocks(section.text, [...path, 'text'], ctx);
  const { heading, rest } = headingAndRest(node, title, blocks, ctx);
  return {
    number: node.number,
    level: node.level,
    title: title ?? '',
    heading: withPlanPath(heading, [...path, 'heading']),
    body: rest.flatMap(textBlock),
    taskInfo: taskInfo(section, path, ctx),
    children: node.children.map((child) => sectionView(child, ctx)),
    closing: textBlocks(section.closing, [...path, 'closing'], ctx),
  };
}

/** A block of a text field, prepared for printing; `at` is its data path (the anchor of its paragraphs). */
export type PreparedBlock = ({ paragraph: string } | { list: string[] } | { table: PreparedTable } | { center: string }) & { at?: DataPath };

function headingAndRest(node: NumberedSection, title: string | undefined, blocks: PreparedBlock[], ctx: SectionContext) {
  const [first, ...others] = blocks;
  const leadingParagraph = first && 'paragraph' in first ? first.paragraph : undefined;
  if (title === undefined) {
    // a numbered paragraph without a heading: "1.正文"
    if (leadingParagraph !== undefined) return { heading: paragraphBlock(node.number + leadingParagraph), rest: others };
    return { heading: paragraphBlock(node.number), rest: blocks };
  }
  const mark = runInMark(node.section.runIn, ctx);
  if (!mark) return { heading: headingBlock(node.level + 1, node.number + title), rest: blocks };
  if (leadingParagraph !== undefined) return { heading: runInBlock(node.number + title, mark + leadingParagraph), rest: others };
  return { heading: runInBlock(node.number + title, mark), rest: blocks };
}

function runInMark(runIn: RunIn | undefined, ctx: SectionContext): '。' | '：' | undefined {
  if (runIn === true) return ctx.runInMark;
  return runIn || undefined;
}

function taskInfo(section: Section, path: DataPath, ctx: SectionContext): Block | undefined {
  const parts: string[] = [];
  if (section.lead) parts.push(`牵头单位：${preparePlain(section.lead, [...path, 'lead'], ctx.problems)}`);
  if (section.units?.length) {
    const units = section.units.map((unit, i) => preparePlain(unit, [...path, 'units', i], ctx.problems));
    parts.push(`责任单位：${units.join('、')}`);
  }
  if (section.deadline) parts.push(`完成时限：${chineseDate(preparePlain(section.deadline, [...path, 'deadline'], ctx.problems))}`);
  if (section.milestones?.length) {
    const steps = section.milestones.map((m, i) => chineseDate(m.date) + preparePlain(m.text, [...path, 'milestones', i, 'text'], ctx.problems));
    parts.push(`时间节点：${steps.join('，')}`);
  }
  return parts.length ? withPlanPath(paragraphBlock(`（${parts.join('；')}）`), [...path, 'taskInfo']) : undefined;
}

/** PL-11: "2026-06-30" → "2026年6月30日"; words ("2026年6月底前") stay as written. */
export function chineseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

// ---- text -------------------------------------------------------------------

export function preparedBlocks(text: Text | undefined, path: DataPath, ctx: SectionContext): PreparedBlock[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [{ paragraph: ctx.prepareText(text, path), at: path }];
  return text.map((block, i): PreparedBlock => {
    const at = [...path, i];
    if (typeof block === 'string') return { paragraph: ctx.prepareText(block, at), at };
    if ('list' in block) return { list: block.list.map((item, j) => ctx.prepareText(item, [...at, 'list', j])), at };
    const plain = (value: string, cellPath: DataPath) => preparePlain(value, cellPath, ctx.problems);
    if ('center' in block) return { center: plain(block.center, [...at, 'center']), at };
    return { table: prepareTable(block.table, [...at, 'table'], ctx.prepareText, plain), at };
  });
}

export function textBlock(block: PreparedBlock): Block[] {
  const at = block.at;
  if ('paragraph' in block) return [at ? withPlanPath(paragraphBlock(block.paragraph), at) : paragraphBlock(block.paragraph)];
  if ('list' in block) return [listBlock(block.list, at && ((j) => [...at, 'list', j]))];
  // a centred line has no field of its own in the anchor names: apply reports its edits
  if ('center' in block) return [centredBlock(block.center)];
  return tableNodes(block.table);
}

export function textBlocks(text: Text | undefined, path: DataPath, ctx: SectionContext): Block[] {
  return preparedBlocks(text, path, ctx).flatMap(textBlock);
}

// ---- attachments and front matter -----------------------------------------

/** Attachments from `written` on are derived tables (src/tables): not in the YAML, so without anchors. */
function attachmentPages(attachments: readonly Attachment[], written: number, ctx: SectionContext): AttachmentPageView[] {
  const numbered = attachments.length > 1;
  return attachments.flatMap((attachment, i) => {
    if (attachment.text === undefined) return [];
    const path: DataPath = ['attachments', i];
    const title = headingBlock(1, preparePlain(attachment.title, [...path, 'title'], ctx.problems));
    const body = preparedBlocks(attachment.text, [...path, 'text'], ctx);
    return [{
      rule: thematicBreakBlock(),
      label: paragraphBlock(numbered ? `附件${i + 1}` : '附件'),
      title: i < written ? withPlanPath(title, [...path, 'title']) : title,
      body: (i < written ? body : body.map(({ at: _derived, ...block }) => block as PreparedBlock)).flatMap(textBlock),
    }];
  });
}

const FURNITURE_KEYS = [
  'title', 'issuer', 'date', 'docNumber', 'recipients', 'attachments', 'note', 'copyTo',
  'printedBy', 'printedDate', 'header', 'sealed', 'publication',
] as const satisfies ReadonlyArray<keyof Furniture>;

/** The furniture as YAML front matter (docs/markdown-convention.md). */
function frontMatter(plan: Plan, ctx: SectionContext): FrontMatter {
  const furniture: Record<string, unknown> = {};
  for (const key of FURNITURE_KEYS) {
    const value = plan[key];
    if (value === undefined) continue;
    furniture[key] = key === 'attachments' ? plan.attachments!.map((a) => ({ title: a.title })) : value;
  }
  const cleaned = cleanStrings(furniture, [], ctx) as Record<string, unknown>;
  return { data: cleaned, yaml: { lineWidth: 0, blockQuote: false, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } };
}

function cleanStrings(value: unknown, path: DataPath, ctx: SectionContext): unknown {
  if (typeof value === 'string') return preparePlain(value, path, ctx.problems);
  if (Array.isArray(value)) return value.map((item, i) => cleanStrings(item, [...path, i], ctx));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, [...path, k], ctx)]));
  }
  return value;
}
