// The preview is one more writer of the composed document: mdast + furniture
// → the blocks of an A4 page in HTML, each with the number of grid lines it
// takes under the project's width model (src/docx/width.ts), so page breaks
// fall where the DOCX puts them (28 characters a line, 22 lines a page).
import type { PhrasingContent, Root, RootContent, Table, List } from 'mdast';
import type { Furniture } from '../model/plan.js';
import { textWidth } from '../docx/width.js';
import { breakTitle } from '../docx/title.js';
import { chineseDate, signatureIndents } from '../docx/furniture.js';
import { runInLevel } from '../docx/body.js';
import { plainText } from '../docx/inline.js';
import { columnWidths } from '../docx/table.js';

export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

export type BlockKind = 'header' | 'title' | 'blank' | 'recipients' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body' | 'table' | 'attachment-note' | 'signature' | 'note' | 'attachment-label' | 'record';

export interface PreviewBlock {
  kind: BlockKind;
  /** escaped HTML of the block's content */
  html: string;
  /** plain text, for locating the block in the source */
  text: string;
  /** grid lines the block takes */
  lines: number;
  /** starts a new page (an attachment) */
  pageBreak?: boolean;
  /** the furniture key the block prints, when it is furniture */
  key?: keyof Furniture;
  /** right indent in characters (signature lines) */
  right?: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lines of a paragraph `indent` characters in, wrapped at 28 characters. */
export function paragraphLines(text: string, indent = 2): number {
  return Math.max(1, Math.ceil((textWidth(text) + indent) / CHARS_PER_LINE));
}

export function previewBlocks(root: Root, furniture: Furniture): PreviewBlock[] {
  const writer = new BlockWriter(furniture);
  for (const node of root.children) writer.block(node);
  return writer.finish();
}

class BlockWriter {
  private readonly out: PreviewBlock[] = [];
  private titleWritten = false;
  private closingWritten = false;
  private inAttachment = false;
  private pageBreakPending = false;

  constructor(private readonly furniture: Furniture) {
    this.out.push(...headerBlocks(furniture));
  }

  finish(): PreviewBlock[] {
    this.ensureTitle();
    this.writeClosing();
    return this.out;
  }

  private push(block: PreviewBlock): void {
    if (this.pageBreakPending) {
      block.pageBreak = true;
      this.pageBreakPending = false;
    }
    this.out.push(block);
  }

  block(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        return node.depth === 1 ? this.title(plainText(node.children)) : this.heading(node.depth, node.children);
      case 'paragraph':
        return this.paragraph(node.children);
      case 'list':
        return this.list(node);
      case 'table':
        this.ensureTitle();
        return this.push(tableBlock(node));
      case 'thematicBreak':
        this.ensureTitle();
        this.writeClosing();
        this.inAttachment = true;
        this.pageBreakPending = true;
        return;
      case 'blockquote':
        return node.children.forEach((child) => this.block(child));
      case 'code':
      case 'html':
        return node.value.split('\n').forEach((line) => this.bodyText(line));
      default:
        return;
    }
  }

  private ensureTitle(): void {
    if (this.titleWritten || this.inAttachment) return;
    this.title(this.furniture.title ?? '');
  }

  private title(text: string): void {
    if (!text) return;
    const first = !this.titleWritten || this.inAttachment;
    this.titleWritten = true;
    const lines = breakTitle(text, 20);
    this.push({ kind: 'title', html: lines.map(escapeHtml).join('<br>'), text, lines: lines.length, key: first && !this.inAttachment ? 'title' : undefined });
    this.push(blank());
    if (first && !this.inAttachment) this.recipients();
  }

  private recipients(): void {
    const list = this.furniture.recipients ?? [];
    if (!list.length) return;
    const text = `${list.join('，')}：`;
    this.push({ kind: 'recipients', html: escapeHtml(text), text, lines: paragraphLines(text, 0), key: 'recipients' });
  }

  private heading(depth: number, children: PhrasingContent[]): void {
    this.ensureTitle();
    const level = Math.min(depth - 1, 4) as 1 | 2 | 3 | 4;
    const text = plainText(children);
    this.push({ kind: `heading${level}`, html: inlineHtml(children), text, lines: paragraphLines(text) });
  }

  private paragraph(children: PhrasingContent[]): void {
    const text = plainText(children);
    if (this.inAttachment && this.pageBreakPending && /^附件\s*\d*$/u.test(text.trim())) {
      this.push({ kind: 'attachment-label', html: escapeHtml(text), text, lines: 1 });
      this.push(blank());
      return;
    }
    this.ensureTitle();
    this.push({ kind: 'body', html: runInHtml(children) ?? inlineHtml(children), text, lines: paragraphLines(text) });
  }

  private bodyText(line: string): void {
    this.ensureTitle();
    this.push({ kind: 'body', html: escapeHtml(line), text: line, lines: paragraphLines(line) });
  }

  private list(node: List): void {
    node.children.forEach((item, index) => {
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          const prefix = node.ordered ? `${(node.start ?? 1) + index}.` : '';
          const text = prefix + plainText(child.children);
          this.ensureTitle();
          this.push({ kind: 'body', html: escapeHtml(prefix) + inlineHtml(child.children), text, lines: paragraphLines(text) });
        } else if (child.type === 'list') this.list(child);
      }
    });
  }

  private writeClosing(): void {
    if (this.closingWritten) return;
    this.closingWritten = true;
    for (const block of closingBlocks(this.furniture)) this.out.push(block);
  }
}

function blank(): PreviewBlock {
  return { kind: 'blank', html: '', text: '', lines: 1 };
}

