// plandoc import: an existing document (.txt, .md, .docx) → a plan YAML with
// comments where the importer guessed. Pure from blocks to YAML text; only
// importFile reads the disk.
import { extname } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode, type YAMLSeq } from 'yaml';
import { excessiveNesting } from '../load/depth.js';
import type { NumberForm } from '../model/plan.js';
import type { Attachment, BasisDocument, Block, Furniture, Metric, Plan, PlanKind, Publication, Section, Text } from '../model/plan.js';
import { fixText } from '../lint/rules.js';
import { lintPlanSource } from '../lint/index.js';
import { textToBlocks, type InputBlock } from './blocks.js';
import type { Recovery } from './paragraphs.js';
import { docxToBlocks } from './docx.js';
import { convertToDocx, pdfToText } from './convert.js';
import { ImportError } from './errors.js';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES, readImportInput } from './read.js';
import { dropDebris, takeAttachmentPages, takeAttachments, takePublication, takeSignature, takeTitle, type AttachmentPage, type ImportNote } from './furniture.js';
import { takeNotice, type Notice } from './notice.js';
import { findFigures, findMetricCandidates, guessMetricName } from './metrics.js';
import { documentKind, PLAN_PART, periodEnd, periodOf, REVIEW_PART, toProgress, trackedMetric, planPartTitle, type DocumentKind } from './summary.js';
import type { MetricValue, Period, Progress, TrackedMetric } from '../model/progress.js';
import { levelOfForm } from '../derive/numbering.js';
import { buildBody, RANK_FORMS, type TreeNode } from './structure.js';
import { importTable, isCaption, type ImportedTable } from './tables.js';
import { applyTaskTables } from './assignments.js';

export type { ImportNote } from './furniture.js';
export { DocxReadError } from './docx.js';
export { ImportError } from './errors.js';

export interface ImportOutcome {
  /** the document as a plan; for a summary, the plan-shaped reading its progress file is made from */
  plan: Plan;
  /** the file to write: a plan, or for a summary a progress file */
  yaml: string;
  notes: ImportNote[];
  /** set when the document is a summary */
  summary?: {
    progress: Progress;
    /** a combined 总结及计划: the summary part alone and its plan part as a plan (written with --split) */
    split?: { progress: Progress; yaml: string; plan: Plan; planYaml: string };
  };
}

type Path = Array<string | number>;

/** What the figures of a text are: targets (a plan), achievements (a summary, a plan's review part), or left as typed. */
type FigureMode = 'targets' | 'values' | 'none';

interface Context {
  metrics: Metric[];
  /** achievements of a summary, cited as [[id.value]] */
  tracked: TrackedMetric[];
  values: MetricValue[];
  valueDate: string;
  mode: FigureMode;
  comments: Array<{ path: Path; text: string }>;
  /** where each imported section landed in the YAML, for comments found later */
  paths: Map<TreeNode, Path>;
}

export const PROGRESS_SCHEMA_LINE = '# yaml-language-server: $schema=../schema/progress.schema.json';
export const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/plan.schema.json';
const KINDS: PlanKind[] = ['实施方案', '工作方案', '工作要点', '工作计划'];

/** About 240 pages of GB/T 9704 text (22 lines of 28 characters a page): no plan or summary is longer. */
export const MAX_IMPORT_CHARACTERS = 150_000;

export interface ImportOptions {
  /** a 印发通知: the notice itself is the document, the issued document its attachment */
  keepNotice?: boolean;
}

export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const ext = extname(path).toLowerCase();
  const bytes = await readImportInput(path, TEXT_FORMATS.has(ext) ? MAX_TEXT_BYTES : MAX_DOCUMENT_BYTES);
  if (ext === '.docx') return importDocx(bytes, options);
  if (CONVERTED_FORMATS.has(ext)) return importDocx(await convertToDocx(bytes, ext, path), options);
  if (ext === '.pdf') return importText(await pdfToText(bytes, path), path, options);
  const { text, encoding } = decodeText(bytes);
  refuseBinary(bytes, text, path);
  refuseTooLong(text);
  const outcome = importText(text, path, options);
  if (encoding !== 'utf-8') outcome.notes.unshift({ line: 0, kind: 'guess', message: `文件不是 UTF-8 编码，已按 ${encoding.toUpperCase()} 编码读取` });
  return outcome;
}

const TEXT_FORMATS = new Set(['.txt', '.md', '.markdown']);
const CONVERTED_FORMATS = new Set(['.doc', '.wps', '.rtf']);

async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
  const blocks = await docxToBlocks(bytes);
  refuseTooLong(blocks.map((b) => (b.kind === 'para' ? b.text : b.rows.flat().join(''))).join(''));
  return importBlocks(blocks, {}, options);
}

