// The document's sections: the portrait body, a landscape section for each
// table too wide for the portrait type area (TB-03), and the 版记 on the last
// face of the last sheet (FU-05). The body writer puts a SectionStart marker
// where a section begins; splitSections turns the marked list into the
// sections the docx library writes (each non-final section's w:sectPr ends up
// in the last paragraph of that section).
import { SectionType, type FileChild, type ISectionOptions } from 'docx';
import type { StyleProfile } from './profile.js';
import { STYLE } from './styles.js';
import { emptyFooters, landscapePageNumberFooters, pageNumberFooters } from './footer.js';

export type SectionKind = 'portrait' | 'landscape' | 'record';

/** Where a new section starts in the body's list of blocks. */
export class SectionStart {
  constructor(readonly kind: SectionKind) {}
}

export type BodyChild = FileChild | SectionStart;

export interface BodySection {
  kind: SectionKind;
  children: FileChild[];
}

/** The marked list as sections; a section with nothing in it (two markers in a row) is dropped. */
export function splitSections(children: readonly BodyChild[]): BodySection[] {
  const sections: BodySection[] = [{ kind: 'portrait', children: [] }];
  for (const child of children) {
    if (child instanceof SectionStart) sections.push({ kind: child.kind, children: [] });
    else sections.at(-1)!.children.push(child);
  }
  const filled = sections.filter((section) => section.children.length > 0);
  return filled.length > 0 ? filled : [sections[0]!];
}

/** Options of each section; drawing ids (wp:docPr) count up through the document. */
export function sectionOptions(sections: readonly BodySection[], profile: StyleProfile): ISectionOptions[] {
  let drawingId = 0;
  const nextId = () => ++drawingId;
  return sections.map((section) => oneSection(section, profile, nextId));
}

function oneSection(section: BodySection, profile: StyleProfile, drawingIds: () => number): ISectionOptions {
  const footers = section.kind === 'landscape' ? landscapePageNumberFooters(profile, drawingIds) : section.kind === 'record' ? emptyFooters() : pageNumberFooters(profile);
  return { properties: sectionProperties(section.kind, profile), footers, children: section.children };
}

function sectionProperties(kind: SectionKind, profile: StyleProfile) {
  const { page, grid } = profile;
  // a landscape page's footer holds only the anchor of its side page number, placed from the page edge;
  // at the portrait distance it would reach above the landscape bottom margin and shorten the type area
  const distances = { header: page.header, footer: kind === 'landscape' ? page.header : page.footer, gutter: 0 };
  const portrait = { top: page.marginTop, bottom: page.marginBottom, left: page.marginLeft, right: page.marginRight };
  return {
    // FU-05: the 版记 goes on the next even page; Word and LibreOffice insert a blank page when the body ends on one
    type: kind === 'record' ? SectionType.EVEN_PAGE : SectionType.NEXT_PAGE,
    page: {
      // the docx library swaps width and height for a landscape page
      size: { width: page.width, height: page.height, orientation: kind === 'landscape' ? ('landscape' as const) : ('portrait' as const) },
      margin: { ...(kind === 'landscape' ? landscapeMargins(profile) : portrait), ...distances },
    },
    grid: { linePitch: grid.linePitch },
  };
}

/**
 * TB-03: the sideways page keeps the sheet's type area where it is. The page
 * is turned a quarter clockwise to be read (its head towards the sheet's left
 * edge: the binding side of an odd page, the outer side of an even one), so
 * the sheet's left margin becomes the page's top, its top the page's right,
 * its right the page's bottom and its bottom the page's left.
 */
export function landscapeMargins(profile: StyleProfile) {
  const { page } = profile;
  return { top: page.marginLeft, right: page.marginTop, bottom: page.marginRight, left: page.marginBottom };
}

/** The width a table may fill on a landscape page: the portrait type area's height. */
export function landscapeTypeAreaWidth(profile: StyleProfile): number {
  const margins = landscapeMargins(profile);
  return profile.page.height - margins.left - margins.right;
}

/**
 * The docx library ends each non-final section with a paragraph of its own
 * that holds only the w:sectPr. It gets the body style (every paragraph names
 * one) and a 1 pt line, so after a table that fills its page it does not
 * spill onto a page of its own.
 */
export function styleSectionParagraphs(documentXml: string): string {
  return documentXml.replaceAll('<w:p><w:pPr><w:sectPr>', `<w:p><w:pPr><w:pStyle w:val="${STYLE.body}"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:sectPr>`);
}
