// The tracked-change 修订稿: the new revision's DOCX, exactly as `render`
// writes it, with every difference from the old revision's DOCX as a native
// Word revision (accept all → the new text, reject all → the old text).
//
// The revisions are made by comparing the two finished documents, not inside
// the writer: the docx library can write inserted and deleted runs
// (InsertedTextRun, DeletedTextRun) but only from run options given while the
// document is built, and the old text has to appear exactly as the old
// document renders it (its title line breaks, its numbers, its run
// properties), and the new document's layout must not change. Comparing the
// rendered paragraphs gives both by construction; moves, paragraph-mark and
// table-row revisions, which the library cannot write at all, come the same way.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { reorderXml } from '../../docx/reorder.js';
import { zipPackage } from '../../docx/package.js';
import { readBlocks } from './blocks.js';
import { Revisions, type RevisionAuthor, type RevisionKind } from './marks.js';
import { mergeBlocks } from './merge.js';
import { child, parseXml, source } from './xml.js';

export type { RevisionAuthor } from './marks.js';

export interface TrackedDocument {
  docx: Uint8Array;
  /** revisions written, by kind (a move counts once on each side) */
  counts: Record<RevisionKind, number>;
}

const DOCUMENT = 'word/document.xml';
const SETTINGS = 'word/settings.xml';

export function trackedChangesDocx(older: Uint8Array, newer: Uint8Array, who: RevisionAuthor): TrackedDocument {
  const oldParts = unzipSync(older, { filter: (file) => !file.name.endsWith('/') });
  const newParts = unzipSync(newer, { filter: (file) => !file.name.endsWith('/') });
  const oldXml = strFromU8(oldParts[DOCUMENT]!);
  const newXml = strFromU8(newParts[DOCUMENT]!);
  const revisions = new Revisions(who, Math.max(largestId(oldXml), largestId(newXml)) + 1);
  const documentXml = mergedDocument(oldXml, newXml, revisions);
  const parts: Record<string, Uint8Array> = { ...newParts, [DOCUMENT]: strToU8(reorderXml(documentXml)) };
  if (newParts[SETTINGS]) parts[SETTINGS] = strToU8(reorderXml(trackingOn(strFromU8(newParts[SETTINGS]))));
  return { docx: zipPackage(parts), counts: revisions.counts };
}

/** Revision ids must not collide with the bookmark and other annotation ids already there. */
function largestId(xml: string): number {
  let largest = 0;
  for (const match of xml.matchAll(/\sw:id="(\d+)"/g)) largest = Math.max(largest, Number(match[1]));
  return largest;
}

function bodyOf(xml: string) {
  const body = child(child(parseXml(xml), 'w:document') ?? { children: [] } as never, 'w:body');
  if (!body) throw new Error('word/document.xml has no w:body');
  return body;
}

/** The new document.xml with its body's blocks replaced by the merged ones (w:sectPr kept at the end). */
function mergedDocument(oldXml: string, newXml: string, revisions: Revisions): string {
  const oldBody = bodyOf(oldXml);
  const newBody = bodyOf(newXml);
  const merged = mergeBlocks(readBlocks(oldXml, oldBody), readBlocks(newXml, newBody), revisions, { moves: true });
  const others = newBody.children.filter((item) => item.name !== 'w:p' && item.name !== 'w:tbl').map((item) => source(newXml, item)).join('');
  const bodyOpen = newXml.indexOf('>', newBody.start) + 1;
  const bodyClose = newXml.lastIndexOf('</w:body>', newBody.end);
  return `${newXml.slice(0, bodyOpen)}${merged}${others}${newXml.slice(bodyClose)}`;
}

/** Edits made to the 修订稿 are tracked too: the reviewer's changes come back as revisions. */
function trackingOn(settings: string): string {
  if (settings.includes('<w:trackRevisions')) return settings;
  return settings.replace(/<\/w:settings>\s*$/, '<w:trackRevisions/></w:settings>');
}