function refuseTooLong(text: string): void {
  const characters = text.replace(/\s/g, '').length;
  if (characters <= MAX_IMPORT_CHARACTERS) return;
  const pages = Math.round(characters / 616);
  throw new ImportError(`文档有 ${Math.round(characters / 10000)} 万字（约 ${pages} 页），超过了导入上限 ${MAX_IMPORT_CHARACTERS / 10000} 万字。工作计划和总结通常不超过几十页：如果这是汇编或合订本，请把其中的一份计划或总结单独存成文件再导入`);
}

const MAGIC: Array<[string, string]> = [['%PDF', 'PDF'], ['PK\x03\x04', 'Word（.docx）或其他压缩'], ['\xd0\xcf\x11\xe0', 'Word 97-2003（.doc）或 WPS'], ['{\\rtf', 'RTF']];

/** A Word or PDF file renamed to .txt, or any binary data: say what it is instead of importing garbage. */
function refuseBinary(bytes: Uint8Array, text: string, path: string): void {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const known = MAGIC.find(([magic]) => head.startsWith(magic));
  if (known) throw new ImportError(`这个文件其实是 ${known[1]} 文件，只是扩展名写成了 ${extname(path)}。请把扩展名改回原来的格式再导入`);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const junk = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if ((!utf16 && bytes.includes(0)) || junk > Math.max(3, text.length / 200)) {
    throw new ImportError(`这不是文本文件（里面是二进制数据），不能导入。请给出计划或总结的 .txt、.md、.docx 文件`);
  }
}

