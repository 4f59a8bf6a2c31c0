// The standard body of a summary: 一、主要工作及成效, 二、存在的问题, 三、下半年工作计划
// (明年工作打算, 下步工作打算). The writer's own text comes first in each part;
// what the data adds follows, each paragraph switchable or replaceable through
// `auto` in the progress file.
import { blockStrings, type Block as PlanBlock, type Section, type Text } from '../model/plan.js';
import type { AutoPart, AutoText, NarrativeSection, Progress } from '../model/progress.js';
import { chineseNumeral } from '../derive/numbering.js';
import type { SummaryContext } from './context.js';
import { citationsIn, resolveCitations } from './cite.js';
import { metricFact, weaveFacts, type Fact } from './facts.js';
import { namesThing, shortTitle, startsWithVerb } from './phrases.js';
import { endSentence, stripFinalMark } from './sentences.js';
import { nextStepItems, problemItems, type Coverage, type Item } from './shortfalls.js';

/** At most this many items in one 一是……六是 enumeration; more are grouped by section. */
export const MAX_ENUMERATION = 6;

type Block = PlanBlock;

export function standardParts(context: SummaryContext): NarrativeSection[] {
  const parts: NarrativeSection[] = [
    { title: '主要工作及成效', children: achievementSections(context) },
    { title: '存在的问题', text: problemBlocks(context) },
    { title: nextPeriodTitle(context.progress), children: nextStepSections(context) },
  ];
  return parts.filter((part) => part.children?.length || (Array.isArray(part.text) && part.text.length));
}

/** The part after 二、存在的问题: what the next period is called. */
export function nextPeriodTitle(progress: Progress): string {
  const { period } = progress;
  if (period.kind === 'half' && period.half !== 2) return '下半年工作计划';
  if (period.kind === 'year' || period.kind === 'half') return '明年工作打算';
  return '下步工作打算';
}

// ---- auto: the writer's switches ------------------------------------------------

type Auto = { mode: 'generate' } | { mode: 'off' } | { mode: 'replace'; text: Text };

function isSectionMap(part: AutoPart | undefined): part is Record<string, AutoText> {
  return typeof part === 'object' && part !== null && !Array.isArray(part);
}

function autoOf(value: AutoText | undefined): Auto {
  if (value === undefined || value === true) return { mode: 'generate' };
  if (value === false) return { mode: 'off' };
  return { mode: 'replace', text: value };
}

/** The switch for a whole part, or for one section of it. */
export function autoFor(part: AutoPart | undefined, group?: string): Auto {
  if (isSectionMap(part)) return group === undefined ? { mode: 'generate' } : autoOf(part[group]);
  return autoOf(part);
}

// ---- grouping by plan section ----------------------------------------------------

/** The level-2 plan section (child of a level-1 section) that a section id belongs to. */
export function groupAnchor(sectionId: string | undefined, context: SummaryContext): Section | undefined {
  const entry = sectionId ? context.sections.get(sectionId) : undefined;
  if (!entry) return undefined;
  const chain = [...entry.ancestors, entry.section];
  return chain[1] ?? chain[0];
}

function groupOf(context: SummaryContext): (id: string | undefined) => string | undefined {
  return (id) => groupAnchor(id, context)?.id;
}

function groupTitle(id: string | undefined, context: SummaryContext): string | undefined {
  return id === undefined ? undefined : context.sections.get(id)?.section.title;
}

/** Level-2 group ids in plan order. */
function groupOrder(context: SummaryContext): string[] {
  const order: string[] = [];
  for (const id of context.sections.keys()) {
    const group = groupAnchor(id, context)?.id;
    if (group && !order.includes(group)) order.push(group);
  }
  return order;
}

// ---- 一、主要工作及成效 ---------------------------------------------------------------

interface Group {
  id?: string;
  title: string;
  highlights: NarrativeSection[];
  progress: string[];
  facts: Fact[];
}

const ON_COURSE: ReadonlySet<string> = new Set(['完成', '正常推进']);

