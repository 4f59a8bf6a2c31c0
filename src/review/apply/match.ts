// Pairs the paragraphs of the edited document with those of the original
// rendering: by anchor first; a paragraph whose anchor was lost (retyped,
// pasted, an editor that drops bookmarks) by identical text, then by similar
// text, in both cases only between its neighbours' partners so the order
// stays consistent. Whatever is left is inserted (edited side) or deleted
// (original side).
import { similarity } from '../../diff/text.js';
import type { DocxParagraph } from './read-docx.js';
import { paragraphPath } from './read-docx.js';
import type { PlanPath } from '../anchors.js';

export interface BodyParagraph {
  /** position among the body paragraphs (tables and empty paragraphs left out) */
  index: number;
  text: string;
  anchor?: { name: string; path: PlanPath };
  /** further anchors in the same paragraph: the leader joined paragraphs */
  joined: string[];
  comments: string[];
}

export interface Pairing {
  /** edited index → original index */
  partner: Map<number, number>;
  /** edited indices paired without their anchor, by text */
  byText: Set<number>;
}

/** Similar enough to be the same paragraph edited. */
const SAME_PARAGRAPH = 0.5;

export function bodyParagraphs(paragraphs: readonly DocxParagraph[]): BodyParagraph[] {
  return paragraphs
    .filter((p) => !p.inTable && p.text.trim() !== '')
    .map((p, index) => {
      const anchor = paragraphPath(p);
      return { index, text: p.text, anchor, joined: p.anchors.filter((name) => name !== anchor?.name), comments: p.comments };
    });
}

export function pairParagraphs(original: readonly BodyParagraph[], edited: readonly BodyParagraph[]): Pairing {
  const pairing: Pairing = { partner: new Map(), byText: new Set() };
  const byName = new Map(original.flatMap((p) => (p.anchor ? [[p.anchor.name, p.index] as const] : [])));
  const taken = new Set<number>();
  for (const paragraph of edited) {
    const at = paragraph.anchor ? byName.get(paragraph.anchor.name) : undefined;
    if (at === undefined || taken.has(at)) continue;
    pairing.partner.set(paragraph.index, at);
    taken.add(at);
  }
  pairUnanchored(original, edited, pairing, taken, (a, b) => a === b);
  pairUnanchored(original, edited, pairing, taken, (a, b) => similarity(a, b) >= SAME_PARAGRAPH);
  return pairing;
}

function pairUnanchored(original: readonly BodyParagraph[], edited: readonly BodyParagraph[], pairing: Pairing, taken: Set<number>, same: (a: string, b: string) => boolean): void {
  for (const paragraph of edited) {
    if (pairing.partner.has(paragraph.index)) continue;
    const [low, high] = window(paragraph.index, edited.length, original.length, pairing.partner);
    for (let o = low + 1; o < high; o++) {
      if (taken.has(o) || !same(original[o]!.text, paragraph.text)) continue;
      pairing.partner.set(paragraph.index, o);
      pairing.byText.add(paragraph.index);
      taken.add(o);
      break;
    }
  }
}

/** The original indices strictly between the partners of the nearest paired neighbours. */
function window(index: number, editedCount: number, originalCount: number, partner: Map<number, number>): [number, number] {
  let low = -1;
  for (let e = index - 1; e >= 0; e--) {
    const o = partner.get(e);
    if (o !== undefined) {
      low = o;
      break;
    }
  }
  let high = originalCount;
  for (let e = index + 1; e < editedCount; e++) {
    const o = partner.get(e);
    if (o !== undefined && o > low) {
      high = o;
      break;
    }
  }
  return [low, high];
}