/** Old .txt files from Windows offices are often GBK (GB18030) or UTF-16; read them too. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export function importText(text: string, file: string, options: ImportOptions = {}): ImportOutcome {
  const markdown = /\.(md|markdown)$/i.test(file);
  if (!markdown) {
    const recovery: Recovery = { flattened: 0, debris: 0, joined: 0 };
    const blocks = textToBlocks(text, { markdown, recovery });
    const notes = recoveryNotes(recovery);
    const outcome = importBlocks(blocks, {}, options);
    outcome.notes.unshift(...notes);
    return outcome;
  }
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  // furniture is a few flat keys; front matter nested past the limit is left out, not parsed
  const furniture = front && excessiveNesting(front[1]!) === undefined ? (parseDocument(front[1]!).toJS() as Partial<Furniture & Pick<Plan, 'year'>> | null) ?? {} : {};
  const lineOffset = front ? front[0].split('\n').length - 1 : 0;
  const blocks = textToBlocks(front ? text.slice(front[0].length) : text, { markdown }).map((b) => ({ ...b, line: b.line + lineOffset }));
  return importBlocks(blocks, furniture, options);
}

function recoveryNotes(recovery: Recovery): ImportNote[] {
  const notes: ImportNote[] = [];
  if (recovery.flattened) notes.push({ line: 0, kind: 'guess', message: `原文有 ${recovery.flattened} 行是连成一行的网页文字，已按空格和句末的编号拆回段落` });
  if (recovery.debris) notes.push({ line: 0, kind: 'found', message: `删去页码等分页残留 ${recovery.debris} 行` });
  if (recovery.joined) notes.push({ line: 0, kind: 'guess', message: `原文按页宽折行，已把 ${recovery.joined} 处折行接回段落` });
  return notes;
}

/** Typed "[[" is text, not a citation: the plan format escapes it as "\\[[". */
const escapeCitations = (text: string) => text.replace(/(?<!\\)\[\[/g, '\\[[');
const normalise = (text: string) => escapeCitations(fixText(text, 'prose'));

interface FrontMatter {
  title: string;
  titleFromMetadata: boolean;
  furniture: Partial<Furniture>;
  publication?: Publication;
  dateForYear?: string;
  blocks: InputBlock[];
  notice?: Notice;
}

const FURNITURE_KEYS = ['issuer', 'date', 'docNumber', 'recipients', 'attachments', 'note', 'copyTo', 'printedBy', 'printedDate', 'header', 'sealed'] as const;

/** Everything outside the body: debris, 政务公开, title, 署名/成文日期, 附件, 主送机关. */
function readFront(input: InputBlock[], typed: Partial<Furniture>, notes: ImportNote[]): FrontMatter {
  const debris = dropDebris(input);
  if (debris.dropped) notes.push({ line: 0, kind: 'found', message: `删去网页或 Word 残留 ${debris.dropped} 行（来源行、空表格、书签、“扫一扫”等）` });
  const meta = takePublication(debris.blocks);
  const publicationCount = Object.keys(meta.found.publication).length;
  if (publicationCount) notes.push({ line: meta.found.lines[0] ?? 0, kind: 'found', message: `政务公开信息 ${publicationCount} 项（放在 publication 里，不印在正文中）` });
  const titled = typed.title ? { title: typed.title, blocks: withoutTitleHeading(meta.blocks, typed.title) } : takeTitle(meta.blocks, meta.found.title, notes);
  const { notice, blocks: wrapped } = takeNotice(titled.title ?? '', titled.blocks, notes);
  if (notice) Object.assign(titled, { title: notice.title, blocks: wrapped });
  const paged = takeAttachmentPages(titled.blocks, notes);
  const signed = takeSignature(paged.blocks, notes);
  const attached = takeAttachments(signed.blocks, notes);
  const attachments = mergeAttachments(attached.attachments, paged.pages, notes);
  const addressed = takeRecipients(attached.blocks, notes);
  const found: Partial<Furniture> = {
    ...(signed.issuer ? { issuer: signed.issuer } : {}),
    ...((signed.date ?? meta.found.date) ? { date: signed.date ?? meta.found.date } : {}),
    ...(meta.found.docNumber ? { docNumber: meta.found.docNumber } : {}),
    ...(addressed.recipients ? { recipients: addressed.recipients } : {}),
    ...(attachments.length ? { attachments } : {}),
    // the issuing notice's furniture is the document's: it is what was signed and sent
    ...(notice ? noticeFurniture(notice) : {}),
  };
  const furniture: Partial<Furniture> = { ...found };
  for (const key of FURNITURE_KEYS) if (typed[key] !== undefined) Object.assign(furniture, { [key]: typed[key] });
  return {
    title: typed.title ?? (titled.title ? fixText(titled.title, 'title') : '（请填写标题）'),
    titleFromMetadata: 'fromMetadata' in titled && titled.fromMetadata === true,
    furniture,
    ...(publicationCount || typed.publication ? { publication: { ...meta.found.publication, ...typed.publication } } : {}),
    dateForYear: furniture.date ?? meta.found.date,
    blocks: addressed.blocks,
    ...(notice ? { notice } : {}),
  };
}

/**
 * --keep-notice: the 印发通知 is the document. Its own sentences are the body,
 * its furniture the plan's, and the issued document its attachment, paragraph
 * by paragraph (headings keep their typed numbers) and table by table.
 */
function noticeOutcome(input: InputBlock[], typed: Partial<Furniture & Pick<Plan, 'year'>>, notes: ImportNote[]): ImportOutcome {
  const meta = takePublication(dropDebris(input).blocks);
  const titled = typed.title ? { title: typed.title, blocks: withoutTitleHeading(meta.blocks, typed.title) } : takeTitle(meta.blocks, meta.found.title, notes);
  const { notice, blocks: wrapped } = takeNotice(titled.title ?? '', titled.blocks, notes);
  if (!notice || !notice.text.length) {
    throw new ImportError(notice ? '这份印发通知只有文号、主送、署名等，没有通知的正文，不能作正文；去掉 --keep-notice，把所印发的文件作正文导入' : '--keep-notice 只用于“关于印发《……》的通知”这样印发文件的通知，这份文件的标题不是，没有写出文件');
  }
  const title = fixText(titled.title!, 'title');
  const furniture = noticeFurniture(notice);
  for (const key of FURNITURE_KEYS) if (typed[key] !== undefined) Object.assign(furniture, { [key]: typed[key] });
  const plan: Plan = {
    title,
    year: (Number(typed.year) || undefined) ?? guessYear(title, furniture.date) ?? guessYear(notice.title, undefined) ?? new Date().getFullYear(),
    ...furniture,
    ...(Object.keys(meta.found.publication).length ? { publication: meta.found.publication } : {}),
    // the notice's own words, printed as its body: a paragraph without a heading number
    sections: [{ id: 's1', marker: '不编号', text: simplify(notice.text.map(normalise)) }],
    attachments: [{ title: fixText(notice.title, 'title'), text: simplify(attachmentText(wrapped, notes)) }],
  };
  notes.push({ line: 0, kind: 'found', message: `按 --keep-notice 导入：通知本身作正文（${notice.text.length} 段），《${notice.title}》作附件（${wrapped.length} 段/表），附件里的标题照原文编号排成段落` });
  const comments = [{ path: ['sections', 0] as Path, text: '导入时推测：这是印发通知本身的正文，不加序号' }, { path: ['attachments', 0] as Path, text: `导入时推测：所印发的《${notice.title}》作附件，原文的各级标题连同编号排成段落` }];
  const yaml = emitYaml(plan, comments);
  notes.push(...remainingConventionProblems(yaml));
  return { plan, yaml, notes };
}

function noticeFurniture(notice: Notice): Partial<Furniture> {
  return {
    ...(notice.issuer ? { issuer: notice.issuer } : {}),
    ...(notice.date ? { date: notice.date } : {}),
    ...(notice.docNumber ? { docNumber: notice.docNumber } : {}),
    ...(notice.recipients ? { recipients: notice.recipients.map(normalise) } : {}),
    ...(notice.note ? { note: notice.note } : {}),
  };
}

/** 附件说明 names the attachments; the pages after the signature carry their content. */
function mergeAttachments(titles: string[], pages: AttachmentPage[], notes: ImportNote[]): Attachment[] {
  const count = Math.max(titles.length, pages.length);
  return Array.from({ length: count }, (_, i) => {
    const page = pages[i];
    const text = page ? attachmentText(page.blocks, notes) : [];
    return { title: fixText(titles[i] ?? page!.title, 'title'), ...(text.length ? { text: simplify(text) } : {}) };
  });
}

/** An attachment page's paragraphs and tables; a short line right above a table is its caption. */
function attachmentText(blocks: InputBlock[], notes: ImportNote[]): Block[] {
  const text: Block[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === 'para') {
      text.push(normalise(block.text));
      return;
    }
    const before = blocks[i - 1];
    const last = text[text.length - 1];
    const caption = before?.kind === 'para' && typeof last === 'string' && isCaption(last) ? (text.pop() as string) : undefined;
    text.push(...importTable(block, caption, normalise, notes).blocks);
  });
  return text;
}