function achievementSections(context: SummaryContext): NarrativeSection[] {
  const groups = new Map<string, Group>();
  const loose: NarrativeSection[] = [];
  const groupFor = (sectionId: string | undefined): Group | undefined => {
    const anchor = groupAnchor(sectionId, context);
    if (!anchor?.id) return undefined;
    let group = groups.get(anchor.id);
    if (!group) groups.set(anchor.id, (group = { id: anchor.id, title: anchor.title ?? '', highlights: [], progress: [], facts: [] }));
    return group;
  };
  for (const id of groupOrder(context)) groupFor(id);
  for (const highlight of context.progress.highlights ?? []) {
    const group = groupFor(highlight.section);
    if (group) group.highlights.push(highlight);
    else loose.push(highlight);
  }
  for (const task of context.progress.tasks ?? []) {
    if (task.progress && ON_COURSE.has(task.status)) groupFor(task.task)?.progress.push(task.progress);
  }
  const auto = context.progress.auto?.achievements;
  const generate = autoFor(auto).mode === 'generate';
  const looseFacts: NarrativeSection[] = [];
  for (const metric of context.metrics.values()) {
    const fact = metricFact(metric, context);
    if (!fact) continue;
    const group = groupFor(metric.task);
    if (group) group.facts.push(fact);
    else if (generate) {
      const text = weaveFacts([fact], { writerText: '', cited: new Set(), adverb: '' });
      if (text) looseFacts.push({ title: metric.name, runIn: true, text });
    }
  }
  const built = [...groups.values()].flatMap((group) => achievementSection(group, context));
  const whole = autoFor(auto);
  const replacement = whole.mode === 'replace' ? [{ title: '主要指标完成情况', runIn: '。' as const, text: whole.text }] : [];
  return [...built, ...loose, ...looseFacts, ...replacement];
}

function achievementSection(group: Group, context: SummaryContext): NarrativeSection[] {
  const plain = group.highlights.filter((h) => !h.title && !h.children);
  const titled = group.highlights.filter((h) => h.title || h.children);
  const writerBlocks: Block[] = [...plain.flatMap((h) => asBlocks(h.text)), ...group.progress.map(endSentence)];
  const generated = generatedFigures(group, writerBlocks, context);
  const text = mergeParagraphs([...writerBlocks, ...generated]);
  if (!text.length && !titled.length) return [];
  return [{ id: group.id, title: group.title, runIn: '。', text, children: titled.length ? titled : undefined }];
}

function generatedFigures(group: Group, writer: readonly Block[], context: SummaryContext): Block[] {
  const auto = autoFor(context.progress.auto?.achievements, group.id);
  const whole = autoFor(context.progress.auto?.achievements);
  if (auto.mode === 'off' || whole.mode !== 'generate') return [];
  if (auto.mode === 'replace') return asBlocks(auto.text);
  const coverage = coverageOf(writer, context);
  const text = weaveFacts(group.facts, { writerText: coverage.text, cited: coverage.cited, adverb: periodAdverb(context) });
  return text ? [text] : [];
}

function periodAdverb(context: SummaryContext): string {
  const { period } = context.progress;
  if (period.kind === 'half') return period.half === 2 ? '全年' : '上半年';
  return period.kind === 'year' ? '全年' : '';
}

/** Consecutive sentences make one paragraph: a section's narrative reads as one. */
function mergeParagraphs(blocks: readonly Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (typeof block === 'string' && typeof last === 'string') merged[merged.length - 1] = `${endSentence(last)}${endSentence(block)}`;
    else merged.push(typeof block === 'string' ? endSentence(block) : block);
  }
  return merged;
}

// ---- 二、存在的问题 -----------------------------------------------------------------

function problemBlocks(context: SummaryContext): Block[] {
  const written = asBlocks(context.progress.problems);
  const auto = context.progress.auto?.problems;
  const whole = autoFor(auto);
  if (whole.mode === 'off') return written;
  if (whole.mode === 'replace') return [...written, ...asBlocks(whole.text)];
  const items = problemItems(context, coverageOf(written, context), groupOf(context));
  const { kept, replacements } = applySectionSwitches(items, auto);
  return [...written, ...problemLayout(kept, written, context), ...replacements];
}

const ORDINAL_START = /^([一二三四五六七八九十]+)是/;

function problemLayout(items: readonly Item[], written: readonly Block[], context: SummaryContext): Block[] {
  if (!items.length) return [];
  const numbered = written.filter((b): b is string => typeof b === 'string' && ORDINAL_START.test(b.trim())).length;
  // the writer numbered their problems 一是、二是: the computed ones continue the count
  if (numbered && numbered + items.length <= MAX_ENUMERATION + 1) {
    return items.map((item, i) => `${chineseNumeral(numbered + i + 1)}是${endSentence(item.text)}`);
  }
  const lead = written.length ? '此外，对照年度目标，还有一些指标和任务进展不够理想' : '对照年度目标，部分指标和任务进展不够理想';
  if (items.length <= MAX_ENUMERATION) return [`${lead}：${enumerate(items.map((i) => i.text))}`];
  return groupedParagraphs(items, context).map(({ title, texts }) => `${title ? `在${shortTitle(title)}方面，` : ''}${joinSentence(texts)}`);
}

// ---- 三、下半年工作计划 -------------------------------------------------------------

