// The three readable forms of a plan diff: terminal text, a Markdown 修订对照表
// (which the DOCX writer turns into the official table), and JSON.
import pc from 'picocolors';
import type { PlanChange, PlanDiff } from './index.js';
import type { TextEdit } from './text.js';

export interface TextFormatOptions {
  color?: boolean;
  /** names of the two revisions, for the heading line */
  from?: string;
  to?: string;
}

/** Unchanged text longer than this around a change is shortened to its ends. */
const CONTEXT = 24;

export function formatDiffText(diff: PlanDiff, options: TextFormatOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const lines: string[] = [];
  if (options.from && options.to) lines.push(colors.bold(`修订对照：${options.from} → ${options.to}`));
  lines.push(diff.changes.length === 0 ? '两个版本没有实质性差异。' : `共 ${diff.changes.length} 处修改。`);
  if (!colors.isColorSupported && diff.changes.some((change) => change.edits)) lines.push(LEGEND);
  diff.changes.forEach((change, index) => {
    lines.push('', colors.bold(`${index + 1}. ${change.explanation}`));
    for (const line of changeBody(change, colors)) lines.push(`   ${line}`);
  });
  if (diff.notes.length > 0) {
    lines.push('', '说明：');
    for (const note of diff.notes) lines.push(`   ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

function changeBody(change: PlanChange, colors: Colors): string[] {
  if (change.kind === 'moved') return [];
  if (change.edits) return inlineEdits(change.edits, colors).split('\n');
  const lines: string[] = [];
  const mark = (prefix: string, text: string, paint: (s: string) => string): void => {
    text.split('\n').forEach((line, index) => lines.push(paint(`${index === 0 ? prefix : '　　'}${line}`)));
  };
  if (change.before !== undefined) mark('原：', change.before, colors.red);
  if (change.after !== undefined) mark('新：', change.after, colors.green);
  return lines;
}

/** One text with the changes marked inline: colour on a terminal, 【删：】【增：】 otherwise. */
export function inlineEdits(edits: readonly TextEdit[], colors: Colors): string {
  const plain = !colors.isColorSupported;
  return edits.map((edit, index) => {
    if (edit.op === 'equal') return shorten(edit.text, index === 0, index === edits.length - 1);
    if (edit.op === 'delete') return plain ? `【删：${edit.text}】` : colors.red(colors.strikethrough(edit.text));
    return plain ? `【增：${edit.text}】` : colors.green(colors.underline(edit.text));
  }).join('');
}

/** What the marks in a wording change mean, said once above the list. */
export const LEGEND = '（【删：】是删去的文字，【增：】是新增的文字，“（略）”是省去的未改动文字。）';

/** Keeps the unchanged text next to a change and replaces the rest by "（略）", never by "……", which a text may contain. */
function shorten(text: string, isFirst: boolean, isLast: boolean): string {
  const chars = [...text];
  const keepBefore = isFirst ? 0 : CONTEXT;
  const keepAfter = isLast ? 0 : CONTEXT;
  if (chars.length <= keepBefore + keepAfter + 4) return text;
  return `${chars.slice(0, keepBefore).join('')}（略）${chars.slice(chars.length - keepAfter).join('')}`;
}

// ---- Markdown 修订对照表 ---------------------------------------------------

export interface MarkdownFormatOptions {
  /** the document title; "修订对照表" is appended */
  title: string;
  /** how a line break inside a table cell is written */
  lineBreak?: string;
}

export function diffTableTitle(planTitle: string): string {
  return `${planTitle}修订对照表`;
}

export function formatDiffMarkdown(diff: PlanDiff, options: MarkdownFormatOptions): string {
  const title = diffTableTitle(options.title);
  const lineBreak = options.lineBreak ?? '<br>';
  const rows = diff.changes.map((change, index) => {
    const [before, after] = cellsOf(change, lineBreak);
    return `| ${index + 1} | ${before} | ${after} | ${cell(change.explanation, lineBreak)} |`;
  });
  const parts = [
    '---',
    `title: ${JSON.stringify(title)}`,
    '---',
    '',
    `# ${escapeMarkdown(title)}`,
    '',
  ];
  if (rows.length === 0) parts.push('两个版本没有实质性差异。', '');
  else parts.push('| 序号 | 原内容 | 修改后内容 | 修改说明 |', '| --- | --- | --- | --- |', ...rows, '');
  for (const note of diff.notes) parts.push(`说明：${escapeMarkdown(note)}`, '');
  return parts.join('\n');
}

function cellsOf(change: PlanChange, lineBreak: string): [string, string] {
  if (change.edits) {
    return [
      emphasized(change.edits, 'delete', lineBreak),
      emphasized(change.edits, 'insert', lineBreak),
    ];
  }
  return [cell(change.before ?? '（无）', lineBreak), cell(change.after ?? '（删除）', lineBreak)];
}

function cell(text: string, lineBreak: string): string {
  return text.split('\n').map(escapeMarkdown).join(lineBreak);
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/**
 * One side of a wording change with the changed characters in bold. A bold
 * run that starts or ends with Chinese punctuation next to a letter is not
 * bold in CommonMark (flanking rules), so such a run is widened by one
 * character until its ends are not punctuation.
 */
function emphasized(edits: readonly TextEdit[], side: 'delete' | 'insert', lineBreak: string): string {
  const chars: string[] = [];
  const marked: boolean[] = [];
  for (const edit of edits) {
    if (edit.op !== 'equal' && edit.op !== side) continue;
    for (const char of edit.text) {
      chars.push(char);
      marked.push(edit.op === side && char !== '\n');
    }
  }
  widenAtPunctuation(chars, marked);
  let out = '';
  let open = false;
  chars.forEach((char, index) => {
    if (marked[index] !== open) {
      out += '**';
      open = !open;
    }
    out += char === '\n' ? lineBreak : escapeMarkdown(char);
  });
  return open ? `${out}**` : out;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;

function widenAtPunctuation(chars: string[], marked: boolean[]): void {
  const isPunct = (index: number): boolean => PUNCTUATION.test(chars[index] ?? '');
  const isBoundary = (index: number): boolean => index < 0 || index >= chars.length || chars[index] === '\n' || /\s/.test(chars[index]!);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < chars.length; i++) {
      if (!marked[i]) continue;
      const startsRun = !marked[i - 1];
      const endsRun = !marked[i + 1];
      if (startsRun && isPunct(i) && !isBoundary(i - 1) && !isPunct(i - 1)) {
        marked[i - 1] = true;
        changed = true;
      }
      if (endsRun && isPunct(i) && !isBoundary(i + 1) && !isPunct(i + 1)) {
        marked[i + 1] = true;
        changed = true;
      }
    }
  }
}

// ---- JSON --------------------------------------------------------------------

export function formatDiffJson(diff: PlanDiff, names: { from: string; to: string }): string {
  return `${JSON.stringify({ from: names.from, to: names.to, ...diff }, null, 2)}\n`;
}