export function importBlocks(input: InputBlock[], typed: Partial<Furniture & Pick<Plan, 'year'>> = {}, options: ImportOptions = {}): ImportOutcome {
  const notes: ImportNote[] = [];
  if (options.keepNotice) return noticeOutcome(input, typed, notes);
  const front = readFront(input, typed, notes);
  refuseSpeech(front.title, front.blocks);
  const body = buildBody(front.blocks, normalise, notes, front.title);
  if (!body.roots.length) throw new ImportError(noStructureMessage(front.title));
  const year = (Number(typed.year) || undefined) ?? guessYear(front.title, front.dateForYear);
  const kind = documentKind(front.title);
  // a summary reports on tasks; only a plan assigns them
  if (kind === 'plan') applyTaskTables(body.tables, body.roots, notes);
  noteTables(body.tables.map((t) => t.table), notes);
  const period = periodOf(front.title, year ?? new Date().getFullYear(), body.opening.filter((b) => typeof b === 'string').join(''));
  const summary = kind !== 'plan';
  const ctx: Context = { metrics: [], tracked: [], values: [], valueDate: periodEnd(period), mode: summary ? 'values' : 'targets', comments: [], paths: new Map() };
  const basis: BasisDocument[] = [];
  const goals = goalSectionId(body.roots);
  const centred = centredLines(body.opening);
  const opening = body.opening.map((block, i) => (i < centred ? block : citeFigures(typeof block === 'string' && !summary ? citeBasis(block, basis) : block, goals, ctx)));
  if (centred) {
    opening.splice(0, centred, ...opening.slice(0, centred).map((line) => ({ center: line as string })));
    ctx.comments.push({ path: ['opening'], text: '导入时推测：开头的题注和报告人原文居中排印，写成 center（居中行）' });
  }
  const sections = body.roots.map((node, i) => {
    const title = node.section.title ?? '';
    ctx.mode = summary ? (PLAN_PART.test(title) ? 'targets' : 'values') : REVIEW_PART.test(title) ? 'none' : 'targets';
    return toSection(node, `s${i + 1}`, ['sections', i], ctx);
  });
  const runInMark = defaultRunInMark(sections);
  if (runInMark) sections.forEach((s) => useDefaultMark(s, runInMark));
  const start = body.start ? RANK_FORMS[body.start - 1] : undefined;
  const numbering = { ...(start ? { start } : {}), ...(body.level3 === 'continue' ? { level3: 'continue' as const } : {}), ...(runInMark ? { runInMark } : {}) };

  const plan: Plan = {
    title: front.title,
    ...(kindOf(front.title) ? { kind: kindOf(front.title) } : {}),
    year: year ?? new Date().getFullYear(),
    ...front.furniture,
    ...(front.publication ? { publication: front.publication } : {}),
    ...(Object.keys(numbering).length ? { numbering } : {}),
    ...(basis.length ? { basis } : {}),
    ...(opening.length ? { opening: simplify(opening) } : {}),
    sections,
    ...(ctx.metrics.length ? { metrics: ctx.metrics } : {}),
  };

  if (front.notice) ctx.comments.push({ path: ['title'], text: `导入时推测：原文是印发这份文件的通知，文号、主送、署名、成文日期和附注取自通知；通知正文没有放进来：\n${front.notice.text.map((t) => `  ${t}`).join('\n')}` });
  if (front.titleFromMetadata) ctx.comments.push({ path: ['title'], text: '导入时推测：正文前没有标题行，标题取自网页信息“名称”' });
  if (year === undefined) ctx.comments.push({ path: ['year'], text: '导入时推测：没有从标题或日期里找到年度，请核对' });
  if (start) ctx.comments.push({ path: ['numbering', 'start'], text: `导入时推测：原文正文没有“一、”一层，从“${start}”开始编号，按原文保留` });
  if (body.level3 === 'continue') ctx.comments.push({ path: ['numbering', 'level3'], text: '导入时推测：原文的三级编号（1. 2. …）跨二级标题连续编排' });
  summarise(plan, basis, body.roots, notes);
  if (summary) return summaryOutcome(plan, kind, period, ctx, notes);
  const yaml = emitYaml(plan, ctx.comments);
  notes.push(...remainingConventionProblems(yaml));
  return { plan, yaml, notes };
}

