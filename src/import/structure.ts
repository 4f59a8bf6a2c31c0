// The body: opening paragraphs, then the heading tree recognised by its typed
// numbers (一、 （一） 1. （1）). Typed numbers are checked for gaps and dropped:
// the plan derives numbers from the structure.
import type { Block, HeadingMarker, RunIn, Section } from '../model/plan.js';
import type { InputBlock } from './blocks.js';
import { importTable, isCaption, type ImportedTable } from './tables.js';
import type { ImportNote } from './furniture.js';

const CN_DIGITS = '一二三四五六七八九';

export function chineseToNumber(text: string): number {
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens < 0) return CN_DIGITS.indexOf(text) + 1;
  const high = tens === 0 ? 1 : CN_DIGITS.indexOf(text[0]!) + 1;
  const low = text.length > tens + 1 ? CN_DIGITS.indexOf(text[tens + 1]!) + 1 : 0;
  return high * 10 + low;
}

export function numberToChinese(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n - 1]!;
  const high = Math.floor(n / 10);
  const low = n % 10;
  return `${high === 1 ? '' : CN_DIGITS[high - 1]}十${low ? CN_DIGITS[low - 1] : ''}`;
}

/** 1 = 一、 2 = （一） 3 = 1. 4 = （1） */
export type Rank = 1 | 2 | 3 | 4;

export function formatNumber(rank: Rank, n: number): string {
  return rank === 1 ? `${numberToChinese(n)}、` : rank === 2 ? `（${numberToChinese(n)}）` : rank === 3 ? `${n}.` : `（${n}）`;
}

const HEADINGS: Array<[Rank, RegExp, (s: string) => number]> = [
  [1, /^([一二三四五六七八九十]{1,3})、\s*(.*)$/, chineseToNumber],
  [2, /^（([一二三四五六七八九十]{1,3})）\s*(.*)$/, chineseToNumber],
  // "1.2021年以来……" is a numbered paragraph that starts with a year, not a decimal
  [3, /^(\d{1,2})[.．、]\s*((?:\D|\d{4}年).*)$/, Number],
  [4, /^（(\d{1,2})）\s*(.*)$/, Number],
];

export function parseHeadingLine(text: string): { rank: Rank; number: number; rest: string } | undefined {
  for (const [rank, re, toNumber] of HEADINGS) {
    const m = re.exec(text);
    if (m) return { rank, number: toNumber(m[1]!), rest: m[2]!.trim() };
  }
  return undefined;
}

export interface SplitHeading {
  title?: string;
  runIn?: '。' | '：';
  text?: string;
}

/** "底线坚守：健全……" → run-in title + text; "指导思想" → standalone; a long sentence → text only. */
export function splitHeading(rest: string, rank: Rank): SplitHeading {
  // only arabic-numbered items can be a figure sentence ("1.2021年以来共帮扶……")
  const startsWithFigure = rank >= 3 && /^\d/.test(rest);
  const mark = rest.search(/[。：]/);
  if (mark > 0 && mark <= 30 && !startsWithFigure) {
    const text = rest.slice(mark + 1).trim();
    return { title: rest.slice(0, mark), runIn: rest[mark] as '。' | '：', ...(text ? { text } : {}) };
  }
  if (mark < 0 && rest.length <= (rank === 1 ? 60 : 40) && !startsWithFigure) return { title: rest };
  return { text: rest };
}

export interface TreeNode {
  rank: Rank;
  typed: number;
  line: number;
  section: Section;
  children: TreeNode[];
  text: Block[];
  closing: Block[];
  /** notes for the YAML comment above this section */
  comments: string[];
  /** a run-in heading with nothing after its mark: the paragraphs that follow are its items */
  introduces: boolean;
  /** .docx: a bold run-in head without a number; the next one is its sibling */
  boldHead?: boolean;
  /** a head without a number: marked "——" or "一是" in the source, or set in 黑体/楷体/bold ("不编号") */
  form?: HeadingMarker;
}

export interface Body {
  opening: Block[];
  roots: TreeNode[];
  /** every table, with the section it stands in (none in the opening) */
  tables: Array<{ table: ImportedTable; node?: TreeNode }>;
  level3: 'restart' | 'continue';
  /** the rank of the top level when the document starts below 一、 (工作要点 starting at （一）) */
  start?: Rank;
}

function appendBlock(blocks: Block[], text: string, list: boolean): void {
  const last = blocks[blocks.length - 1];
  if (list) {
    if (last && typeof last === 'object' && 'list' in last) last.list.push(text);
    else blocks.push({ list: [text] });
  } else blocks.push(text);
}

