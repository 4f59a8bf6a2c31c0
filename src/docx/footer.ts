// Page numbers (PN-01..PN-05): "— N —" in 宋体 4号, odd pages right and even
// pages left, one character in from the edge of the type area.
import { AlignmentType, BuilderElement, Footer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { StyleProfile } from './profile.js';
import { runLook, runOptions, type RunLook } from './runs.js';
import { STYLE } from './styles.js';
import { sideNumberFooters } from './side-footer.js';

export interface PageFooters {
  default: Footer;
  even: Footer;
}

type Side = 'odd' | 'even';

export function pageNumberFooters(profile: StyleProfile): PageFooters {
  return { default: new Footer({ children: [pageNumberParagraph('odd', profile)] }), even: new Footer({ children: [pageNumberParagraph('even', profile)] }) };
}

/** TB-03: the same numbers on a landscape page, along its left edge (src/docx/side-footer.ts). */
export function landscapePageNumberFooters(profile: StyleProfile, drawingIds: () => number): PageFooters {
  return sideNumberFooters(profile, (side) => pageNumberParagraph(side, profile), drawingIds);
}

/** FU-05: the 版记 page and a blank page before it carry no page number. */
export function emptyFooters(): PageFooters {
  const empty = () => new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] });
  return { default: empty(), even: empty() };
}

function pageNumberParagraph(side: Side, profile: StyleProfile): Paragraph {
  const look = runLook('pageNumber', profile);
  const { dash, indent } = profile.pageNumber;
  return new Paragraph({
    style: STYLE.footer,
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: indent, firstLine: 0, firstLineChars: 0 } : { left: indent, firstLine: 0, firstLineChars: 0 },
    spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' },
    run: runOptions(look),
    children: [
      new TextRun({ ...runOptions(look), text: `${dash} ` }),
      ...pageField(look, side === 'odd' ? 1 : 2),
      new TextRun({ ...runOptions(look), text: ` ${dash}` }),
    ],
  });
}

/**
 * A PAGE field as Word writes it, with a cached result: viewers that do not
 * compute fields show that number instead of an empty "—  —". Every run
 * carries 宋体 4号 (a bare field would inherit the body style). No w:dirty or
 * w:updateFields: Word recomputes PAGE on layout anyway, and updateFields
 * makes it ask the writer on every open.
 */
function pageField(look: RunLook, cached: number): ParagraphChild[] {
  const run = (child: BuilderElement | string) => {
    const field = new TextRun(runOptions(look));
    field.addChildElement(typeof child === 'string' ? textElement('w:t', child) : child);
    return field;
  };
  return [run(fieldChar('begin')), run(textElement('w:instrText', ' PAGE ')), run(fieldChar('separate')), run(String(cached)), run(fieldChar('end'))];
}

function fieldChar(type: 'begin' | 'separate' | 'end'): BuilderElement {
  return new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

function textElement(name: string, text: string): BuilderElement {
  const element = new BuilderElement({ name, attributes: { space: { key: 'xml:space', value: 'preserve' } } });
  element.addChildElement(text);
  return element;
}
