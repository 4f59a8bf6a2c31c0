// Semantic rules of a plan: what the schema cannot say. They run on whatever
// data the YAML holds (valid or not), so every rule guards its own types.
import type { Diagnostic, Severity } from './diagnostic.js';
import { closestMatch } from './words.js';
import { checkTable, tablesInText } from '../tables/rules.js';
import { checkTaskAssignments } from '../tables/assignments.js';
import { locate, locateWithin, makeDiagnostic } from './yaml.js';
import type { JsonPath, ParsedYaml, Position } from './yaml.js';

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const MAX_SECTION_DEPTH = 4;
/** Numbers beyond this lose precision as doubles; no plan figure is that large. */
export const MAX_PLAIN_NUMBER = 1e15;

export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly parsed: ParsedYaml) {}

  at(path: JsonPath, options: { key?: boolean; needle?: string } = {}): Position {
    return options.needle ? locateWithin(this.parsed, path, options.needle) : locate(this.parsed, path, options);
  }

  report(severity: Severity, path: JsonPath, code: string, message: string, hint?: string, options: { key?: boolean; needle?: string } = {}): void {
    this.diagnostics.push(makeDiagnostic(this.parsed, this.at(path, options), severity, code, message, hint));
  }

  error(path: JsonPath, code: string, message: string, hint?: string, options?: { key?: boolean; needle?: string }): void {
    this.report('error', path, code, message, hint, options);
  }

  warning(path: JsonPath, code: string, message: string, hint?: string, options?: { key?: boolean; needle?: string }): void {
    this.report('warning', path, code, message, hint, options);
  }
}

export function checkPlanRules(plan: unknown, ctx: RuleContext): void {
  if (!isData(plan)) return;
  const sections = collectSections(plan.sections);
  checkSections(sections, ctx);
  checkChildNumbering(plan, ctx);
  const ids = checkIds(plan, sections, ctx);
  checkMetrics(plan, ids, ctx);
  checkCitations(plan, ids, ctx);
  checkDates(plan, ctx);
  checkPlaceholders(plan, [], ctx);
  checkNumbers(plan, [], ctx);
  checkTables(plan, sections, ctx);
}

function checkTables(plan: Data, sections: SectionInfo[], ctx: RuleContext): void {
  const texts: Array<[unknown, JsonPath]> = [[plan.opening, ['opening']]];
  for (const { data, path } of sections) texts.push([data.text, [...path, 'text']], [data.closing, [...path, 'closing']]);
  list(plan.attachments).forEach((a, i) => isData(a) && texts.push([a.text, ['attachments', i, 'text']]));
  for (const [value, path] of texts) tablesInText(value, path).forEach((table) => checkTable(table, ctx));
  checkTaskAssignments(plan, ctx);
}

// ---------------------------------------------------------------- sections

interface SectionInfo {
  data: Data;
  path: JsonPath;
  level: number;
}

function collectSections(value: unknown, path: JsonPath = ['sections'], level = 1, into: SectionInfo[] = []): SectionInfo[] {
  list(value).forEach((item, index) => {
    if (!isData(item)) return;
    const itemPath = [...path, index];
    into.push({ data: item, path: itemPath, level });
    collectSections(item.children, [...itemPath, 'children'], level + 1, into);
  });
  return into;
}

const HEADING_NUMBER = /^\s*(?:[一二三四五六七八九十百]+\s*[、.．，,]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|\d+\s*[.．、，,](?!\d)|第[一二三四五六七八九十百\d]+(?:部分|[条章节部项]))/;