export function buildBody(blocks: InputBlock[], normalise: (text: string) => string, notes: ImportNote[], title = ''): Body {
  const body: Body = { opening: [], roots: [], tables: [], level3: 'restart' };
  const stack: TreeNode[] = [];
  let previous: InputBlock | undefined;
  for (const block of blocks) {
    if (block.kind === 'table') {
      const top = stack[stack.length - 1];
      const target = targetBlocks(body, top);
      const caption = takeCaption(target, previous);
      const table = importTable(block, caption, normalise, notes);
      target.push(...table.blocks);
      body.tables.push({ table, node: top });
      previous = block;
      continue;
    }
    previous = block;
    const text = normalise(block.text);
    const heading: Heading | undefined = block.list ? undefined : (parseHeadingLine(text) ?? styledHeading(text, block.headingLevel) ?? boldRunIn(text, block.boldLead));
    const mark = heading || block.list ? undefined : unnumberedHead(text, stack);
    if (mark) {
      placeUnnumbered(mark, block.line, stack);
      continue;
    }
    if (!heading) {
      placeParagraph(body, stack[stack.length - 1], text, Boolean(block.list));
      continue;
    }
    // a bold run-in head is one level below the heading it follows
    const top = stack[stack.length - 1];
    if (heading.bold) heading.rank = (top?.boldHead ? top.rank : Math.min((top?.rank ?? 0) + 1, 4)) as Rank;
    while (stack.length && stack[stack.length - 1]!.rank >= heading.rank) stack.pop();
    const node = makeNode(heading, block.line);
    if (heading.bold) node.boldHead = true;
    if (block.guessedHeading || heading.bold) {
      // the document's own form: a head without a number stays without one
      node.form = '不编号';
      node.comments.push(`导入时推测（把握：中）：原文这一标题没有编号，${block.guessedHeading ? `按字体（${block.font}）` : '按加粗的开头'}认作${'一二三四'[heading.rank - 1]}级标题，按原样不加编号`);
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.children : body.roots).push(node);
    stack.push(node);
  }
  if (!body.roots.length && body.tables.length) sectionsFromTables(body, notes, title);
  body.start = keepOwnLevels(body.roots, notes);
  body.level3 = detectLevel3(body.roots);
  checkNumbering(body.roots, body.level3, notes);
  return body;
}

/** The paragraph right before a table that names it (表题) becomes its caption. */
function takeCaption(target: Block[], previous: InputBlock | undefined): string | undefined {
  const last = target[target.length - 1];
  if (previous?.kind !== 'para' || previous.list || typeof last !== 'string' || !isCaption(last)) return undefined;
  target.pop();
  return last;
}

/**
 * A document that is only tables (a quarterly report, a 任务分解表): one
 * section per table, titled by its caption; paragraphs between tables stay
 * with the table before them.
 */
function sectionsFromTables(body: Body, notes: ImportNote[], title: string): void {
  const opening = body.opening;
  body.opening = [];
  let index = 0;
  for (const block of opening) {
    const entry = body.tables.find((t) => t.table.blocks.includes(block));
    if (!entry) {
      (body.roots.at(-1)?.text ?? body.opening).push(block);
      continue;
    }
    // the first block of a table titles its section; a long table's continuations join it
    if (entry.table.blocks[0] !== block) {
      body.roots.at(-1)!.text.push(block);
      continue;
    }
    index++;
    const caption = entry.table.caption;
    // "白云镇2025年第三季度重点工作推进情况" names its only table: "第三季度重点工作推进情况"
    const fromTitle = index === 1 ? /^.*?\d{4}年度?(.{4,})$/.exec(title)?.[1] : undefined;
    const node = makeNode({ rank: 1, number: index, rest: caption ?? fromTitle ?? `表格${numberToChinese(index)}` }, entry.table.line);
    node.text.push(withoutCaption(block));
    const named = caption ? '这一节的标题是表格的表题' : fromTitle ? '这一节的标题取自文件标题' : `这一节是原文的第${numberToChinese(index)}个表格，标题是导入时加的`;
    node.comments.push(`导入时推测：原文正文只有表格，没有标题；${named}`);
    body.roots.push(node);
    entry.node = node;
  }
  notes.push({ line: 0, kind: 'guess', message: `正文只有表格，没有标题：按表格分成 ${index} 个一级标题，每个表格放在自己的一节里` });
}

/** The section's title already says what the caption said. */
function withoutCaption(block: Block): Block {
  if (typeof block !== 'object' || !('table' in block)) return block;
  const { caption: _caption, ...table } = block.table;
  return { table };
}

/** Text before the first heading is the opening; after a section's children it is its closing. */
function targetBlocks(body: Body, top: TreeNode | undefined): Block[] {
  return !top ? body.opening : top.children.length ? top.closing : top.text;
}

