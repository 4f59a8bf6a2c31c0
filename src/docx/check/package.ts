// Reading a finished .docx for the checks: its XML parts as text and as DOM.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type XmlParts = Record<string, string>;

export function xmlParts(docx: Uint8Array): XmlParts {
  const files = unzipSync(docx, { filter: (file) => /\.(xml|rels)$/.test(file.name) });
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export function parseXml(xml: string, name = 'part'): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`${name} does not parse: ${errors.join('; ')}`);
  return doc;
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttributeNS(W, name);
  return value === null || value === '' ? undefined : value;
}

export function childElements(node: Element): Element[] {
  return Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);
}

/** Every element of a part, depth first. */
export function* elements(node: Element): Generator<Element> {
  yield node;
  for (const child of childElements(node)) yield* elements(child);
}