/** A summary's progress file; for a combined 总结及计划, also its two halves. */
function summaryOutcome(plan: Plan, kind: DocumentKind, period: Period, ctx: Context, notes: ImportNote[]): ImportOutcome {
  const metrics = [...ctx.metrics.map(trackedMetric), ...ctx.tracked].sort((a, b) => idNumber(a.id) - idNumber(b.id));
  const progress = toProgress({ plan, period, metrics, values: ctx.values });
  const yaml = emitProgressYaml(progress, ctx.comments);
  notes.push({ line: 0, kind: 'found', message: `这是一份${kind === 'combined' ? '总结及计划' : '工作总结'}：导入为进度文件（统计期间 ${describePeriod(period)}），文中的完成数记作完成值（values）${ctx.metrics.length ? `，计划部分的 ${ctx.metrics.length} 个数字记作目标` : ''}` });
  notes.push(...remainingConventionProblems(yaml));
  const split = kind === 'combined' ? splitCombined(plan, period, ctx) : undefined;
  if (kind === 'combined' && !split) notes.push({ line: 0, kind: 'warning', message: '标题是“总结及计划”，但正文里没有找到计划部分的一级标题（如“下半年工作计划”），不能分成两个文件' });
  return { plan, yaml, notes, summary: { progress, ...(split ? { split } : {}) } };
}

const idNumber = (id: string) => Number(id.slice(1));

function describePeriod(period: Period): string {
  if (period.kind === 'half') return `${period.year}年${period.half === 1 ? '上' : '下'}半年`;
  if (period.kind === 'quarter') return `${period.year}年第${period.quarter}季度`;
  if (period.kind === 'month') return `${period.year}年${period.month}月`;
  return `${period.year}年全年`;
}

/** Comments made for plan paths land on the same places of the progress file. */
function progressComments(comments: Array<{ path: Path; text: string }>): Array<{ path: Path; text: string }> {
  return comments
    .filter((c) => c.path[0] !== 'metrics' && c.path[0] !== 'year')
    .map((c) => ({ ...c, path: c.path[0] === 'sections' ? ['body', ...c.path.slice(1)] : c.path }));
}

function emitProgressYaml(progress: Progress, comments: Array<{ path: Path; text: string }>): string {
  return emitYaml(progress, progressComments(comments)).replace(SCHEMA_LINE, PROGRESS_SCHEMA_LINE);
}

/**
 * 总结及计划 → the summary (sections before the plan part) and a plan made of
 * the plan part's sections, numbered as the document numbers them.
 */
