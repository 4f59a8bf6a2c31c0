// The preview is one more writer of the composed document: mdast + furniture
// → the blocks of an A4 page in HTML, each with the number of grid lines it
// takes under the project's width model (src/docx/width.ts), so page breaks
// fall where the DOCX puts them (28 characters a line, 22 lines a page).
import type { Paragraph, PhrasingContent, Root, RootContent, Strong, Table, List } from 'mdast';
import type { Furniture } from '../model/plan.js';
import { textWidth } from '../docx/width.js';
import { breakTitle } from '../docx/title.js';
import { chineseDate, signatureIndents } from '../docx/furniture.js';
import { isOrientationComment, isTableCaption, runInLevel } from '../docx/body.js';
import { planOrientation, type OrientationPlan } from '../docx/orientation.js';
import { DEFAULT_PROFILE } from '../docx/profile.js';
import { landscapeTypeAreaWidth } from '../docx/sections.js';
import { plainText } from '../docx/inline.js';
import { columnWidths, headerRowCount, twoLevelHeaderCells } from '../docx/table.js';

export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

export type BlockKind =
  | 'header' | 'title' | 'blank' | 'recipients' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body'
  | 'caption' | 'table-header' | 'table-row' | 'attachment-note' | 'signature' | 'note' | 'attachment-label' | 'record';

export interface PreviewBlock {
  kind: BlockKind;
  /** escaped HTML of the block's content */
  html: string;
  /** plain text, for locating the block in the source */
  text: string;
  /** grid lines the block takes (a table row takes a fraction of one) */
  lines: number;
  /** starts a new page (an attachment) */
  pageBreak?: boolean;
  /** the furniture key the block prints, when it is furniture */
  key?: keyof Furniture;
  /** right indent in characters (signature lines) */
  right?: number;
  /** on a landscape page (TB-03); its lines are counted in portrait grid lines */
  landscape?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lines of a paragraph `indent` characters in, wrapped at 28 characters. */
export function paragraphLines(text: string, indent = 2): number {
  return Math.max(1, Math.ceil((textWidth(text) + indent) / CHARS_PER_LINE));
}

/**
 * TB-03: a landscape page holds the portrait type area's width in height
 * (156 mm, about 15.3 grid lines); its blocks count as proportionally more
 * lines, so the 22-line page arithmetic of the layout holds for it too.
 */
const LANDSCAPE_SCALE = LINES_PER_PAGE / ((DEFAULT_PROFILE.page.width - DEFAULT_PROFILE.page.marginLeft - DEFAULT_PROFILE.page.marginRight) / DEFAULT_PROFILE.grid.linePitch);

export function previewBlocks(root: Root, furniture: Furniture): PreviewBlock[] {
  const writer = new BlockWriter(furniture, planOrientation(root.children, DEFAULT_PROFILE));
  root.children.forEach((node, i) => writer.block(node, root.children[i + 1]));
  return writer.finish();
}

class BlockWriter {
  private readonly out: PreviewBlock[] = [];
  private titleWritten = false;
  private closingWritten = false;
  private inAttachment = false;
  private pageBreakPending = false;
  /** TB-03: the blocks go on a landscape page */
  private landscape = false;

  constructor(
    private readonly furniture: Furniture,
    private readonly orientation: OrientationPlan,
  ) {
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
    if (this.landscape) Object.assign(block, { landscape: true, lines: block.lines * LANDSCAPE_SCALE });
    this.out.push(block);
  }

  /** TB-03: a landscape section starts and ends on a page of its own. */
  private turn(landscape: boolean): void {
    this.landscape = landscape;
    this.pageBreakPending = true;
  }

