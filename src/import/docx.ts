// Reads the paragraphs and tables of a .docx (word/document.xml) in order, with
// what a reader sees but the text does not say: Word list numbers
// (numbering.xml), heading styles and outline levels, bold run-in heads, the
// 黑体/楷体 of unnumbered headings, text boxes and footnotes.
import JSZip from 'jszip';
import type { InputBlock, MergeMark } from './blocks.js';
import { ImportError } from './errors.js';
import { parseHeadingLine } from './structure.js';
import { readNumbering, type ListNumbers } from './docx-numbering.js';
import { readStyles, type StyleInfo } from './docx-styles.js';
import { attr, decodeXmlText, scanXml, XmlCharError, type XmlToken } from './xml.js';

export class DocxReadError extends ImportError {}

/** document.xml larger than this (uncompressed) is not a plan: a 300-page plan is ~3 MB of XML. */
const MAX_PART_CHARS = 40 * 1024 * 1024;

interface Run {
  text: string;
  bold: boolean;
  font?: string;
}

interface ParagraphState {
  runs: Run[];
  style?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
  /** w:jc: a centred line (a 题注, a speaker line) is no heading, whatever its font */
  centred?: boolean;
  footnotes: string[];
  /** where the paragraph goes in the output, reserved when it opens (text boxes close first) */
  slot: number;
}

interface CellState {
  text: string;
  span: number;
  /** w:vMerge: this cell continues the one above */
  continues: boolean;
}

interface TableState {
  rows: CellState[][];
  /** leading rows marked w:tblHeader */
  headerRows: number;
  slot: number;
}

/** Elements whose content a reader never sees: deleted text, field codes, the VML copy of a text box. */
const HIDDEN = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:fldData']);

export interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
}

async function readParts(bytes: Uint8Array): Promise<DocxParts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxReadError('这个文件不是有效的 .docx（Word 2007 及以后的格式）');
  }
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) return undefined;
    // the uncompressed size is in the zip directory; refuse before inflating a bomb
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_PART_CHARS) throw new DocxReadError(`这个 .docx 的 ${name} 解压后有 ${(size / 1024 / 1024).toFixed(0)} MB，远超一份计划或总结的大小，没有导入`);
    try {
      return await file.async('string');
    } catch {
      throw new DocxReadError(`这个 .docx 已损坏（${name} 无法解压）`);
    }
  };
  const document = await part('word/document.xml');
  if (!document) throw new DocxReadError('这个 .docx 里没有正文（缺少 word/document.xml）');
  return { document, styles: await part('word/styles.xml'), numbering: await part('word/numbering.xml'), footnotes: await part('word/footnotes.xml') };
}

/** Blocks of a .docx; `line` is the 1-based paragraph number. */
export async function docxToBlocks(bytes: Uint8Array): Promise<InputBlock[]> {
  return partsToBlocks(await readParts(bytes));
}

export function partsToBlocks(parts: DocxParts): InputBlock[] {
  try {
    const styles = readStyles(parts.styles);
    const numbers = readNumbering(parts.numbering);
    const footnotes = readFootnotes(parts.footnotes);
    return new BodyReader(styles, numbers, footnotes).read(parts.document);
  } catch (error) {
    if (error instanceof XmlCharError) throw new DocxReadError(`这个 .docx 的内容里有无效的字符引用“${error.reference}”（XML 不允许的字符），文件已损坏或不是 Word 保存的`);
    throw error;
  }
}

function readFootnotes(xml: string | undefined): Map<string, string> {
  const notes = new Map<string, string>();
  if (!xml) return notes;
  let id: string | undefined;
  let text = '';
  let hidden = 0;
  for (const token of scanXml(xml)) {
    if (token.type === 'open' && token.name === 'w:footnote') {
      id = attr(token.attrs, 'w:id');
      text = '';
    } else if (token.type === 'close' && token.name === 'w:footnote') {
      if (id !== undefined && text.trim()) notes.set(id, text.trim());
      id = undefined;
    } else if (token.type === 'open' && HIDDEN.has(token.name) && !token.selfClosing) hidden++;
    else if (token.type === 'close' && HIDDEN.has(token.name)) hidden = Math.max(0, hidden - 1);
    else if (token.type === 'text' && id !== undefined && !hidden) text += decodeXmlText(token.text);
  }
  // text between tags outside w:t is whitespace in Word's output
  for (const [key, value] of notes) notes.set(key, value.replace(/\s+/g, (s) => (/\n/.test(s) ? '' : s)));
  return notes;
}

