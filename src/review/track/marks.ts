// The revision markup itself (ISO/IEC 29500-1 §17.13.5): run wrappers
// w:ins / w:del / w:moveFrom / w:moveTo, paragraph-mark revisions inside
// w:pPr/w:rPr, table-row revisions in w:trPr, move range markers. Ids are
// handed out in document order from one counter, so the same two inputs give
// the same ids.
import type { Atom } from './blocks.js';
import { escapeAttribute, escapeText } from './xml.js';

export type RevisionKind = 'ins' | 'del' | 'moveFrom' | 'moveTo';

export interface RevisionAuthor {
  author: string;
  /** xsd:dateTime, or undefined to leave w:date out */
  date?: string;
}

export class Revisions {
  private nextId: number;
  /** how many revisions of each kind were written */
  readonly counts: Record<RevisionKind, number> = { ins: 0, del: 0, moveFrom: 0, moveTo: 0 };
  private moves = 0;

  constructor(private readonly who: RevisionAuthor, firstId: number) {
    this.nextId = firstId;
  }

  /** ` w:id="…" w:author="…" w:date="…"` for a new revision */
  attributes(kind?: RevisionKind): string {
    if (kind) this.counts[kind]++;
    const date = this.who.date ? ` w:date="${escapeAttribute(this.who.date)}"` : '';
    return ` w:id="${this.nextId++}" w:author="${escapeAttribute(this.who.author)}"${date}`;
  }

  /** `runs` wrapped as one revision; plain runs when kind is undefined */
  wrap(kind: RevisionKind | undefined, atoms: Atom[]): string {
    if (atoms.length === 0) return '';
    const runs = runsXml(atoms, kind === 'del' || kind === 'moveFrom');
    return kind ? `<w:${kind}${this.attributes(kind)}>${runs}</w:${kind}>` : runs;
  }

  /** a fresh name for a move: moveFrom and moveTo ranges share it */
  moveName(): string {
    return `plandocMove${++this.moves}`;
  }

  rangeStart(kind: 'moveFrom' | 'moveTo', id: number, name: string): string {
    const date = this.who.date ? ` w:date="${escapeAttribute(this.who.date)}"` : '';
    return `<w:${kind}RangeStart w:id="${id}" w:name="${name}" w:author="${escapeAttribute(this.who.author)}"${date}/>`;
  }

  rangeEnd(kind: 'moveFrom' | 'moveTo', id: number): string {
    return `<w:${kind}RangeEnd w:id="${id}"/>`;
  }

  takeId(): number {
    return this.nextId++;
  }
}

/** Atoms as runs: one w:r per stretch of equal run properties, text as w:t (w:delText when deleted). */
export function runsXml(atoms: Atom[], deleted: boolean): string {
  const textTag = deleted ? 'w:delText' : 'w:t';
  let out = '';
  let index = 0;
  while (index < atoms.length) {
    const rPr = atoms[index]!.rPr;
    let content = '';
    let text = '';
    const flush = () => {
      if (text) content += `<${textTag} xml:space="preserve">${escapeText(text)}</${textTag}>`;
      text = '';
    };
    for (; index < atoms.length && atoms[index]!.rPr === rPr; index++) {
      const atom = atoms[index]!;
      if (atom.xml === undefined) text += atom.char;
      else {
        flush();
        content += atom.xml;
      }
    }
    flush();
    out += `<w:r>${rPr}${content}</w:r>`;
  }
  return out;
}

/**
 * Whether a paragraph mark is there after accepting and after rejecting all
 * revisions: a plain mark is there in both, an inserted one only after
 * accepting, a deleted one only after rejecting.
 */
export interface MarkPresence {
  accepted: boolean;
  rejected: boolean;
}

/** The w:rPr children that give a paragraph mark its presence. */
export function markRevisionXml(presence: MarkPresence, revisions: Revisions, move?: 'moveFrom' | 'moveTo'): string {
  let out = '';
  if (!presence.rejected) out += move === 'moveTo' ? `<w:moveTo${revisions.attributes()}/>` : `<w:ins${revisions.attributes()}/>`;
  if (!presence.accepted) out += move === 'moveFrom' ? `<w:moveFrom${revisions.attributes()}/>` : `<w:del${revisions.attributes()}/>`;
  return out;
}

/** A w:pPr source (or '') with paragraph-mark revisions added to its w:rPr. */
export function withMarkRevision(pPr: string, revision: string): string {
  if (!revision) return pPr;
  if (!pPr) return `<w:pPr><w:rPr>${revision}</w:rPr></w:pPr>`;
  if (/^<w:pPr\s*\/>$/.test(pPr)) return `<w:pPr><w:rPr>${revision}</w:rPr></w:pPr>`;
  if (pPr.includes('<w:rPr/>')) return pPr.replace('<w:rPr/>', `<w:rPr>${revision}</w:rPr>`);
  const rPrAt = pPr.indexOf('<w:rPr>');
  // the schema order (revisions first in the paragraph mark's rPr) is restored for the whole part later
  if (rPrAt >= 0) return `${pPr.slice(0, rPrAt + 7)}${revision}${pPr.slice(rPrAt + 7)}`;
  return pPr.replace(/<\/w:pPr>$/, `<w:rPr>${revision}</w:rPr></w:pPr>`);
}

/** The formatting part of a w:pPr (what w:pPrChange records): no mark properties, section break or change record. */
function paragraphFormatting(pPr: string): string {
  return pPr
    .replace(/^<w:pPr\s*\/>$/, '')
    .replace(/^<w:pPr>/, '')
    .replace(/<\/w:pPr>$/, '')
    .replace(/<w:rPr\/>|<w:rPr>[\s\S]*?<\/w:rPr>/, '')
    .replace(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/, '')
    .replace(/<w:pPrChange[\s>][\s\S]*?<\/w:pPrChange>/, '');
}

/** A w:pPr source (or '') with a record of the old paragraph formatting, when it differs, so rejecting restores it. */
export function withFormattingChange(pPr: string, oldPPr: string, revisions: Revisions): string {
  const before = paragraphFormatting(oldPPr);
  if (before === paragraphFormatting(pPr)) return pPr;
  const change = `<w:pPrChange${revisions.attributes()}><w:pPr>${before}</w:pPr></w:pPrChange>`;
  if (!pPr || /^<w:pPr\s*\/>$/.test(pPr)) return `<w:pPr>${change}</w:pPr>`;
  return pPr.replace(/<\/w:pPr>$/, `${change}</w:pPr>`);
}

export function sameFormatting(pPr: string, oldPPr: string): boolean {
  return paragraphFormatting(pPr) === paragraphFormatting(oldPPr);
}

/** A paragraph's properties as a deleted copy carries them: no section break of its own, no earlier change record. */
export function deletedParagraphProperties(pPr: string): string {
  return pPr.replace(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/, '').replace(/<w:pPrChange[\s>][\s\S]*?<\/w:pPrChange>/, '');
}

/** A w:trPr source (or '') with a row revision. */
export function withRowRevision(trPr: string, kind: 'ins' | 'del', revisions: Revisions): string {
  const mark = `<w:${kind}${revisions.attributes(kind)}/>`;
  if (!trPr || /^<w:trPr\s*\/>$/.test(trPr)) return `<w:trPr>${mark}</w:trPr>`;
  return trPr.replace(/<\/w:trPr>$/, `${mark}</w:trPr>`);
}
