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

/** The paragraph style chain of a paragraph: its w:pStyle (Normal by default), then each basedOn. */
export function styleChain(parts: DocxParts, p: Element | undefined): Element[] {
  const styles = all(parts.styles, 'style');
  const byId = (id: string | undefined) => styles.find((s) => attr(s, 'type') === 'paragraph' && attr(s, 'styleId') === id);
  const chain: Element[] = [];
  let style = byId(attr(child(child(p, 'pPr'), 'pStyle'), 'val') ?? 'Normal') ?? byId('Normal');
  while (style && !chain.includes(style)) {
    chain.push(style);
    style = byId(attr(child(style, 'basedOn'), 'val'));
  }
  return chain;
}

function paragraphOf(run: Element): Element | undefined {
  let node = run.parentNode as Element | null;
  while (node && node.localName !== 'p') node = node.parentNode as Element | null;
  return node ?? undefined;
}

/** The first value of `prop`/`name` in the property containers, nearest first. */
function resolve(containers: Array<Element | undefined>, prop: string, name: string): string | undefined {
  for (const container of containers) {
    const value = attr(child(container, prop), name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * A run property after resolving docDefaults → paragraph style chain → direct formatting.
 * `prop` is the child element of w:rPr, `name` its attribute.
 */
export function runProp(parts: DocxParts, run: Element, prop: string, name = 'val'): string | undefined {
  const styles = styleChain(parts, paragraphOf(run)).map((s) => child(s, 'rPr'));
  return resolve([child(run, 'rPr'), ...styles, child(all(parts.styles, 'rPrDefault')[0], 'rPr')], prop, name);
}

/** A paragraph property after resolving docDefaults → paragraph style chain → direct formatting. */
export function paraProp(parts: DocxParts, p: Element, prop: string, name: string): string | undefined {
  const styles = styleChain(parts, p).map((s) => child(s, 'pPr'));
  return resolve([child(p, 'pPr'), ...styles, child(all(parts.styles, 'pPrDefault')[0], 'pPr')], prop, name);
}

export function isBold(parts: DocxParts, run: Element): boolean {
  const containers = [child(run, 'rPr'), ...styleChain(parts, paragraphOf(run)).map((s) => child(s, 'rPr'))];
  const b = containers.map((c) => child(c, 'b')).find(Boolean);
  if (!b) return false;
  const val = attr(b, 'val');
  return !(val === 'false' || val === '0');
}