function splitCombined(plan: Plan, period: Period, ctx: Context): NonNullable<NonNullable<ImportOutcome['summary']>['split']> | undefined {
  const at = plan.sections.findIndex((s, i) => i > 0 && PLAN_PART.test(s.title ?? ''));
  if (at < 0) return undefined;
  const past = plan.sections.slice(0, at);
  const ahead = plan.sections.slice(at);
  const cites = (sections: Section[]) => new Set(JSON.stringify(sections).match(/m\d+/g) ?? []);
  const pastIds = cites(past);
  const tracked = [...ctx.metrics.map(trackedMetric), ...ctx.tracked].filter((m) => pastIds.has(m.id)).sort((a, b) => idNumber(a.id) - idNumber(b.id));
  const summaryTitle = plan.title.replace(/(?<=总结)(及|和|与|暨).*$/, '');
  const progress = { ...toProgress({ plan, period, metrics: tracked, values: ctx.values.filter((v) => pastIds.has(v.metric)) }, past), title: summaryTitle };
  const title = planPartTitle(plan.title);
  const only = ahead.length === 1 && ahead[0]!.children?.length ? ahead[0]! : undefined;
  const sections = only ? only.children! : ahead;
  const childForm = only ? (only.childNumbering ?? RANK_FORMS[levelOfForm(plan.numbering?.start) ?? 1]) : plan.numbering?.start;
  // "——" and "一是" heads have no number form a plan's top level could start with
  const topForm = levelOfForm(childForm) ? (childForm as NumberForm) : undefined;
  const ids = new Set(JSON.stringify(sections).match(/"id":"([^"]+)"/g)?.map((m) => m.slice(6, -1)) ?? []);
  const metrics = ctx.metrics.filter((m) => ids.has(m.task) || m.task === only?.id).map((m) => (ids.has(m.task) ? m : { ...m, task: sections[0]!.id! }));
  const planPart: Plan = {
    title,
    kind: '工作计划',
    year: guessYear(title, undefined) ?? plan.year,
    ...(plan.issuer ? { issuer: plan.issuer } : {}),
    ...(plan.date ? { date: plan.date } : {}),
    ...(topForm && topForm !== '一、' ? { numbering: { start: topForm } } : {}),
    ...(only?.text !== undefined ? { opening: only.text } : {}),
    sections,
    ...(metrics.length ? { metrics } : {}),
  };
  const comments = ctx.comments.filter((c) => c.path[0] === 'title');
  return { progress, yaml: emitProgressYaml(progress, comments), plan: planPart, planYaml: emitYaml(planPart, comments) };
}

/** "——在××镇第十八届人民代表大会第五次会议上" (题注) and "××镇人民政府镇长　李明" (报告人) under a report's title. */
const TITLE_NOTE = /^(——.{4,60}(会议|大会)上|[（(].{0,30}\d{4}年\d{1,2}月\d{1,2}日.{0,40}[）)])$/;
const SPEAKER = /^[\u4e00-\u9fa5（）]{0,24}(镇长|乡长|县长|区长|市长|主任|书记|主席)[\s\u3000]*[\u4e00-\u9fa5]{2,4}$/;

/** How many opening paragraphs are the centred 题注 and speaker lines of a report. */
function centredLines(opening: Block[]): number {
  const line = (i: number) => (typeof opening[i] === 'string' ? (opening[i] as string) : '');
  let count = 0;
  while (count < 3 && (TITLE_NOTE.test(line(count)) || (count > 0 && SPEAKER.test(line(count))))) count++;
  return count;
}

/** A 讲话稿 may well have 一、 headings, but it is not a plan: its sections are not tasks. */
function refuseSpeech(title: string, blocks: InputBlock[]): void {
  // 政府工作报告 open with "各位代表：" too, and are imported
  const salutation = !/报告|计划|方案|要点|总结/.test(title) && blocks.slice(0, 3).some((b) => b.kind === 'para' && /^(同志们|各位领导)[^。]{0,30}[：:]$/.test(b.text));
  if (!/(讲话|致辞|发言)(稿)?$|在.+上的(讲话|致辞|发言)/.test(title) && !salutation) return;
  throw new ImportError(`这是一篇讲话稿（${salutation ? '开头是称呼语' : `标题“${title}”`}），不是工作计划、方案或总结，不能导入。plandoc 导入的是工作计划、工作方案、实施方案、工作要点和工作总结`);
}

function noStructureMessage(title: string): string {
  if (/通知$/.test(title)) {
    return `这是一份通知（“${title}”），正文里没有“一、”“（一）”这样的工作任务，不能导成计划。如果通知后面附有计划或方案，请把计划或方案本身存成文件再导入`;
  }
  return '正文里没有找到任何标题（如“一、”“（一）”“1.”或 Word 标题样式），无法组成计划的章节，没有写出文件。请确认这是一份工作计划或总结；如果原文的标题没有编号，请在各标题前加上“一、”“二、”后再导入';
}

/** A Markdown file with front matter repeats its title as the first `#` heading. */
function withoutTitleHeading(blocks: InputBlock[], title: string): InputBlock[] {
  const first = blocks[0];
  return first?.kind === 'para' && (first.headingLevel === 0 || first.text === title) ? blocks.slice(1) : blocks;
}

function kindOf(title: string): PlanKind | undefined {
  return KINDS.find((k) => title.endsWith(k)) ?? KINDS.find((k) => title.includes(k));
}

function guessYear(title: string, date: string | undefined): number | undefined {
  const fromTitle = /(\d{4})年/.exec(title)?.[1];
  const fromDate = date ? /^(\d{4})/.exec(date)?.[1] : undefined;
  const year = fromTitle ?? fromDate;
  return year ? Number(year) : undefined;
}