function nextStepSections(context: SummaryContext): NarrativeSection[] {
  const written = context.progress.nextSteps ?? [];
  const auto = context.progress.auto?.nextSteps;
  const whole = autoFor(auto);
  if (whole.mode === 'off') return written;
  const half = context.progress.period.kind === 'half' && context.progress.period.half !== 2;
  const title = half ? '全力完成年度目标任务' : '抓好未完成任务的推进落实';
  if (whole.mode === 'replace') return [...written, { title, runIn: '。', text: whole.text }];
  const items = nextStepItems(context, coverageOf(written.flatMap(narrativeBlocks), context), groupOf(context));
  const { kept, replacements } = applySectionSwitches(items, auto);
  const extra = replacements.length ? [{ title: '其他工作', runIn: '。' as const, text: replacements }] : [];
  if (!kept.length) return [...written, ...extra];
  if (kept.length <= MAX_ENUMERATION) return [...written, { title, runIn: '。', text: enumerate(kept.map((i) => i.text)) }, ...extra];
  const sections = new Map<string, { group?: string; blocks: Block[] }>();
  for (const { title: group, texts } of groupedParagraphs(kept, context)) {
    const heading = actionTitle(group);
    const section = sections.get(heading) ?? { group, blocks: [] };
    // a section's first enumeration counts 一是……; a further chunk of the same section is one more sentence
    section.blocks.push(section.blocks.length ? `同时，${joinSentence(texts)}` : texts.length > 1 ? enumerate(texts) : endSentence(texts[0]!));
    sections.set(heading, section);
  }
  const hosts = written.map((w) => ({ ...w }));
  const separate: NarrativeSection[] = [];
  for (const [title, { group, blocks }] of sections) {
    // the writer already has a section on this plan section (“做强茶叶产业”): the remaining work goes there
    const host = group === undefined ? undefined : hosts.find((w) => w.title && namesThing(w.title, shortTitle(group)));
    if (host) host.text = [...asBlocks(host.text), ...mergeParagraphs(blocks)];
    else separate.push({ title, runIn: '。', text: mergeParagraphs(blocks) });
  }
  return [...hosts, ...separate, ...extra];
}

/** A plan section's title as a heading of work to do: "工作目标" → "聚焦年度目标补短板". */
function actionTitle(title: string | undefined): string {
  if (title === undefined) return '其他工作';
  if (startsWithVerb(title)) return title;
  if (/目标$/.test(title)) return '聚焦年度目标补短板';
  return `抓好${shortTitle(title)}工作`;
}

// ---- shared -------------------------------------------------------------------------

/** Items grouped by plan section (in plan order), each group at most MAX_ENUMERATION items. */
function groupedParagraphs(items: readonly Item[], context: SummaryContext): Array<{ title?: string; texts: string[] }> {
  const order = groupOrder(context);
  const keys = [...new Set(items.map((i) => i.group))].sort((a, b) => rank(a, order) - rank(b, order));
  return keys.flatMap((key) => {
    const texts = items.filter((i) => i.group === key).map((i) => i.text);
    const chunks: string[][] = [];
    for (let i = 0; i < texts.length; i += MAX_ENUMERATION) chunks.push(texts.slice(i, i + MAX_ENUMERATION));
    return chunks.map((chunk) => ({ title: groupTitle(key, context), texts: chunk }));
  });
}

function rank(key: string | undefined, order: readonly string[]): number {
  const index = key === undefined ? -1 : order.indexOf(key);
  return index < 0 ? order.length : index;
}

/** Drops items of sections switched off; replacement texts are returned apart. */
function applySectionSwitches(items: readonly Item[], part: AutoPart | undefined): { kept: Item[]; replacements: Block[] } {
  if (!isSectionMap(part)) return { kept: [...items], replacements: [] };
  const kept = items.filter((item) => autoFor(part, item.group).mode === 'generate');
  const replacements = Object.values(part).flatMap((value) => (value === true || value === false ? [] : asBlocks(value)));
  return { kept, replacements };
}

function coverageOf(blocks: readonly Block[], context: SummaryContext): Coverage {
  const raw = blocks.flatMap(blockStrings).join('\n');
  const cited = new Set(citationsIn(raw).map((reference) => reference.split('.')[0]!));
  return { text: resolveCitations(raw, context), cited };
}

function narrativeBlocks(node: NarrativeSection): Block[] {
  return [...(node.title ? [node.title] : []), ...asBlocks(node.text), ...asBlocks(node.closing), ...(node.children ?? []).flatMap(narrativeBlocks)];
}

/** "一是……；二是……。" */
export function enumerate(phrases: readonly string[]): string {
  return `${phrases.map((p, i) => `${chineseNumeral(i + 1)}是${stripFinalMark(p)}`).join('；')}。`;
}

function joinSentence(phrases: readonly string[]): string {
  return `${phrases.map(stripFinalMark).join('；')}。`;
}

function asBlocks(text: Text | undefined): Block[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : [...text];
}