  block(node: RootContent, next?: RootContent): void {
    switch (node.type) {
      case 'heading':
        return node.depth === 1 ? this.title(plainText(node.children)) : this.heading(node.depth, node.children);
      case 'paragraph':
        return isTableCaption(node, next) ? this.caption(node, next as Table) : this.paragraph(node.children);
      case 'list':
        return this.list(node);
      case 'table':
        return this.table(node);
      case 'thematicBreak':
        this.ensureTitle();
        this.writeClosing();
        this.inAttachment = true;
        this.pageBreakPending = true;
        this.landscape = this.orientation.sidewaysAttachments.has(node);
        return;
      case 'blockquote':
        return node.children.forEach((child) => this.block(child));
      case 'html':
        // TB-03's <!-- landscape --> is an instruction to the DOCX writer, not text
        if (isOrientationComment(node.value)) return;
        return node.value.split('\n').forEach((line) => this.bodyText(line));
      case 'code':
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

  private table(node: Table): void {
    this.ensureTitle();
    const sideways = this.orientation.sideways.has(node);
    if (sideways && !this.landscape) this.turn(true);
    tableBlocks(node, sideways ? landscapeTypeAreaWidth(DEFAULT_PROFILE) : TYPE_AREA_TWIPS).forEach((block) => this.push(block));
    if (this.landscape) this.turn(false);
  }

  /** TB-01: the table's title, centred in 3号黑体 above it. */
  private caption(node: Paragraph, table: Table): void {
    this.ensureTitle();
    if (this.orientation.sideways.has(table) && !this.landscape) this.turn(true);
    const children = (node.children[0] as Strong).children;
    const text = plainText(children);
    this.push({ kind: 'caption', html: inlineHtml(children), text, lines: paragraphLines(text, 0) });
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
    // push: after a landscape table the closing starts a new page
    for (const block of closingBlocks(this.furniture)) this.push(block);
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

/**
 * A table as the DOCX writer sets it (src/docx/table.ts): its column widths,
 * 黑体 header (two levels merged), alignment. One block for the header rows and
 * one per body row, so pages break between rows (a row never splits) and the
 * header repeats on the next page.
 */
function tableBlocks(node: Table, width: number): PreviewBlock[] {
  const columns = Math.max(0, ...node.children.map((row) => row.children.length));
  const widths = columnWidths(node, columns, width);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(3)}%">`).join('')}</colgroup>`;
  const wrap = (rows: string) => `<table>${colgroup}${rows}</table>`;
  const lines = rowLines(node, widths);
  const headerRows = headerRowCount(node);
  const headerHtml = headerRows === 2 ? [0, 1].map((r) => twoLevelHeaderRow(node, r as 0 | 1)).join('') : bodyRow(node, 0, 'th');
  const blocks: PreviewBlock[] = [{ kind: 'table-header', html: wrap(headerHtml), text: rowText(node, 0, headerRows), lines: tableHeight(lines.slice(0, headerRows), HEADER_EXTRA_PT[headerRows]) }];
  for (let r = headerRows; r < node.children.length; r++) {
    blocks.push({ kind: 'table-row', html: wrap(bodyRow(node, r, 'td')), text: rowText(node, r, r + 1), lines: tableHeight([lines[r]!]) });
  }
  return blocks;
}

function cellHtml(node: Table, row: number, col: number, tag: 'th' | 'td', attributes = ''): string {
  const align = tag === 'td' ? node.align?.[col] : 'center';
  const cell = node.children[row]?.children[col];
  return `<${tag}${align ? ` class="${align}"` : ''}${attributes}>${cell ? inlineHtml(cell.children) : ''}</${tag}>`;
}

function bodyRow(node: Table, row: number, tag: 'th' | 'td'): string {
  const columns = Math.max(...node.children.map((r) => r.children.length));
  return `<tr>${Array.from({ length: columns }, (_, col) => cellHtml(node, row, col, tag)).join('')}</tr>`;
}

/** A two-level header: a group spans its columns, a single column spans both rows. */
function twoLevelHeaderRow(node: Table, row: 0 | 1): string {
  const cells = twoLevelHeaderCells(node, row).filter((cell) => cell.merge !== 'continue');
  return `<tr>${cells.map((cell) => cellHtml(node, row, cell.col, 'th', cell.span > 1 ? ` colspan="${cell.span}"` : cell.merge === 'restart' ? ' rowspan="2"' : '')).join('')}</tr>`;
}

function rowText(node: Table, from: number, to: number): string {
  return node.children.slice(from, to).map((row) => row.children.map((cell) => plainText(cell.children)).join(' ')).join('\n');
}

/** Type area width in twips (A4 less the GB/T 9704 margins): 156 mm. */
const TYPE_AREA_TWIPS = 8845;

/**
 * Table text is 4号 (14 pt, 280 twips a character) in the DOCX writer's
 * column widths, single-spaced, 1 mm above and below in each cell; the grid
 * does not apply inside a table. Measured in LibreOffice's render of
 * tests/fixtures/tables-plan.yaml and quarterly-table.yaml: a text line in a
 * cell is 15 pt, a row adds 7.3 pt, a header row of 黑体 is 0.6 pt taller,
 * a two-level header 5.2 pt taller than two body rows, and the table's top
 * border with rounding takes about 2 pt more (a page of the 60-row table in
 * tests/serve/pages.test.ts holds LibreOffice's number of rows).
 */
const TABLE_LINE_PT = 15;
const ROW_PADDING_PT = 7.3;
const HEADER_EXTRA_PT = { 1: 0.6 + 2, 2: 5.2 + 2 } as const;
const PITCH_PT = 28.95;

/** Text lines of each row: its tallest cell, wrapped at the column's width. */
function rowLines(node: Table, widths: number[]): number[] {
  return node.children.map((row) =>
    Math.max(1, ...row.children.map((cell, c) => Math.ceil(textWidth(plainText(cell.children)) / Math.max(1, Math.floor(((widths[c] ?? 0) - 160) / 280))))),
  );
}

/** Grid lines (to the hundredth) that rows of these text lines take. */
function tableHeight(rowTextLines: number[], extraPoints = 0): number {
  const points = rowTextLines.reduce((sum, lines) => sum + lines * TABLE_LINE_PT + ROW_PADDING_PT, extraPoints);
  return Math.round((points / PITCH_PT) * 100) / 100;
}

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