class BodyReader {
  private slots: Array<InputBlock | undefined> = [];
  private paragraphs: ParagraphState[] = [];
  private tables: TableState[] = [];
  private run: Run | undefined;
  private inText = false;
  private inParagraphProps = 0;
  private inRunProps = false;
  private hidden = 0;

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    private readonly numbers: ListNumbers,
    private readonly footnotes: Map<string, string>,
  ) {}

  read(xml: string): InputBlock[] {
    for (const token of scanXml(xml)) this.take(token);
    // a malformed part ends its open elements where the file ends
    while (this.paragraphs.length) this.closeParagraph();
    while (this.tables.length) this.closeTable();
    const blocks: InputBlock[] = [];
    let line = 0;
    for (const block of this.slots) {
      line++;
      if (block) blocks.push({ ...block, line });
    }
    return withTitleLevel(withoutCaptionHeadings(blocks));
  }

  private take(token: XmlToken): void {
    if (token.type === 'text') {
      if (this.inText && !this.hidden && this.run) this.run.text += decodeXmlText(token.text);
      return;
    }
    if (HIDDEN.has(token.name)) {
      if (token.type === 'open' && !token.selfClosing) this.hidden++;
      else if (token.type === 'close') this.hidden = Math.max(0, this.hidden - 1);
      return;
    }
    if (token.type === 'close') this.close(token.name);
    else this.open(token.name, token.attrs, token.selfClosing);
  }

  private get paragraph(): ParagraphState | undefined {
    return this.paragraphs[this.paragraphs.length - 1];
  }

  private open(name: string, attrs: string, selfClosing: boolean): void {
    const p = this.paragraph;
    switch (name) {
      case 'w:p':
        this.paragraphs.push({ runs: [], footnotes: [], slot: this.tables.length ? -1 : this.slots.push(undefined) - 1 });
        if (selfClosing) this.closeParagraph();
        return;
      case 'w:tbl':
        if (!selfClosing) this.tables.push({ rows: [], headerRows: 0, slot: this.tables.length ? -1 : this.slots.push(undefined) - 1 });
        return;
      case 'w:tr':
        this.table?.rows.push([]);
        return;
      case 'w:tc':
        this.table?.rows.at(-1)?.push({ text: '', span: 1, continues: false });
        return;
      case 'w:gridSpan':
      case 'w:vMerge':
      case 'w:tblHeader':
        return this.tableProperty(name, attr(attrs, 'w:val'));
      case 'w:pPr':
        if (!selfClosing) this.inParagraphProps++;
        return;
      case 'w:r':
        if (p && !selfClosing) p.runs.push((this.run = { text: '', bold: false }));
        return;
      case 'w:rPr':
        this.inRunProps = !selfClosing && !this.inParagraphProps;
        return;
      case 'w:t':
        this.inText = !selfClosing;
        return;
    }
    if (!p) return;
    if (this.inParagraphProps && !this.inRunProps) this.paragraphProperty(p, name, attrs);
    else if (this.inRunProps && this.run) this.runProperty(this.run, name, attrs);
    else if (this.run && !this.hidden) this.runContent(p, this.run, name, attrs);
  }

  private get table(): TableState | undefined {
    return this.tables[this.tables.length - 1];
  }

  /** Merged cells (gridSpan across, vMerge down) and header rows repeated on each page. */
  private tableProperty(name: string, value: string | undefined): void {
    const table = this.table;
    const row = table?.rows.at(-1);
    const cell = row?.at(-1);
    if (name === 'w:tblHeader' && table && row && table.headerRows === table.rows.length - 1 && !/^(0|false|off)$/i.test(value ?? '')) table.headerRows++;
    else if (name === 'w:gridSpan' && cell) cell.span = Math.min(Math.max(Number(value) || 1, 1), 64);
    else if (name === 'w:vMerge' && cell) cell.continues = value === undefined || value === 'continue';
  }

  private paragraphProperty(p: ParagraphState, name: string, attrs: string): void {
    const value = attr(attrs, 'w:val');
    if (name === 'w:pStyle') p.style = value;
    else if (name === 'w:outlineLvl' && value !== undefined) p.outline = Number(value);
    else if (name === 'w:numId') p.numId = value;
    else if (name === 'w:ilvl' && value !== undefined) p.ilvl = Number(value);
    else if (name === 'w:jc') p.centred = value === 'center';
  }

  private runProperty(run: Run, name: string, attrs: string): void {
    const value = attr(attrs, 'w:val');
    if (name === 'w:b') run.bold = value === undefined || !/^(0|false|off)$/i.test(value);
    else if (name === 'w:rFonts') run.font = attr(attrs, 'w:eastAsia') ?? attr(attrs, 'w:ascii') ?? run.font;
  }

  private runContent(p: ParagraphState, run: Run, name: string, attrs: string): void {
    if (name === 'w:tab') run.text += ' ';
    else if (name === 'w:br' || name === 'w:cr') run.text += '\n';
    else if (name === 'w:footnoteReference') {
      const note = this.footnotes.get(attr(attrs, 'w:id') ?? '');
      if (note) p.footnotes.push(note);
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'w:p':
        if (this.paragraphs.length) this.closeParagraph();
        return;
      case 'w:tbl':
        if (this.tables.length) this.closeTable();
        return;
      case 'w:pPr':
        this.inParagraphProps = Math.max(0, this.inParagraphProps - 1);
        return;
      case 'w:rPr':
        this.inRunProps = false;
        return;
      case 'w:r':
        this.run = undefined;
        return;
      case 'w:t':
        this.inText = false;
        return;
    }
  }

  private closeParagraph(): void {
    const p = this.paragraphs.pop()!;
    this.run = this.paragraph?.runs.at(-1);
    const block = this.paragraphBlock(p);
    const cell = this.table?.rows.at(-1)?.at(-1);
    if (this.table) {
      // paragraphs of a cell stay lines of the cell
      if (cell && block) cell.text += cell.text ? `\n${block.text}` : block.text;
      return;
    }
    if (block) this.slots[p.slot] = block;
    // footnotes follow the paragraph that cites them, as "注：" paragraphs
    for (const note of p.footnotes) this.slots.push({ kind: 'para', text: `注：${note}`, line: 0, footnote: true });
  }

  private closeTable(): void {
    const table = this.tables.pop()!;
    const cell = this.table?.rows.at(-1)?.at(-1);
    if (this.table) {
      // a table inside a cell: its text joins the cell
      if (cell) cell.text += table.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
      return;
    }
    this.slots[table.slot] = { ...gridOf(table.rows), line: 0, ...(table.headerRows ? { headerRows: table.headerRows } : {}), source: 'docx' };
  }

  private paragraphBlock(p: ParagraphState): Extract<InputBlock, { kind: 'para' }> | undefined {
    const style = p.style ? this.styles.get(p.style) : undefined;
    const runs = p.runs.map((run) => ({ ...run, bold: run.bold || Boolean(style?.bold), font: run.font ?? style?.font }));
    const typed = joinBrokenLines(runs.map((r) => r.text).join('')).replace(/[\u00a0\u3000]/g, ' ');
    const numId = p.numId ?? style?.numId;
    const listNumber = numId && numId !== '0' ? this.numbers.next(numId, p.ilvl ?? style?.ilvl ?? 0) : undefined;
    const text = `${listNumber?.text ?? ''}${typed.trim()}`.trim();
    if (!typed.trim()) return undefined;
    const outline = p.outline ?? style?.outline;
    const marks = emphasis(runs);
    const byFont = listNumber?.text || p.centred || parseHeadingLine(text) ? undefined : fontHeadingLevel(text, marks.font);
    const headingLevel = style?.headingLevel ?? (outline !== undefined && outline < 9 ? outline + 1 : byFont);
    return {
      kind: 'para', text, line: 0,
      ...(headingLevel === undefined ? {} : { headingLevel: Math.min(headingLevel, 4) }),
      ...(listNumber?.bullet ? { list: true } : {}),
      ...(listNumber?.text ? { wordNumber: listNumber.text } : {}),
      ...marks,
      ...(byFont !== undefined && headingLevel === byFont && style?.headingLevel === undefined && outline === undefined ? { guessedHeading: true } : {}),
    };
  }
}

