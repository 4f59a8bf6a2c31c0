// Paragraph shapes of the official layout. Every body-level paragraph gets
// exact line spacing and zero space before/after (GR-01, GR-04).
import { AlignmentType, Paragraph, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { StyleProfile } from './profile.js';
import { runLook, runOptions } from './runs.js';

export function exactSpacing(profile: StyleProfile) {
  return { before: 0, after: 0, line: profile.grid.linePitch, lineRule: 'exact' as const };
}

/** PL-04/PL-05: first line indented two characters, justified. */
export function indentedParagraph(children: ParagraphChild[], profile: StyleProfile, extra: Partial<IParagraphOptions> = {}): Paragraph {
  const chars = 2;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactSpacing(profile),
    indent: { firstLineChars: chars * 100, firstLine: chars * profile.grid.charWidth },
    ...extra,
    children,
  });
}

export function flushParagraph(children: ParagraphChild[], profile: StyleProfile, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: exactSpacing(profile),
    indent: { firstLine: 0, left: 0 },
    ...extra,
    children,
  });
}

/** GR-04: a blank line is an empty paragraph at the body pitch. */
export function blankLine(profile: StyleProfile): Paragraph {
  return new Paragraph({ spacing: exactSpacing(profile), run: runOptions(runLook('body', profile)), children: [] });
}
