// A small element tree over a WordprocessingML part that plandoc itself wrote
// (no comments, no CDATA, no DTD): enough to take the body apart into
// paragraphs, runs and tables and to copy untouched elements byte for byte.

export interface XmlElement {
  name: string;
  /** the raw attribute text of the start tag, '' or starting with a space */
  attributes: string;
  children: XmlElement[];
  /** decoded character data directly inside the element (w:t, w:delText) */
  text: string;
  /** the element's source, xml[start, end) */
  start: number;
  end: number;
}

export class XmlShapeError extends Error {}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: '', children: [], text: '', start: 0, end: xml.length };
  const stack: XmlElement[] = [root];
  let position = 0;
  for (let open = xml.indexOf('<'); open >= 0; open = xml.indexOf('<', position)) {
    const close = xml.indexOf('>', open);
    if (close < 0) throw new XmlShapeError('unterminated tag');
    stack.at(-1)!.text += decodeText(xml.slice(position, open));
    position = close + 1;
    const second = xml.charCodeAt(open + 1);
    if (second === 63 /* ? */ || second === 33 /* ! */) continue;
    if (second === 47 /* / */) {
      const element = stack.pop();
      if (!element || stack.length === 0 || xml.slice(open + 2, close).trim() !== element.name) throw new XmlShapeError('mismatched end tag');
      element.end = position;
      continue;
    }
    const selfClosing = xml.charCodeAt(close - 1) === 47;
    const inner = xml.slice(open + 1, selfClosing ? close - 1 : close);
    const nameEnd = inner.search(/[\s/]|$/);
    const element: XmlElement = { name: inner.slice(0, nameEnd), attributes: inner.slice(nameEnd).trimEnd(), children: [], text: '', start: open, end: position };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new XmlShapeError('unclosed element');
  return root;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((item) => item.name === name);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element.attributes);
  return match ? decodeText(match[1]!) : undefined;
}

export function source(xml: string, element: XmlElement): string {
  return xml.slice(element.start, element.end);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
