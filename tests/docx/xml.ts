// Test helpers: unzip a DOCX and read its XML as DOM, resolving inherited
// properties (docDefaults → paragraph style → direct) where a rule needs it.
import JSZip from 'jszip';
import type { Document, Element } from '@xmldom/xmldom';
import { parseXml } from '../../src/docx/check/package.js';

export { parseXml };
import { markdownToDocx } from '../../src/docx/index.js';
import type { StyleProfileOverrides } from '../../src/docx/profile.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParts {
  zip: JSZip;
  document: Document;
  styles: Document;
  settings: Document;
  text(name: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async('string');
  };
  return { zip, text, document: parseXml(await text('word/document.xml')), styles: parseXml(await text('word/styles.xml')), settings: parseXml(await text('word/settings.xml')) };
}

export async function renderMd(markdown: string, profile?: StyleProfileOverrides): Promise<DocxParts> {
  return openDocx(await markdownToDocx(markdown, { profile }));
}

export function all(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, localName)) as Element[];
}

export function child(node: Element | undefined, localName: string): Element | undefined {
  if (!node) return undefined;
  return Array.from(node.childNodes).find((n): n is Element => (n as Element).localName === localName && (n as Element).namespaceURI === W);
}

export function attr(node: Element | undefined, name: string): string | undefined {
  return node?.getAttributeNS(W, name) ?? undefined;
}

/** Body paragraphs (not inside tables), in order. */
export function bodyParagraphs(doc: Document): Element[] {
  const body = all(doc, 'body')[0]!;
  return Array.from(body.childNodes).filter((n): n is Element => (n as Element).localName === 'p');
}

export function paragraphText(p: Element): string {
  return all(p, 't').map((t) => t.textContent ?? '').join('');
}

export function findParagraph(doc: Document, predicate: (text: string) => boolean): Element {
  const p = all(doc, 'p').find((para) => predicate(paragraphText(para)));
  if (!p) throw new Error('paragraph not found');
  return p;
}

/** Runs of a paragraph that carry text. */
export function textRuns(p: Element): Element[] {
  return all(p, 'r').filter((r) => all(r, 't').length > 0);
}

export function runText(r: Element): string {
  return all(r, 't').map((t) => t.textContent ?? '').join('');
}

/**
 * A run property after resolving docDefaults → Normal → direct formatting.
 * `prop` is the child element of w:rPr, `name` its attribute.
 */
export function runProp(parts: DocxParts, run: Element, prop: string, name = 'val'): string | undefined {
  const direct = attr(child(child(run, 'rPr'), prop), name);
  if (direct !== undefined && direct !== '') return direct;
  const normal = all(parts.styles, 'style').find((s) => attr(s, 'styleId') === 'Normal');
  const fromStyle = attr(child(child(normal, 'rPr'), prop), name);
  if (fromStyle) return fromStyle;
  const defaults = all(parts.styles, 'rPrDefault')[0];
  return attr(child(child(defaults, 'rPr'), prop), name) || undefined;
}

/** A paragraph property after resolving docDefaults → Normal → direct formatting. */
export function paraProp(parts: DocxParts, p: Element, prop: string, name: string): string | undefined {
  const direct = attr(child(child(p, 'pPr'), prop), name);
  if (direct !== undefined && direct !== '') return direct;
  const normal = all(parts.styles, 'style').find((s) => attr(s, 'styleId') === 'Normal');
  const fromStyle = attr(child(child(normal, 'pPr'), prop), name);
  if (fromStyle) return fromStyle;
  const defaults = all(parts.styles, 'pPrDefault')[0];
  return attr(child(child(defaults, 'pPr'), prop), name) || undefined;
}

export function isBold(parts: DocxParts, run: Element): boolean {
  const b = child(child(run, 'rPr'), 'b');
  if (!b) return false;
  const val = attr(b, 'val');
  return !(val === 'false' || val === '0');
}
