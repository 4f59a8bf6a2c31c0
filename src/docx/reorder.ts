// Puts the children of every element of an XML part into the order its schema
// declares (src/docx/schema-order.ts). The docx library writes some properties
// out of order (w:autoSpaceDN after w:jc, for one); sorting the finished part
// fixes every such case at once, whichever option asked for the property.
// A small tag scanner instead of a DOM, fast enough to run on every render:
// the parts are the library's and plandoc's own serialisation (no comments,
// no CDATA, no DTD, ">" escaped in attribute values), and only the elements
// that were out of order are rewritten.
import { ANY, CONTENT_MODELS, RANKS } from './schema-order.js';

interface Span {
  name: string;
  start: number;
  end: number;
}

interface Frame extends Span {
  /** name → rank, for elements that have a content model */
  ranks: ReadonlyMap<string, number> | undefined;
  children: Span[];
  lastRank: number;
  outOfOrder: boolean;
}

/** A rewritten element: its text replaces xml[start, end). */
interface Replacement {
  start: number;
  end: number;
  text: string;
}

export function reorderXml(xml: string): string {
  const stack: Frame[] = [];
  const replacements: Replacement[] = [];
  for (let open = xml.indexOf('<'); open >= 0; open = xml.indexOf('<', open + 1)) {
    const close = xml.indexOf('>', open);
    if (close < 0) return xml;
    const second = xml.charCodeAt(open + 1);
    if (second === 63 /* ? */ || second === 33 /* ! */) continue;
    const end = close + 1;
    if (second === 47 /* / */) {
      const frame = stack.pop();
      if (!frame || xml.slice(open + 2, close).trim() !== frame.name) return xml; // not well formed: leave it
      frame.end = end;
      if (frame.outOfOrder) closeElement(xml, frame, replacements);
      addChild(stack.at(-1), frame);
      continue;
    }
    const name = tagName(xml, open + 1, close);
    if (xml.charCodeAt(close - 1) === 47 /* / */) addChild(stack.at(-1), { name, start: open, end });
    else stack.push({ name, start: open, end, ranks: modelRanks(name), children: [], lastRank: -1, outOfOrder: false });
  }
  return stack.length === 0 ? applyReplacements(xml, replacements, 0, xml.length) : xml;
}

function tagName(xml: string, from: number, close: number): string {
  let to = from;
  while (to < close) {
    const code = xml.charCodeAt(to);
    if (code === 32 || code === 47 || code === 9 || code === 10 || code === 13) break;
    to++;
  }
  return xml.slice(from, to);
}

function modelRanks(name: string): ReadonlyMap<string, number> | undefined {
  return CONTENT_MODELS[name]?.unordered ? undefined : RANKS.get(name);
}

/** Children are kept only where a content model can put them in order. */
function addChild(parent: Frame | undefined, child: Span): void {
  if (!parent?.ranks) return;
  parent.children.push(child);
  const rank = parent.ranks.get(child.name) ?? parent.ranks.get(ANY) ?? Number.MAX_SAFE_INTEGER;
  if (rank < parent.lastRank) parent.outOfOrder = true;
  else parent.lastRank = rank;
}

function closeElement(xml: string, frame: Frame, replacements: Replacement[]): void {
  const order = sortedChildren(frame);
  const first = frame.children[0]!.start;
  const last = frame.children.at(-1)!.end;
  if (hasText(xml, frame.children)) return;
  const childTexts = order.map((child) => applyReplacements(xml, replacements, child.start, child.end));
  // the rewritten children now hold every replacement made inside this element
  while (replacements.length > 0 && replacements.at(-1)!.start >= first) replacements.pop();
  replacements.push({ start: first, end: last, text: childTexts.join('') });
}

/** The children in schema order (a stable sort by rank). */
function sortedChildren(frame: Frame): Span[] {
  const rank = (child: Span) => frame.ranks!.get(child.name) ?? frame.ranks!.get(ANY) ?? Number.MAX_SAFE_INTEGER;
  return frame.children.map((child, index) => ({ child, index, rank: rank(child) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ child }) => child);
}

/** Text between the children (other than white space) cannot move with them. */
function hasText(xml: string, children: Span[]): boolean {
  return children.some((child, i) => i > 0 && xml.slice(children[i - 1]!.end, child.start).trim() !== '');
}

/** xml[start, end) with the replacements inside it applied (they are disjoint and in document order). */
function applyReplacements(xml: string, replacements: Replacement[], start: number, end: number): string {
  let out = '';
  let position = start;
  for (const replacement of replacements) {
    if (replacement.start < start || replacement.end > end) continue;
    out += xml.slice(position, replacement.start) + replacement.text;
    position = replacement.end;
  }
  return out + xml.slice(position, end);
}