function checkSections(sections: SectionInfo[], ctx: RuleContext): void {
  for (const { data, path, level } of sections) {
    if (level === MAX_SECTION_DEPTH && list(data.children).length > 0) {
      ctx.error([...path, 'children'], 'section-too-deep', '章节最多四级（一、（一）1.（1）），这里的下级章节（children）是第五级',
        '把第五级的内容写进第四级的正文（text，可用 list 列表），或者调整章节结构。', { key: true });
    }
    const title = text(data.title);
    const number = title !== undefined ? HEADING_NUMBER.exec(title) : null;
    if (number) {
      ctx.error([...path, 'title'], 'heading-number', `标题里写了序号“${number[0].trim()}”`,
        `删掉“${number[0].trim()}”：序号由 plandoc 按层级自动生成（一、（一）1.（1）），调整顺序后会自动重排。`);
    }
    if (data.title === undefined && data.text === undefined) {
      ctx.error(path, 'section-empty', '这一节既没有标题（title）也没有正文（text）', '至少写上标题或正文之一。');
    }
  }
}

const NUMBER_FORMS = ['一、', '（一）', '1.', '（1）'];

/** A childNumbering form must be deeper than the level its section prints at, or it would be ignored. */
function checkChildNumbering(plan: Data, ctx: RuleContext): void {
  const numbering = isData(plan.numbering) ? plan.numbering : {};
  const walk = (value: unknown, path: JsonPath, level: number) => list(value).forEach((item, index) => {
    if (!isData(item)) return;
    const form = text(item.childNumbering);
    const formLevel = form === undefined ? -1 : NUMBER_FORMS.indexOf(form) + 1;
    if (formLevel > 0 && formLevel <= level) {
      ctx.warning([...path, index, 'childNumbering'], 'child-numbering-not-deeper', `下级序号“${form}”不比本节（${NUMBER_FORMS[Math.min(level, 4) - 1]}一级）更深，不起作用，下级按“${NUMBER_FORMS[Math.min(level, 3)]}”编号`,
        '写比本节更深一层的序号，或者删掉 childNumbering。');
    }
    walk(item.children, [...path, index, 'children'], formLevel > level ? formLevel : level + 1);
  });
  walk(plan.sections, ['sections'], NUMBER_FORMS.indexOf(text(numbering.start) ?? '一、') + 1 || 1);
}

// ---------------------------------------------------------------- ids

interface IdIndex {
  sections: Map<string, SectionInfo>;
  metrics: Map<string, Data>;
  basis: Set<string>;
}

function checkIds(plan: Data, sections: SectionInfo[], ctx: RuleContext): IdIndex {
  const firstSeen = new Map<string, JsonPath>();
  const index: IdIndex = { sections: new Map(), metrics: new Map(), basis: new Set() };
  const claim = (id: unknown, path: JsonPath): boolean => {
    if (typeof id !== 'string' || !id) return false;
    const earlier = firstSeen.get(id);
    if (earlier) {
      const line = ctx.at(earlier).line;
      ctx.error(path, 'duplicate-id', `编号“${id}”重复了，第 ${line} 行已经用过`,
        '章节、指标和依据文件的编号（id）共用一套，每个只能用一次：改成另一个编号。');
      return false;
    }
    firstSeen.set(id, path);
    return true;
  };
  for (const section of sections) {
    if (claim(section.data.id, [...section.path, 'id'])) index.sections.set(section.data.id as string, section);
  }
  list(plan.metrics).forEach((metric, i) => {
    if (isData(metric) && claim(metric.id, ['metrics', i, 'id'])) index.metrics.set(metric.id as string, metric);
  });
  list(plan.basis).forEach((basis, i) => {
    if (isData(basis) && claim(basis.id, ['basis', i, 'id'])) index.basis.add(basis.id as string);
  });
  return index;
}

// ---------------------------------------------------------------- metrics

const NUMERIC_KINDS = new Set(['atLeast', 'atMost', 'exact', 'range']);
const PERCENT_UNITS = new Set(['%', '％']);

function targetNumbers(target: Data): Array<[string, number]> {
  const keys = target.kind === 'range' ? ['min', 'max'] : target.kind === 'growth' ? ['rate'] : ['value'];
  return keys.flatMap((key) => {
    const value = finite(target[key]);
    return value === undefined ? [] : [[key, value] as [string, number]];
  });
}

