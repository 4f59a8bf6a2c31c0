// The body of a rendered document as blocks the revision merge aligns:
// paragraphs (their text as atoms that remember their run properties) and
// tables (rows of cells of blocks).
import { attribute, child, source, type XmlElement } from './xml.js';

/** One character of a paragraph, with the run it came from. */
export interface Atom {
  /** the character as text: itself, '\n' for w:br, '\t' for w:tab, U+FFFC for anything else in a run */
  char: string;
  /** the run's w:rPr source ('' when it has none) */
  rPr: string;
  /** the run child's source when it is not character data (w:br, w:tab…) */
  xml?: string;
}

export interface ParagraphBlock {
  kind: 'p';
  /** the whole paragraph's source, written as is when it did not change */
  xml: string;
  /** the w:pPr source ('' when there is none) */
  pPr: string;
  atoms: Atom[];
  /** paragraph children that are not runs (bookmarks…), by the atom offset they stand at */
  extras: Array<{ offset: number; xml: string }>;
  text: string;
  /** what aligns it with its counterpart: style and text without a leading heading number */
  key: string;
}

export interface CellBlock {
  /** the w:tcPr source */
  tcPr: string;
  blocks: Block[];
}

export interface RowBlock {
  xml: string;
  /** the w:tr start tag */
  open: string;
  trPr: string;
  cells: CellBlock[];
  text: string;
}

export interface TableBlock {
  kind: 'tbl';
  xml: string;
  /** w:tbl start tag, w:tblPr and w:tblGrid: everything before the rows */
  head: string;
  rows: RowBlock[];
  text: string;
  key: string;
}

export type Block = ParagraphBlock | TableBlock;

/** 一、 （一） 1. （1）: derived numbers, which change when something is inserted above. */
const LEADING_NUMBER = /^(?:[一二三四五六七八九十百零]+、|（[一二三四五六七八九十百零]+）|\d+[.．]|（\d+）)/;

export function withoutNumber(text: string): string {
  return text.replace(LEADING_NUMBER, '');
}

/** The block-level children of w:body or w:tc, in order (w:sectPr and other elements are left out). */
export function readBlocks(xml: string, container: XmlElement): Block[] {
  const blocks: Block[] = [];
  for (const item of container.children) {
    if (item.name === 'w:p') blocks.push(readParagraph(xml, item));
    else if (item.name === 'w:tbl') blocks.push(readTable(xml, item));
  }
  return blocks;
}

function readParagraph(xml: string, paragraph: XmlElement): ParagraphBlock {
  const pPrElement = child(paragraph, 'w:pPr');
  const atoms: Atom[] = [];
  const extras: ParagraphBlock['extras'] = [];
  const visit = (parent: XmlElement) => {
    for (const item of parent.children) {
      if (item.name === 'w:pPr') continue;
      if (item.name === 'w:r') atoms.push(...runAtoms(xml, item));
      else if (item.children.some((inner) => inner.name === 'w:r')) visit(item); // a hyperlink's runs: kept, its link is not
      else extras.push({ offset: atoms.length, xml: source(xml, item) });
    }
  };
  visit(paragraph);
  const text = atoms.map((atom) => atom.char).join('');
  const style = pPrElement && child(pPrElement, 'w:pStyle');
  return {
    kind: 'p', xml: source(xml, paragraph), pPr: pPrElement ? source(xml, pPrElement) : '',
    atoms, extras, text, key: `${(style && attribute(style, 'w:val')) ?? ''}\u0000${withoutNumber(text)}`,
  };
}

function runAtoms(xml: string, run: XmlElement): Atom[] {
  const rPrElement = child(run, 'w:rPr');
  const rPr = rPrElement ? source(xml, rPrElement) : '';
  const atoms: Atom[] = [];
  for (const item of run.children) {
    if (item.name === 'w:rPr') continue;
    if (item.name === 'w:t') for (const char of item.text) atoms.push({ char, rPr });
    else atoms.push({ char: item.name === 'w:br' ? '\n' : item.name === 'w:tab' ? '\t' : '\uFFFC', rPr, xml: source(xml, item) });
  }
  return atoms;
}

function readTable(xml: string, table: XmlElement): TableBlock {
  const rows = table.children.filter((item) => item.name === 'w:tr').map((row) => readRow(xml, row));
  const firstRow = table.children.find((item) => item.name === 'w:tr');
  const headEnd = firstRow ? firstRow.start : xml.lastIndexOf('</w:tbl>', table.end);
  const text = rows.map((row) => row.text).join('\n');
  return { kind: 'tbl', xml: source(xml, table), head: xml.slice(table.start, headEnd), rows, text, key: `\u0001${text}` };
}

function readRow(xml: string, row: XmlElement): RowBlock {
  const trPr = child(row, 'w:trPr');
  const cells = row.children.filter((item) => item.name === 'w:tc').map((cell) => {
    const tcPr = child(cell, 'w:tcPr');
    return { tcPr: tcPr ? source(xml, tcPr) : '', blocks: readBlocks(xml, cell) };
  });
  const open = xml.slice(row.start, xml.indexOf('>', row.start) + 1);
  const text = cells.map((cell) => cell.blocks.map((block) => block.text).join('\n')).join('\t');
  return { xml: source(xml, row), open, trPr: trPr ? source(xml, trPr) : '', cells, text };
}