/** Cells → grid slots: a cell spanning n grid columns fills n slots, the ones it covers marked. */
function gridOf(rows: CellState[][]): { kind: 'table'; rows: string[][]; merged: MergeMark[][] } {
  const grid: string[][] = [];
  const merged: MergeMark[][] = [];
  for (const row of rows) {
    const texts: string[] = [];
    const marks: MergeMark[] = [];
    for (const cell of row) {
      texts.push(cell.continues ? '' : cell.text);
      marks.push(cell.continues ? 'up' : undefined);
      for (let k = 1; k < cell.span; k++) {
        texts.push('');
        marks.push(cell.continues ? 'up' : 'left');
      }
    }
    grid.push(texts);
    merged.push(marks);
  }
  return { kind: 'table', rows: grid, merged };
}

/**
 * Word writers (plandoc among them) give the title outline level 0 like the
 * 一、 headings, so the navigation pane shows it: a first paragraph at level 1
 * without a number is the title.
 */
function withTitleLevel(blocks: InputBlock[]): InputBlock[] {
  const first = blocks[0];
  if (first?.kind !== 'para' || first.headingLevel !== 1 || first.wordNumber || parseHeadingLine(first.text)) return blocks;
  return [{ ...first, headingLevel: 0 }, ...blocks.slice(1)];
}