/** 版头: the red organ name (about two grid lines at 36 pt), the 文号 over a red rule, two blank lines. */
function headerBlocks(furniture: Furniture): PreviewBlock[] {
  const organ = furniture.header?.organ;
  if (!organ) return [];
  const number = furniture.docNumber ?? '';
  return [{ kind: 'header', html: `<div class="organ">${escapeHtml(organ)}</div><div class="doc-number">${escapeHtml(number)}</div>`, text: organ, lines: 6, key: 'header' }];
}

/** 附件说明, 署名 and 成文日期 (PL-08, PL-10/PL-09), 附注 (PL-13). */
function closingBlocks(furniture: Furniture): PreviewBlock[] {
  const blocks: PreviewBlock[] = [];
  const attachments = furniture.attachments ?? [];
  if (attachments.length) {
    blocks.push(blank());
    attachments.forEach((a, i) => {
      const text = attachments.length === 1 ? `附件：${a.title}` : `${i === 0 ? '附件：' : ''}${i + 1}.${a.title}`;
      blocks.push({ kind: 'attachment-note', html: escapeHtml(text), text, lines: paragraphLines(text, i === 0 ? 2 : 5), key: 'attachments' });
    });
  }
  const issuer = furniture.issuer ?? '';
  const date = furniture.date ? chineseDate(furniture.date) : '';
  if (issuer || date) {
    const { issuerRight, dateRight } = signatureIndents(issuer, date, furniture.sealed === true);
    blocks.push(blank());
    if (issuer) blocks.push({ kind: 'signature', html: escapeHtml(issuer), text: issuer, lines: 1, key: 'issuer', right: issuerRight });
    if (date) blocks.push({ kind: 'signature', html: escapeHtml(date), text: date, lines: 1, key: 'date', right: dateRight });
  }
  if (furniture.note) {
    const text = /^（.*）$/u.test(furniture.note) ? furniture.note : `（${furniture.note}）`;
    blocks.push({ kind: 'note', html: escapeHtml(text), text, lines: paragraphLines(text), key: 'note' });
  }
  blocks.push(...recordBlocks(furniture));
  return blocks;
}

/** 版记 (抄送, 印发机关 and 印发日期), kept at the foot of the page it ends. */
function recordBlocks(furniture: Furniture): PreviewBlock[] {
  const parts: string[] = [];
  if (furniture.copyTo?.length) parts.push(`<div class="copy-to">${escapeHtml(`抄送：${furniture.copyTo.join('，')}。`)}</div>`);
  if (furniture.printedBy || furniture.printedDate) {
    const date = furniture.printedDate ? `${chineseDate(furniture.printedDate)}印发` : '';
    parts.push(`<div class="printed"><span>${escapeHtml(furniture.printedBy ?? '')}</span><span>${escapeHtml(date)}</span></div>`);
  }
  if (!parts.length) return [];
  return [{ kind: 'record', html: parts.join(''), text: '', lines: parts.length, key: furniture.copyTo?.length ? 'copyTo' : 'printedBy' }];
}

function tableBlock(node: Table): PreviewBlock {
  const rows = node.children.map((row, r) => {
    const tag = r === 0 ? 'th' : 'td';
    return `<tr>${row.children.map((cell) => `<${tag}>${inlineHtml(cell.children)}</${tag}>`).join('')}</tr>`;
  });
  const cells = node.children.map((row) => row.children.map((cell) => plainText(cell.children)));
  const text = cells.map((row) => row.join(' ')).join('\n');
  return { kind: 'table', html: `<table>${rows.join('')}</table>`, text, lines: tableLines(node) };
}

/** Type area width in twips (A4 less the GB/T 9704 margins): 156 mm. */
const TYPE_AREA_TWIPS = 8845;

/**
 * Table text is 4号 (14 pt, 280 twips a character) in the DOCX writer's
 * column widths. A table line is single-spaced 14 pt: measured in LibreOffice's
 * render of the half-year summary's table, about 0.55 of a grid line.
 */
function tableLines(node: Table): number {
  const columns = Math.max(0, ...node.children.map((row) => row.children.length));
  const widths = columnWidths(node, columns, TYPE_AREA_TWIPS);
  const rowLines = node.children.map((row) =>
    Math.max(1, ...row.children.map((cell, c) => Math.ceil(textWidth(plainText(cell.children)) / Math.max(1, Math.floor(((widths[c] ?? 0) - 160) / 280))))),
  );
  return Math.ceil(TABLE_LINE_FACTOR * rowLines.reduce((a, b) => a + b, 0) + 0.5);
}

const TABLE_LINE_FACTOR = 0.55;

/** PL-07: a leading strong part starting with a heading number is set in that heading's font. */
function runInHtml(children: PhrasingContent[]): string | undefined {
  const first = children[0];
  if (first?.type !== 'strong') return undefined;
  const level = runInLevel(plainText(first.children));
  if (!level) return undefined;
  return `<span class="run-in run-in${level}">${inlineHtml(first.children)}</span>${inlineHtml(children.slice(1))}`;
}

export function inlineHtml(nodes: PhrasingContent[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value.replace(/\s*\n\s*/g, ''));
    case 'strong':
      return `<b>${inlineHtml(node.children)}</b>`;
    case 'emphasis':
      return inlineHtml(node.children);
    case 'delete':
      return `<s>${inlineHtml(node.children)}</s>`;
    case 'inlineCode':
      return escapeHtml(node.value);
    case 'break':
      return '<br>';
    case 'link':
      return inlineHtml(node.children);
    default:
      return 'value' in node && typeof node.value === 'string' ? escapeHtml(node.value) : 'children' in node ? inlineHtml(node.children as PhrasingContent[]) : '';
  }
}