function placeParagraph(body: Body, top: TreeNode | undefined, text: string, list: boolean): void {
  if (!top || top.children.length) appendBlock(targetBlocks(body, top), text, list);
  // "3.巩固“五项保障”成果：" alone on its line introduces the paragraphs after it, one item each
  else appendBlock(top.text, text, list || (top.introduces && top.text.every((b) => typeof b !== 'string')));
}

/**
 * A level the document skips on purpose is kept: all top-level headings at
 * （一） give `numbering.start`, all children of a 一、 at 1. give its
 * `childNumbering`. Only a mixture (some children skip, some do not) is an
 * error, renumbered by structure with a warning.
 */
function keepOwnLevels(roots: TreeNode[], notes: ImportNote[]): Rank | undefined {
  const start = uniformRank(roots);
  if (start === undefined) roots.forEach((node) => node.rank > 1 && warnSkippedLevel(node, false, notes));
  markOwnForms(roots);
  const visit = (parent: TreeNode) => {
    const form = parent.children[0]?.form;
    if (form && parent.children.every((c) => c.form === form)) {
      parent.section.childNumbering = form;
      parent.comments.push(`导入时推测（把握：中）：原文这一节的下级是${FORM_WORDS[form]}的小标题，没有编号，按原样保留`);
      parent.children.forEach(visit);
      return;
    }
    markOwnForms(parent.children);
    const rank = uniformRank(parent.children);
    if (rank !== undefined && rank > parent.rank + 1) {
      parent.section.childNumbering = RANK_FORMS[rank - 1];
      parent.comments.push(`导入时推测：原文这一节的下级直接用“${RANK_FORMS[rank - 1]}”编号（跳过了一层），按原文保留`);
    } else if (rank === undefined) parent.children.forEach((child) => child.rank > parent.rank + 1 && warnSkippedLevel(child, true, notes));
    parent.children.forEach(visit);
  };
  roots.forEach(visit);
  return start !== undefined && start > 1 ? start : undefined;
}

export const RANK_FORMS = ['一、', '（一）', '1.', '（1）'] as const;

const FORM_WORDS: Record<HeadingMarker, string> = { '——': '以“——”开头', '一是': '以“一是、二是”开头', 不编号: '用字体或加粗标出' };

/** Heads without a number among numbered siblings (or at the top) keep their own mark: `marker`. */
function markOwnForms(siblings: TreeNode[]): void {
  for (const node of siblings) {
    if (!node.form) continue;
    node.section.marker = node.form;
    // a head found by its font or bold says so already
    if (node.form !== '不编号') node.comments.push(`导入时推测（把握：中）：原文这一标题${FORM_WORDS[node.form]}，没有编号，按原样保留；同级其他标题照常编号`);
  }
}

function uniformRank(nodes: TreeNode[]): Rank | undefined {
  const ranks = new Set(nodes.map((n) => n.rank));
  return ranks.size === 1 ? [...ranks][0] : undefined;
}

function warnSkippedLevel(node: TreeNode, nested: boolean, notes: ImportNote[]): void {
  const heading = { rank: node.rank, number: node.typed, rest: node.section.title ?? '' };
  const where = nested ? '与同级标题的编号层次不一致' : '正文没有从“一、”层次开始';
  notes.push({ line: node.line, kind: 'warning', message: `${describeHeading(heading)}${where}，导入后按所在层次重新编号` });
  node.comments.push(`导入时推测：原文这里是${describeHeading(heading)}，${where}`);
}

type Heading = { rank: Rank; number: number; rest: string; bold?: boolean };

/** "——产业发展势能强劲。…" and "一是着力壮大实体经济。…": report sub-heads without a number. */
function unnumberedHead(text: string, stack: TreeNode[]): { form: '——' | '一是'; rest: string } | undefined {
  if (!stack.length) return undefined;
  // a head is a short phrase closed by 。 or ：, without a comma inside
  // and text after it: "一是优化监测预警体系。" alone is an item of the list its heading introduces
  const isHead = (rest: string) => /^[^，,；;。：]{2,30}[。：]\s*\S/.test(rest);
  const dash = /^——\s*(.+)$/.exec(text);
  if (dash && isHead(dash[1]!)) return { form: '——', rest: dash[1]! };
  const ordinal = /^([一二三四五六七八九十]{1,2})是\s*(.+)$/.exec(text);
  // "一是优化体系。二是落实部署。" on one line is an enumeration in a paragraph, not heads
  if (ordinal && isHead(ordinal[2]!) && !/[。；][二三四五六七八九十]是/.test(ordinal[2]!)) return { form: '一是', rest: ordinal[2]! };
  return undefined;
}