function takeRecipients(blocks: InputBlock[], notes: ImportNote[]): { recipients?: string[]; blocks: InputBlock[] } {
  const first = blocks[0];
  if (first?.kind !== 'para' || !/^[^，。,]{2,40}[:：]$/.test(first.text) || /^[一二三四五六七八九十\d（(]/.test(first.text)) return { blocks };
  // 、 separates names within a group, ， the groups: keep each group whole so it prints as typed
  const recipients = normalise(first.text.slice(0, -1)).split(/[，,]/).filter(Boolean);
  // "现将有关情况报告如下：" introduces the body; 主送机关 are short organ names
  if (/如下|现将|报告|总结|通知|意见/.test(first.text) || recipients.some((r) => r.split('、').some((name) => name.length > 16))) return { blocks };
  notes.push({ line: first.line, kind: 'found', message: `主送机关：${recipients.join('，')}` });
  return { recipients, blocks: blocks.slice(1) };
}

const BASIS_CITATION = /《([^《》]+)》（([^（）]*?〔\d{4}〕\d+号)）/g;

function citeBasis(text: string, basis: BasisDocument[]): string {
  return text.replace(BASIS_CITATION, (_whole, title: string, number: string) => {
    const id = `b${basis.length + 1}`;
    basis.push({ id, title, number });
    return `[[${id}]]`;
  });
}

function simplify(blocks: Block[]): Text {
  return blocks.length === 1 && typeof blocks[0] === 'string' ? blocks[0] : blocks;
}

function toSection(node: TreeNode, id: string, path: Path, ctx: Context): Section {
  const section: Section = { id, ...node.section };
  ctx.paths.set(node, path);
  if (node.section.title) section.title = fixText(node.section.title, 'sectionTitle');
  const text = node.text.map((b) => citeFigures(b, id, ctx));
  if (text.length) section.text = simplify(text);
  if (node.children.length) section.children = node.children.map((child, i) => toSection(child, `${id}-${i + 1}`, [...path, 'children', i], ctx));
  const closing = node.closing.map((b) => citeFigures(b, id, ctx));
  if (closing.length) section.closing = simplify(closing);
  for (const text of node.comments) ctx.comments.push({ path, text });
  return section;
}

function citeFigures(block: Block, task: string, ctx: Context): Block {
  const cite = (text: string) => (ctx.mode === 'values' ? citeValues(text, ctx) : ctx.mode === 'targets' ? citeMetrics(text, task, ctx) : text);
  if (typeof block === 'string') return cite(block);
  return 'list' in block ? { list: block.list.map(cite) } : block;
}

/** The section a plan's opening targets belong to: its 目标 section, else the first. */
function goalSectionId(roots: TreeNode[]): string {
  const index = roots.findIndex((node) => /目标/.test(node.section.title ?? ''));
  return `s${Math.max(index, 0) + 1}`;
}

/** "过去一年…实现…", "2021年以来累计…": a sentence about what was done, whose figures are no targets. */
const PAST_SENTENCE = /以来|过去|去年|上年(?!度?规模)|累计|已经|共计|完成了|实现了|取得了|达到了/;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('；', start)) + 1;
  const stops = ['。', '；'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}

function citeMetrics(text: string, task: string, ctx: Context): string {
  const found = findMetricCandidates(text).filter((c) => !PAST_SENTENCE.test(sentenceAround(text, c.start, c.end)));
  const ids = found.map((candidate) => {
    const id = `m${ctx.metrics.length + ctx.tracked.length + 1}`;
    const metric: Metric = {
      id,
      name: candidate.name ?? guessMetricName(text, candidate.start, candidate.end, candidate.target),
      ...(candidate.unit ? { unit: candidate.unit } : {}),
      target: candidate.target,
      task,
    };
    ctx.comments.push({ path: ['metrics', ctx.metrics.length], text: `导入时推测：由原文“${candidate.phrase}”识别出的指标，名称取自上下文，请核对` });
    ctx.metrics.push(metric);
    return id;
  });
  let out = text;
  for (let i = found.length - 1; i >= 0; i--) out = `${out.slice(0, found[i]!.start)}[[${ids[i]}]]${out.slice(found[i]!.end)}`;
  return out;
}

/** A summary's achievements: every figure becomes a tracked value, cited as [[id.value]]. */
function citeValues(text: string, ctx: Context): string {
  const found = findFigures(text);
  let previous = '';
  const ids = found.map((figure) => {
    const id = `m${ctx.metrics.length + ctx.tracked.length + 1}`;
    const guessed = guessMetricName(text, figure.start, figure.end, { kind: 'exact', value: figure.value });
    // "地区生产总值12.6亿元，同比增长6.2%": the rate belongs to the figure before it
    const name = /^(同比|比上年)?(增长|下降|提高|减少)$/.test(guessed) && previous ? `${previous}${guessed}` : guessed;
    previous = name;
    ctx.tracked.push({ id, name, ...(figure.unit ? { unit: figure.unit } : {}) });
    ctx.values.push({ metric: id, value: figure.value, date: ctx.valueDate });
    return `${id}.value`;
  });
  let out = text;
  for (let i = found.length - 1; i >= 0; i--) out = `${out.slice(0, found[i]!.start)}[[${ids[i]}]]${out.slice(found[i]!.end)}`;
  return out;
}