function checkMetrics(plan: Data, ids: IdIndex, ctx: RuleContext): void {
  list(plan.metrics).forEach((metric, i) => {
    if (!isData(metric)) return;
    const path: JsonPath = ['metrics', i];
    const target = isData(metric.target) ? metric.target : undefined;
    const section = checkTask(metric, path, ids, ctx);
    if (!target) return;
    checkUnit(metric, target, path, ctx);
    checkRange(target, path, ctx);
    checkPercent(metric, target, path, ctx);
    if (section) checkMetricInText(metric, target, section, path, ctx, flattenText(plan.opening).join('\n'));
  });
}

function checkTask(metric: Data, path: JsonPath, ids: IdIndex, ctx: RuleContext): SectionInfo | undefined {
  const task = text(metric.task);
  if (task === undefined) return undefined;
  const section = ids.sections.get(task);
  if (section) return section;
  const sectionIds = [...ids.sections.keys()];
  const suggestion = closestMatch(task, sectionIds);
  const other = ids.metrics.has(task) || ids.basis.has(task);
  ctx.error([...path, 'task'], 'unknown-task',
    other ? `所属章节（task）“${task}”是指标或依据文件的编号，不是章节的编号` : `所属章节（task）“${task}”找不到：没有哪个章节的编号（id）是它`,
    suggestion ? `是不是想写“${suggestion}”？` : sectionIds.length
      ? `可用的章节编号：${sectionIds.join('、')}。`
      : `先给指标所属的章节加上编号，例如在章节下写“id: ${task}”。`);
  return undefined;
}

function checkUnit(metric: Data, target: Data, path: JsonPath, ctx: RuleContext): void {
  const needsUnit = NUMERIC_KINDS.has(String(target.kind)) || metric.baseline !== undefined;
  const unit = text(metric.unit);
  if (needsUnit && !unit?.trim()) {
    ctx.error(path, 'unit-missing', `指标“${String(metric.name ?? metric.id ?? '')}”的目标有数字，但没有写单位（unit）`,
      '加上“unit: ……”，例如 %、人次、万元、个、场。');
  }
}

function checkRange(target: Data, path: JsonPath, ctx: RuleContext): void {
  if (target.kind !== 'range') return;
  const min = finite(target.min);
  const max = finite(target.max);
  if (min !== undefined && max !== undefined && min > max) {
    ctx.error([...path, 'target', 'min'], 'range-order', `区间的下限 ${min} 大于上限 ${max}`, '把 min 和 max 对调：min 写小的数，max 写大的数。');
  }
}

function checkPercent(metric: Data, target: Data, path: JsonPath, ctx: RuleContext): void {
  if (!PERCENT_UNITS.has(String(metric.unit)) || !NUMERIC_KINDS.has(String(target.kind))) return;
  for (const [key, value] of targetNumbers(target)) {
    if (value < 0 || value > 100) {
      ctx.error([...path, 'target', key], 'percent-range', `百分比应在 0 到 100 之间，现在是 ${value}%`,
        '检查数字是否多写了一位；如果不是百分比，把单位（unit）改成实际的单位。');
    }
  }
}

function sectionTexts(section: Data): string[] {
  const own = [section.title, section.text, section.closing].flatMap(flattenText);
  const milestones = list(section.milestones).flatMap((m) => (isData(m) ? flattenText(m.text) : []));
  const children = list(section.children).flatMap((child) => (isData(child) ? sectionTexts(child) : []));
  return [...own, ...milestones, ...children];
}

function flattenText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return list(value).flatMap((block) => {
    if (typeof block === 'string') return [block];
    if (!isData(block)) return [];
    const strings = isData(block.table) ? list(block.table.rows).flatMap(list) : list(block.list);
    return strings.filter((s): s is string => typeof s === 'string');
  });
}

function numberSpellings(value: number): string[] {
  const spellings = [String(value)];
  if (value !== 0 && value % 10000 === 0) spellings.push(`${value / 10000}万`);
  return spellings;
}