/** The sub-head is a child of the nearest heading, a sibling of the sub-heads before it. */
function placeUnnumbered(mark: { form: '——' | '一是'; rest: string }, line: number, stack: TreeNode[]): void {
  const top = stack[stack.length - 1]!.form;
  if (top === '——' || top === '一是') stack.pop();
  const parent = stack[stack.length - 1];
  if (!parent) return;
  const rank = Math.min(parent.rank + 1, 4) as Rank;
  const node = makeNode({ rank, number: Number.NaN, rest: mark.rest }, line);
  node.form = mark.form;
  parent.children.push(node);
  stack.push(node);
}

/** .docx: "加强组织领导。" in bold, then plain text: a run-in heading without a number. */
function boldRunIn(text: string, boldLead: string | undefined): Heading | undefined {
  if (!boldLead || boldLead.length > 30 || !/[。：]$/.test(boldLead) || !text.startsWith(boldLead) || text.length === boldLead.length) return undefined;
  return { rank: 3, number: Number.NaN, rest: text, bold: true };
}

/** A heading the source marked by style (Markdown ##, Word 标题 2) without typing its number. */
function styledHeading(text: string, level: number | undefined): { rank: Rank; number: number; rest: string } | undefined {
  if (level === undefined || level < 1) return undefined;
  return { rank: Math.min(level, 4) as Rank, number: Number.NaN, rest: text };
}

function describeHeading(heading: { rank: Rank; number: number; rest: string }): string {
  return Number.isNaN(heading.number) ? `标题“${heading.rest}”` : `编号“${formatNumber(heading.rank, heading.number)}”`;
}

export function makeNode(heading: { rank: Rank; number: number; rest: string }, line: number): TreeNode {
  const split = splitHeading(heading.rest, heading.rank);
  const section: Section = {};
  const node: TreeNode = {
    rank: heading.rank, typed: heading.number, line, section, children: [], text: [], closing: [], comments: [],
    introduces: Boolean(split.runIn) && !split.text,
  };
  if (split.title) section.title = split.title;
  if (split.runIn) section.runIn = split.runIn as RunIn;
  if (split.text) node.text.push(split.text);
  if (!split.title) node.comments.push('导入时推测：这一条原文没有单独的标题，整段作为正文');
  return node;
}

/** 004 numbers 1. 2. … on across its （一）（二） sections; 000 restarts at 1. in each. */
function detectLevel3(roots: TreeNode[]): 'restart' | 'continue' {
  for (const root of roots) {
    const groups = root.children.filter((c) => c.children.some((g) => g.rank === 3));
    for (const group of groups.slice(1)) {
      const first = group.children.find((g) => g.rank === 3);
      if (first && first.typed > 1) return 'continue';
    }
  }
  return 'restart';
}

function checkNumbering(roots: TreeNode[], level3: 'restart' | 'continue', notes: ImportNote[]): void {
  // in "continue" mode one level-3 counter runs through each level-1 section
  const check = (nodes: TreeNode[], shared: { next: number } | undefined) => {
    const counters = new Map<Rank, number>();
    for (const node of nodes) {
      if (node.form) {
        // a head with its own mark takes no number from its numbered siblings
        check(node.children, node.rank === 1 ? { next: 1 } : shared);
        continue;
      }
      const useShared = level3 === 'continue' && node.rank === 3 && shared;
      const expected = useShared ? shared.next : (counters.get(node.rank) ?? 1);
      const typed = Number.isNaN(node.typed) ? expected : node.typed; // an unnumbered heading takes its place
      if (typed !== expected) reportGap(node, expected, notes);
      if (useShared) shared.next = typed + 1;
      else counters.set(node.rank, typed + 1);
      check(node.children, node.rank === 1 ? { next: 1 } : shared);
    }
  };
  check(roots, { next: 1 });
}

function reportGap(node: TreeNode, expected: number, notes: ImportNote[]): void {
  const typed = formatNumber(node.rank, node.typed);
  const want = formatNumber(node.rank, expected);
  let message: string;
  if (node.typed > expected) {
    const missing = Array.from({ length: node.typed - expected }, (_, i) => formatNumber(node.rank, expected + i));
    const before = expected > 1 ? `从“${formatNumber(node.rank, expected - 1)}”跳到“${typed}”` : `第一个编号是“${typed}”`;
    message = `编号${before}，缺少${missing.map((m) => `“${m}”`).join('、')}`;
  } else {
    message = `编号“${typed}”重复或倒退（这里应是“${want}”）`;
  }
  notes.push({ line: node.line, kind: 'warning', message: `${message}；导入后按结构重新编号为“${want}”，请核对` });
  node.comments.push(`导入时推测：原文编号为“${typed}”，${message}`);
}
