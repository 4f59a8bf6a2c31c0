// Test helpers for the tracked-change 修订稿: accept or reject every revision
// the way Word does (an independent reading through a DOM, not the writer's
// own code), and read a document's paragraph texts to compare with plain renders.
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { renderSourceDocx } from '../../src/render/index.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export type Resolution = 'accept' | 'reject';

/** Run wrappers that go, and paragraph-mark / row revisions that remove their paragraph or row, per resolution. */
const GOES: Record<Resolution, string[]> = { accept: ['del', 'moveFrom'], reject: ['ins', 'moveTo'] };
const STAYS: Record<Resolution, string[]> = { accept: ['ins', 'moveTo'], reject: ['del', 'moveFrom'] };

export function documentXml(docx: Uint8Array): string {
  return strFromU8(unzipSync(docx)['word/document.xml']!);
}

export function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function elements(node: Element | Document, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name)) as Element[];
}

function children(node: Element, name?: string): Element[] {
  return Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).localName === name));
}

const isMarkOrRow = (element: Element) => ['rPr', 'trPr'].includes((element.parentNode as Element).localName ?? '');

/**
 * The document with every revision accepted or rejected: wrapped runs go or
 * are unwrapped; a paragraph whose mark goes joins the next paragraph; a row
 * that goes is removed. Returns the resolved DOM.
 */
export function resolve(xml: string, resolution: Resolution): Document {
  const doc = parse(xml);
  for (const row of elements(doc, 'tr')) {
    const trPr = children(row, 'trPr')[0];
    if (trPr && children(trPr).some((mark) => GOES[resolution].includes(mark.localName!))) row.parentNode!.removeChild(row);
  }
  for (const name of GOES[resolution]) for (const wrapper of elements(doc, name).filter((e) => !isMarkOrRow(e))) wrapper.parentNode?.removeChild(wrapper);
  for (const name of STAYS[resolution]) {
    for (const wrapper of elements(doc, name).filter((e) => !isMarkOrRow(e))) {
      while (wrapper.firstChild) wrapper.parentNode!.insertBefore(wrapper.firstChild, wrapper);
      wrapper.parentNode!.removeChild(wrapper);
    }
  }
  for (const change of elements(doc, 'pPrChange')) resolveFormatting(change, resolution);
  for (const container of [...elements(doc, 'body'), ...elements(doc, 'tc')]) joinParagraphs(container, resolution);
  for (const name of ['ins', 'del', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd']) {
    for (const left of elements(doc, name)) left.parentNode!.removeChild(left);
  }
  return doc;
}

/** A recorded paragraph-formatting change: accepting drops the record, rejecting puts the old formatting back. */
function resolveFormatting(change: Element, resolution: Resolution): void {
  const pPr = change.parentNode as Element;
  pPr.removeChild(change);
  if (resolution === 'accept') return;
  const kept = ['rPr', 'sectPr'];
  for (const item of children(pPr)) if (!kept.includes(item.localName ?? '')) pPr.removeChild(item);
  const before = children(pPr).find((item) => kept.includes(item.localName ?? '')) ?? null;
  for (const item of children(children(change, 'pPr')[0]!)) pPr.insertBefore(item, before);
}

/** Paragraphs whose mark goes hand their runs to the next paragraph of the same container. */
function joinParagraphs(container: Element, resolution: Resolution): void {
  let carried: Element[] = [];
  for (const paragraph of children(container, 'p')) {
    const pPr = children(paragraph, 'pPr')[0];
    const first = children(paragraph).find((item) => item.localName !== 'pPr') ?? null;
    for (const item of carried) paragraph.insertBefore(item, first);
    carried = [];
    const markRPr = pPr && children(pPr, 'rPr')[0];
    if (markRPr && children(markRPr).some((mark) => GOES[resolution].includes(mark.localName!))) {
      carried = children(paragraph).filter((item) => item.localName !== 'pPr');
      container.removeChild(paragraph);
    }
  }
  if (carried.length > 0) throw new Error('the last paragraph mark of a container goes: Word would keep it');
}

/** Every paragraph's text in document order (table cells included): w:t, w:delText, w:br as \n, w:tab as \t. */
export function paragraphTexts(doc: Document): string[] {
  return elements(doc, 'p').map((paragraph) => elements(paragraph, 'r').map(runText).join(''));
}

function runText(run: Element): string {
  return children(run).map((item) => {
    if (item.localName === 't' || item.localName === 'delText') return item.textContent ?? '';
    if (item.localName === 'br') return '\n';
    if (item.localName === 'tab') return '\t';
    return '';
  }).join('');
}

export function textsOf(docx: Uint8Array): string[] {
  return paragraphTexts(parse(documentXml(docx)));
}

/** Paragraph properties of the paragraphs a resolved document keeps, paragraph-mark revisions left out. */
export function paragraphProperties(doc: Document): string[] {
  const serializer = new XMLSerializer();
  return elements(doc, 'p').map((paragraph) => {
    const pPr = children(paragraph, 'pPr')[0];
    return pPr ? serializer.serializeToString(pPr as never) : '';
  });
}

export function sectionProperties(doc: Document): string[] {
  const serializer = new XMLSerializer();
  return elements(doc, 'sectPr').map((sectPr) => serializer.serializeToString(sectPr as never));
}

export function revisionCount(xml: string): Record<'ins' | 'del' | 'moveFrom' | 'moveTo', number> {
  const count = (name: string) => (xml.match(new RegExp(`<w:${name}[ >]`, 'g')) ?? []).length;
  return { ins: count('ins'), del: count('del'), moveFrom: count('moveFrom'), moveTo: count('moveTo') };
}

/** A plan or progress text rendered as `render` would, as if it were the file at `path`. */
export async function renderText(path: string, text: string): Promise<Uint8Array> {
  const result = await renderSourceDocx(path, text);
  if (!result.docx) throw new Error(`${path} does not render: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.docx;
}
