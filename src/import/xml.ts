// A linear scanner over WordprocessingML: tags and text in document order.
// Regular expressions that look for a closing tag from every opening one are
// quadratic on unclosed elements (200,000 "<w:p>" in a 2 KB file); this scanner
// reads each character once, and a malformed part simply ends its elements.

export type XmlToken =
  | { type: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

export class XmlCharError extends Error {
  constructor(readonly reference: string) {
    super(reference);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function allowedInXml(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Decodes entities and character references; a reference to a character XML forbids (beyond U+10FFFF, a surrogate, NUL) throws. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    // more than 7 digits is out of range whatever they are; parse no further
    const code = digits.replace(/^0+/, '').length > 7 ? Infinity : parseInt(digits, hex ? 16 : 10);
    if (!allowedInXml(code)) throw new XmlCharError(whole);
    return String.fromCodePoint(code);
  });
}

/** Attribute value by local or prefixed name: attr('w:val="3" w:x="1"', 'w:val') → "3". */
export function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(`${name}="`);
  if (at < 0 || (at > 0 && !/\s/.test(attrs[at - 1]!))) return undefined;
  const start = at + name.length + 2;
  const end = attrs.indexOf('"', start);
  return end < 0 ? undefined : decodeXmlText(attrs.slice(start, end));
}

export function* scanXml(xml: string): Generator<XmlToken> {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      yield { type: 'text', text: xml.slice(at) };
      return;
    }
    if (lt > at) yield { type: 'text', text: xml.slice(at, lt) };
    if (xml.startsWith('<!--', lt) || xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
      at = end < 0 ? xml.length : end + (xml.startsWith('<!--', lt) ? 3 : 1);
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    const inner = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (inner.startsWith('/')) {
      yield { type: 'close', name: inner.slice(1).trim() };
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    yield { type: 'open', name, attrs: space < 0 ? '' : body.slice(space + 1), selfClosing };
  }
}
