// Page numbers (PN-01..PN-05): "— N —" in 宋体 4号, odd pages right and even
// pages left, one character in from the edge of the type area.
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { StyleProfile } from './profile.js';
import { runLook, runOptions } from './runs.js';

export function pageNumberFooters(profile: StyleProfile): { default: Footer; even: Footer } {
  return { default: footer('odd', profile), even: footer('even', profile) };
}

function footer(side: 'odd' | 'even', profile: StyleProfile): Footer {
  const look = runLook('pageNumber', profile);
  const { dash, indent } = profile.pageNumber;
  const paragraph = new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: indent, firstLine: 0 } : { left: indent, firstLine: 0 },
    spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' },
    run: runOptions(look),
    children: [
      new TextRun({ ...runOptions(look), text: `${dash} ` }),
      // the field's own run carries 宋体 4号: a bare field would inherit the body style
      new TextRun({ ...runOptions(look), children: [PageNumber.CURRENT] }),
      new TextRun({ ...runOptions(look), text: ` ${dash}` }),
    ],
  });
  return new Footer({ children: [paragraph] });
}
