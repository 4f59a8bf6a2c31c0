// Paragraph shapes of the official layout. Each paragraph names its style
// (src/docx/styles.ts), which carries the look: exact line spacing, zero space
// before/after (GR-01, GR-04), the 2-character indent (PL-04/PL-05).
import { AlignmentType, Paragraph, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { StyleProfile } from './profile.js';
import { runLook, runOptions } from './runs.js';
import { STYLE } from './styles.js';

export function exactSpacing(profile: StyleProfile) {
  return { before: 0, after: 0, line: profile.grid.linePitch, lineRule: 'exact' as const };
}

/** Cancels the Body Text style's first-line indent (both its character and twip forms). */
export const NO_FIRST_LINE = { firstLine: 0, firstLineChars: 0 } as const;

/** PL-04: a Body Text paragraph, first line indented two characters, justified. */
export function indentedParagraph(children: ParagraphChild[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, ...extra, children });
}

/** PL-05: a heading paragraph; its style gives the font, the indent and the outline level. */
export function headingParagraph(children: ParagraphChild[], level: 1 | 2 | 3 | 4, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ style: STYLE.heading(level), ...extra, children });
}

/** A Body Text paragraph set flush left (主送机关, 附件N). */
export function flushParagraph(children: ParagraphChild[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, alignment: AlignmentType.LEFT, indent: { ...NO_FIRST_LINE, left: 0 }, ...extra, children });
}

/** GR-04: a blank line is an empty paragraph at the body pitch. */
export function blankLine(profile: StyleProfile): Paragraph {
  return new Paragraph({ style: STYLE.body, run: runOptions(runLook('body', profile)), children: [] });
}