/** A short 黑体 line right above a table is its caption (表题), not a heading. */
function withoutCaptionHeadings(blocks: InputBlock[]): InputBlock[] {
  return blocks.map((block, i) => {
    if (block.kind !== 'para' || !block.guessedHeading || blocks[i + 1]?.kind !== 'table') return block;
    const { headingLevel: _level, guessedHeading: _guessed, ...caption } = block;
    return caption;
  });
}

/** GB/T 9704 sets level-1 headings in 黑体 and level-2 in 楷体: a short unnumbered line in one of them is a heading. */
function fontHeadingLevel(text: string, font: string | undefined): number | undefined {
  if (!font || text.length > 30 || /[。；，,;]/.test(text)) return undefined;
  if (/黑体|SimHei|Hei/i.test(font)) return 1;
  if (/楷体|KaiTi|Kai/i.test(font)) return 2;
  return undefined;
}

/** Bold leading runs ("一是加强领导。" in bold, then plain text) and one East-Asian font over the whole paragraph. */
function emphasis(runs: Run[]): { boldLead?: string; font?: string } {
  const visible = runs.filter((r) => r.text.trim());
  if (!visible.length) return {};
  let lead = '';
  for (const run of visible) {
    if (!run.bold) break;
    lead += run.text;
  }
  const fonts = new Set(visible.map((r) => r.font ?? ''));
  const font = fonts.size === 1 ? [...fonts][0] : undefined;
  return { ...(lead.trim() ? { boldLead: lead.trim() } : {}), ...(font ? { font } : {}) };
}

/** A title broken over lines (PL-01) joins without a blank between Chinese characters. */
function joinBrokenLines(text: string): string {
  return text.replace(/\s*\n\s*/g, (gap, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + gap.length] ?? '';
    return /[^\x00-\x7f]/.test(before) && /[^\x00-\x7f]/.test(after) ? '' : ' ';
  });
}