function mentions(body: string, value: number): boolean {
  return numberSpellings(value).some((spelling) => {
    const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`).test(body);
  });
}

/** The opening may state the plan's main targets (主要预期目标：…); citing a metric there ties it to the text too. */
function checkMetricInText(metric: Data, target: Data, section: SectionInfo, path: JsonPath, ctx: RuleContext, opening: string): void {
  const numbers = targetNumbers(target);
  const id = text(metric.id);
  if (numbers.length === 0 || !id) return;
  const body = sectionTexts(section.data).join('\n');
  if (body.includes(`[[${id}]]`) || opening.includes(`[[${id}]]`)) return;
  const missing = numbers.filter(([, value]) => !mentions(body, value));
  if (missing.length === 0) return;
  const where = text(section.data.title) ?? text(section.data.id) ?? '';
  ctx.warning([...path, 'target'], 'metric-not-in-text',
    `指标与正文脱节：指标“${String(metric.name ?? id)}”的目标数 ${missing.map(([, v]) => v).join('、')} 在所属章节“${where}”的正文里找不到`,
    `在正文里用 [[${id}]] 引用这个指标（plandoc 会写出目标），或者改正指标或正文中的数字，使两者一致。`, { key: true });
}

// ---------------------------------------------------------------- citations

const CITATION = /(\\?)\[\[([^\[\]\n]*)\]\]/g;

/** Every Text-valued string in a plan, with its path. */
function textLocations(plan: Data): Array<{ path: JsonPath; value: string }> {
  const found: Array<{ path: JsonPath; value: string }> = [];
  const addText = (value: unknown, path: JsonPath): void => {
    if (typeof value === 'string') {
      found.push({ path, value });
      return;
    }
    list(value).forEach((block, i) => {
      if (typeof block === 'string') found.push({ path: [...path, i], value: block });
      else if (isData(block)) list(block.list).forEach((item, j) => addText(typeof item === 'string' ? item : undefined, [...path, i, 'list', j]));
    });
    for (const { table, path: at } of tablesInText(value, path)) {
      list(table.rows).forEach((row, r) => list(row).forEach((cell, c) => typeof cell === 'string' && found.push({ path: [...at, 'rows', r, c], value: cell })));
    }
  };
  addText(plan.opening, ['opening']);
  for (const { data, path } of collectSections(plan.sections)) {
    for (const key of ['text', 'closing']) addText(data[key], [...path, key]);
    list(data.milestones).forEach((m, i) => isData(m) && addText(m.text, [...path, 'milestones', i, 'text']));
  }
  list(plan.attachments).forEach((a, i) => isData(a) && addText(a.text, ['attachments', i, 'text']));
  return found;
}

function checkCitations(plan: Data, ids: IdIndex, ctx: RuleContext): void {
  const citable = [...ids.metrics.keys(), ...ids.basis];
  for (const { path, value } of textLocations(plan)) {
    for (const match of value.matchAll(CITATION)) {
      if (match[1]) continue; // \[[ is a literal "[["
      checkCitation(match[0], match[2]!, path, ids, citable, ctx);
    }
  }
  checkTitleCitations(plan, ctx);
}

function checkCitation(whole: string, id: string, path: JsonPath, ids: IdIndex, citable: string[], ctx: RuleContext): void {
  if (ids.metrics.has(id) || ids.basis.has(id)) return;
  if (/\s/.test(id) && id.trim()) {
    ctx.error(path, 'citation-format', `引用“${whole}”里有空格，不会被当作引用`, `去掉空格，写成“[[${id.replace(/\s+/g, '')}]]”。`, { needle: whole });
    return;
  }
  const suggestion = closestMatch(id, citable);
  const message = !id
    ? '引用“[[]]”里没有写编号'
    : ids.sections.has(id) ? `引用“[[${id}]]”指向一个章节，只能引用指标或依据文件` : `引用“[[${id}]]”找不到：没有编号为“${id}”的指标或依据文件`;
  ctx.error(path, 'unknown-citation', message,
    suggestion ? `是不是想写“[[${suggestion}]]”？` : '[[编号]] 引用指标（metrics）或依据文件（basis）的 id；要印出“[[”本身，写成“\\[[”。',
    { needle: whole });
}

/** Titles are printed as typed, so a citation there would show its brackets. */
function checkTitleCitations(plan: Data, ctx: RuleContext): void {
  for (const { data, path } of collectSections(plan.sections)) {
    const title = text(data.title);
    const match = title === undefined ? null : /(?<!\\)\[\[[^\[\]\n]*\]\]/.exec(title);
    if (match) {
      ctx.error([...path, 'title'], 'citation-in-title', `标题里不能引用“${match[0]}”：标题按原样印出`,
        '把数字直接写进标题，或者把引用移到正文（text）里。', { needle: match[0] });
    }
  }
}

// ---------------------------------------------------------------- dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WORDED_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `没有 ${month} 月`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${year}年${month}月只有${days}天`;
  return undefined;
}

function checkDates(plan: Data, ctx: RuleContext): void {
  const dated: Array<[JsonPath, unknown, string]> = [
    [['date'], plan.date, '成文日期'],
    [['printedDate'], plan.printedDate, '印发日期'],
  ];
  for (const { data, path } of collectSections(plan.sections)) {
    dated.push([[...path, 'deadline'], data.deadline, '完成时限']);
    list(data.milestones).forEach((m, i) => isData(m) && dated.push([[...path, 'milestones', i, 'date'], m.date, '节点日期']));
  }
  for (const [path, value, label] of dated) {
    if (typeof value === 'string') checkDateText(value, path, label, ctx);
  }
  checkDateYear(plan, ctx);
}

function checkDateText(value: string, path: JsonPath, label: string, ctx: RuleContext): void {
  const iso = ISO_DATE.exec(value.trim());
  const parts = iso ? [iso] : [...value.matchAll(WORDED_DATE)];
  for (const part of parts) {
    const problem = dateProblem(Number(part[1]), Number(part[2]), Number(part[3]));
    if (problem) {
      ctx.error(path, 'date-invalid', `${label}“${part[0]}”不是真实的日期：${problem}`, '改成日历上存在的日期。', { needle: part[0] });
    }
  }
}

function checkDateYear(plan: Data, ctx: RuleContext): void {
  const iso = typeof plan.date === 'string' ? ISO_DATE.exec(plan.date) : null;
  const year = finite(plan.year);
  if (!iso || year === undefined) return;
  const dateYear = Number(iso[1]);
  // a plan is often signed in the last weeks of the year before
  if (dateYear !== year && dateYear !== year - 1) {
    ctx.warning(['date'], 'date-year', `成文日期是 ${dateYear} 年，但计划年度（year）是 ${year} 年`, '检查成文日期或计划年度是否写错。');
  }
}

// ---------------------------------------------------------------- placeholders and numbers

const PLACEHOLDER = /待填写(?:[：:][^）)，。；\n]{0,30})?|待补充|TODO|TBD|X{2,}|x{2,}|×{2,}|Ｘ{2,}/;

function checkPlaceholders(value: unknown, path: JsonPath, ctx: RuleContext): void {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    if (match) {
      ctx.error(path, 'placeholder', `这里还是占位文字“${match[0]}”`, '把占位文字换成实际内容；不需要的项可以整行删掉。', { needle: match[0] });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkPlaceholders(item, [...path, i], ctx));
  else if (isData(value)) for (const [key, item] of Object.entries(value)) checkPlaceholders(item, [...path, key], ctx);
}

function checkNumbers(value: unknown, path: JsonPath, ctx: RuleContext): void {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && Math.abs(value) >= MAX_PLAIN_NUMBER) {
      ctx.error(path, 'number-too-large', `数字 ${value} 太大，超出了能精确处理的范围`, '检查是不是多写了数字；金额可以改用万元、亿元作单位。');
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkNumbers(item, [...path, i], ctx));
  else if (isData(value)) for (const [key, item] of Object.entries(value)) checkNumbers(item, [...path, key], ctx);
}
