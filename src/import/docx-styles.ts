// What a paragraph style in word/styles.xml says about its paragraphs: heading
// level (by name or outline level), list numbering, bold and East-Asian font,
// with w:basedOn inherited.
import { attr, scanXml } from './xml.js';

export interface StyleInfo {
  /** 0 = title, 1–9 = heading level */
  headingLevel?: number;
  outline?: number;
  numId?: string;
  ilvl?: number;
  bold?: boolean;
  font?: string;
}

interface RawStyle extends StyleInfo {
  basedOn?: string;
  name?: string;
}

const MAX_INHERITANCE = 16;

/** Word's built-in names ("heading 1", "Title") survive renaming of the style id ("1", "a3") in Chinese Word. */
function levelFromName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  if (/^title$|^标题$/i.test(name.trim())) return 0;
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

export function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const raw = new Map<string, RawStyle>();
  if (!xml) return raw;
  let current: RawStyle | undefined;
  let inRunProps = false;
  for (const token of scanXml(xml)) {
    if (token.type === 'text') continue;
    if (token.type === 'close') {
      if (token.name === 'w:style') current = undefined;
      if (token.name === 'w:rPr') inRunProps = false;
      continue;
    }
    const value = attr(token.attrs, 'w:val');
    if (token.name === 'w:style') {
      const id = attr(token.attrs, 'w:styleId');
      current = attr(token.attrs, 'w:type') === 'paragraph' && id ? {} : undefined;
      if (current && id) raw.set(id, current);
    } else if (!current) continue;
    else if (token.name === 'w:rPr') inRunProps = !token.selfClosing;
    else if (token.name === 'w:name') current.name = value;
    else if (token.name === 'w:basedOn') current.basedOn = value;
    else if (token.name === 'w:outlineLvl' && value !== undefined) current.outline = Number(value);
    else if (token.name === 'w:numId') current.numId = value;
    else if (token.name === 'w:ilvl' && value !== undefined) current.ilvl = Number(value);
    else if (token.name === 'w:b' && inRunProps) current.bold = value === undefined || !/^(0|false|off)$/i.test(value);
    else if (token.name === 'w:rFonts' && inRunProps) current.font = attr(token.attrs, 'w:eastAsia') ?? attr(token.attrs, 'w:ascii');
  }
  const resolved = new Map<string, StyleInfo>();
  for (const id of raw.keys()) resolved.set(id, resolve(raw, id));
  return resolved;
}

function resolve(raw: Map<string, RawStyle>, id: string): StyleInfo {
  const chain: RawStyle[] = [];
  for (let at: string | undefined = id, depth = 0; at && depth < MAX_INHERITANCE; depth++) {
    const style = raw.get(at);
    if (!style || chain.includes(style)) break;
    chain.push(style);
    at = style.basedOn;
  }
  const info: StyleInfo = {};
  for (const style of chain.reverse()) {
    for (const key of ['outline', 'numId', 'ilvl', 'bold', 'font'] as const) if (style[key] !== undefined) Object.assign(info, { [key]: style[key] });
  }
  const own = raw.get(id)!;
  const byName = levelFromName(own.name) ?? levelFromName(id);
  const level = byName ?? (info.outline !== undefined && info.outline < 9 ? info.outline + 1 : undefined);
  if (level !== undefined) info.headingLevel = level;
  return info;
}