function defaultRunInMark(sections: Section[]): '。' | '：' | undefined {
  const counts = { '。': 0, '：': 0 };
  const walk = (s: Section) => {
    if (s.runIn === '。' || s.runIn === '：') counts[s.runIn]++;
    s.children?.forEach(walk);
  };
  sections.forEach(walk);
  if (!counts['。'] && !counts['：']) return undefined;
  return counts['。'] >= counts['：'] ? '。' : '：';
}

function useDefaultMark(section: Section, mark: '。' | '：'): void {
  if (section.runIn === mark) section.runIn = true;
  section.children?.forEach((c) => useDefaultMark(c, mark));
}

function noteTables(tables: ImportedTable[], notes: ImportNote[]): void {
  const kept = tables.filter((t) => t.blocks.some((b) => typeof b === 'object' && 'table' in b));
  if (!kept.length) return;
  const cells = kept.reduce((n, t) => n + t.rows.length * t.titles.length, 0);
  notes.push({ line: kept[0]!.line, kind: 'found', message: `表格 ${kept.length} 个（${cells} 格），按原样放在所在章节的 table 里` });
}

function summarise(plan: Plan, basis: BasisDocument[], roots: TreeNode[], notes: ImportNote[]): void {
  const counts = [0, 0, 0, 0];
  const walk = (n: TreeNode) => {
    counts[n.rank - 1]!++;
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  const levels = ['一级', '二级', '三级', '四级'].map((name, i) => `${name}标题 ${counts[i]} 个`).join('，');
  notes.push({ line: 0, kind: 'found', message: `正文：${levels}` });
  if (plan.opening) notes.push({ line: 0, kind: 'found', message: `开头段 ${Array.isArray(plan.opening) ? plan.opening.length : 1} 段${basis.length ? `，引用上级文件 ${basis.length} 个（basis）` : ''}` });
  if (plan.metrics?.length) notes.push({ line: 0, kind: 'guess', message: `从正文里识别出指标 ${plan.metrics.length} 个（metrics），正文里的数字已换成引用 [[编号]]，请逐个核对名称和目标` });
}

/** What lint still finds after the safe fixes (e.g. "，。", an unmatched quote) needs a person. */
function remainingConventionProblems(yaml: string): ImportNote[] {
  return lintPlanSource(yaml, '').map((d) => {
    const line = yaml.split('\n')[d.line - 1] ?? '';
    const around = line.slice(Math.max(0, d.column - 9), d.column + 8).trim();
    return { line: 0, kind: 'warning' as const, message: `[${d.code}] ${d.message}（“…${around}…”），请人工改正` };
  });
}

function emitYaml(plan: Plan | Progress, comments: Array<{ path: Path; text: string }>): string {
  const doc = new Document(plan);
  flowTableRows(doc);
  for (const { path, text } of comments) attachComment(doc, path, text);
  return `${SCHEMA_LINE}\n${doc.toString({ lineWidth: 0 })}`;
}

/** A table row on one line ("- [1, 强化产业布局, 镇农业服务中心]"), as a writer would type it; plain column lists too. */
function flowTableRows(doc: Document): void {
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || !isSeq(pair.value)) return;
      if (pair.key.value === 'rows') pair.value.items.forEach((row) => isSeq(row) && flowRow(row));
      if (pair.key.value === 'columns' && pair.value.items.every(isScalar)) pair.value.flow = true;
    },
  });
}

/** One line per row; a cell with a line break is written "…\n…" so the row stays on its line. */
function flowRow(row: YAMLSeq): void {
  row.flow = true;
  for (const cell of row.items) if (isScalar(cell) && typeof cell.value === 'string' && cell.value.includes('\n')) cell.type = 'QUOTE_DOUBLE';
}

/** Puts a comment on the line above the key (map entries) or item (sequence entries) at `path`. */
function attachComment(doc: Document, path: Path, text: string): void {
  const last = path[path.length - 1];
  const comment = text.split('\n').map((line) => ` ${line}`).join('\n');
  let target: YamlNode | undefined;
  if (typeof last === 'string') {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key)) target = pair.key;
    }
  } else {
    target = doc.getIn(path, true) as YamlNode | undefined;
  }
  if (!target) return;
  target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${comment}` : comment;
}
