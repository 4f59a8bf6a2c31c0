// The hidden bookmark that names the plan element a paragraph was rendered
// from (src/review/anchors.ts). A bookmark adds no run and no property, so the
// page is the same with or without it. Ids are counted per document, so the
// same input gives the same bytes (the docx library's Bookmark gives every
// bookmark id 1).
import { BookmarkEnd, BookmarkStart, type ParagraphChild } from 'docx';
import { encodeAnchor } from '../review/anchors.js';

/** Fixed ids for the furniture paragraphs; body anchors are numbered after them. */
export const FURNITURE_ANCHOR_IDS = { issuer: 1, date: 2 } as const;
const FIRST_BODY_ID = 10;

/**
 * `children` after the bookmark `name` (none when `name` is undefined). The
 * bookmark is a point at the start of the paragraph: LibreOffice sets a
 * bookmark end after a line filled to the margin on a line of its own, which
 * would add a line to the page.
 */
export function anchoredChildren(children: ParagraphChild[], name: string | undefined, id: number): ParagraphChild[] {
  if (name === undefined) return children;
  // BookmarkStart/End are what the library's Bookmark writes, without its shared id
  const start = new BookmarkStart(name, id) as unknown as ParagraphChild;
  const end = new BookmarkEnd(id) as unknown as ParagraphChild;
  return [start, end, ...children];
}

/** The anchor of a furniture paragraph (署名, 成文日期): the plan key it shows. */
export function furnitureAnchor(children: ParagraphChild[], key: keyof typeof FURNITURE_ANCHOR_IDS): ParagraphChild[] {
  return anchoredChildren(children, encodeAnchor([key]), FURNITURE_ANCHOR_IDS[key]);
}

/** Numbers the body's anchors in document order. */
export class AnchorIds {
  private next = FIRST_BODY_ID;

  wrap(children: ParagraphChild[], name: string | undefined): ParagraphChild[] {
    return name === undefined ? children : anchoredChildren(children, name, this.next++);
  }
}
