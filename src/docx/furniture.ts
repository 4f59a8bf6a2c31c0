// The furniture GB/T 9704 prints outside the body, from the front matter:
// 主送机关 (PL-03), 附件说明 (PL-08), 署名 and 成文日期 (PL-09/PL-10/PL-11),
// 附注 (PL-13), 版头 and 版记.
import { AlignmentType, BorderStyle, Paragraph, TabStopType, type FileChild } from 'docx';
import type { Furniture } from '../model/plan.js';
import type { StyleProfile } from './profile.js';
import { typeAreaHeight, typeAreaWidth } from './profile.js';
import { runLook, runOptions, textRun } from './runs.js';
import { blankLine, exactSpacing, flushParagraph, indentedParagraph, NO_FIRST_LINE } from './paragraphs.js';
import { STYLE } from './styles.js';
import { textWidth } from './width.js';
import { furnitureAnchor } from './anchor.js';

/** PL-11: "2026-01-14" → "2026年1月14日" (full year, no leading zeros). */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** PL-02/PL-03: flush left, ending with a full-width colon. */
export function recipientsParagraphs(furniture: Furniture, profile: StyleProfile): FileChild[] {
  if (!furniture.recipients?.length) return [];
  const text = `${furniture.recipients.join('，')}：`;
  return [flushParagraph([textRun(text, runLook('body', profile))])];
}

/** Everything after the body and before the attachment pages. */
export function closingParagraphs(furniture: Furniture, profile: StyleProfile): FileChild[] {
  return [...attachmentNote(furniture, profile), ...signature(furniture, profile), ...note(furniture, profile)];
}

/**
 * PL-08: "附件：" two characters in; several attachments numbered 1. 2.; a
 * wrapped name aligns with its first character (hanging indent, tab to it).
 */
function attachmentNote(furniture: Furniture, profile: StyleProfile): FileChild[] {
  const attachments = furniture.attachments ?? [];
  if (attachments.length === 0) return [];
  const char = profile.grid.charWidth;
  const look = runLook('body', profile);
  const labelStart = 2 * char;
  const namesStart = labelStart + 3 * char; // after "附件："
  if (attachments.length === 1) {
    return [
      blankLine(profile),
      new Paragraph({
        style: STYLE.body,
        spacing: exactSpacing(profile),
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: namesStart, hanging: namesStart - labelStart, firstLineChars: 0 },
        children: [textRun(`附件：${attachments[0]!.title}`, look)],
      }),
    ];
  }
  const numberWidth = char; // room for "1." and the tab
  const textStart = namesStart + numberWidth;
  const items = attachments.map((attachment, index) => {
    const first = index === 0;
    return new Paragraph({
      style: STYLE.body,
      spacing: exactSpacing(profile),
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: textStart, hanging: textStart - (first ? labelStart : namesStart), firstLineChars: 0 },
      tabStops: [{ type: TabStopType.LEFT, position: textStart }],
      children: [textRun(`${first ? '附件：' : ''}${index + 1}.\t${attachment.title}`, look)],
    });
  });
  return [blankLine(profile), ...items];
}

/** PL-09 (sealed) and PL-10 (unsealed, the default): 署名 over 成文日期, one blank line above. */
function signature(furniture: Furniture, profile: StyleProfile): FileChild[] {
  const issuer = furniture.issuer ?? '';
  const date = furniture.date ? chineseDate(furniture.date) : '';
  if (!issuer && !date) return [];
  const { issuerRight, dateRight } = signatureIndents(issuer, date, furniture.sealed === true);
  const char = profile.grid.charWidth;
  const look = runLook('body', profile);
  const line = (text: string, right: number, key: 'issuer' | 'date') =>
    new Paragraph({
      style: STYLE.body,
      spacing: exactSpacing(profile),
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * char), ...NO_FIRST_LINE },
      // no extra space around digits, so the date is as wide as the width model says
      autoSpaceEastAsianText: false,
      children: furnitureAnchor([textRun(text, look)], key),
    });
  return [blankLine(profile), ...(issuer ? [line(issuer, issuerRight, 'issuer')] : []), ...(date ? [line(date, dateRight, 'date')] : [])];
}

/**
 * Right indents in characters. Unsealed (PL-10): 署名 right 2, the date starts
 * two characters right of the 署名's first character; a date longer than the
 * 署名 gets right 2 and the 署名 moves left by the difference. Sealed (PL-09):
 * date right 4, 署名 centred over it.
 */
export function signatureIndents(issuer: string, date: string, sealed: boolean): { issuerRight: number; dateRight: number } {
  const issuerWidth = textWidth(issuer);
  const dateWidth = textWidth(date);
  if (sealed) return { dateRight: 4, issuerRight: 4 + (dateWidth - issuerWidth) / 2 };
  if (!issuer) return { issuerRight: 2, dateRight: 2 };
  if (dateWidth > issuerWidth) return { dateRight: 2, issuerRight: 2 + 2 + dateWidth - issuerWidth };
  return { issuerRight: 2, dateRight: 2 + issuerWidth - 2 - dateWidth };
}

/** PL-13: the next line after the date, two characters in, in full-width parentheses. */
function note(furniture: Furniture, profile: StyleProfile): FileChild[] {
  if (!furniture.note) return [];
  const text = /^（.*）$/u.test(furniture.note) ? furniture.note : `（${furniture.note}）`;
  return [indentedParagraph([textRun(text, runLook('body', profile))])];
}

/**
 * 版头: red 发文机关标志, 发文字号, red rule the width of the type area.
 * FU-01: the 标志's top edge 35 mm below the top of the type area (room for
 * 份号, 密级, 紧急程度); its line is exactly as high as its characters, so the
 * space before it is that distance. FU-02: the 文号 two blank lines under it,
 * the rule 4 mm under the 文号. FU-03: the title two blank lines under the rule.
 */
export function headerParagraphs(furniture: Furniture, profile: StyleProfile): FileChild[] {
  if (!furniture.header?.organ) return [];
  const look = runLook('headerOrgan', profile);
  const organ = new Paragraph({
    style: STYLE.body,
    alignment: AlignmentType.CENTER,
    spacing: { before: profile.header.organTop, after: 0, line: look.size * 10, lineRule: 'exact' },
    indent: NO_FIRST_LINE,
    children: [textRun(furniture.header.organ, look)],
  });
  const rule = { style: BorderStyle.SINGLE, size: 12, color: profile.colors.red, space: profile.header.ruleSpace };
  const number = new Paragraph({
    style: STYLE.body,
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(profile),
    indent: { ...NO_FIRST_LINE, left: 0, right: 0 },
    border: { bottom: rule },
    run: runOptions(runLook('body', profile)),
    children: furniture.docNumber ? [textRun(furniture.docNumber, runLook('body', profile))] : [],
  });
  return [organ, blankLine(profile), blankLine(profile), number, blankLine(profile), blankLine(profile)];
}

/**
 * 版记: 抄送 (one character in each side) and the 印发 line, between a thick
 * first rule, a thin middle rule and a thick last rule, the last rule on the
 * bottom edge of the type area. Each part is a frame at a fixed position above
 * the bottom margin; its rules are paragraph borders. Separate frames because
 * LibreOffice keeps framed paragraphs in a frame only when they all carry the
 * same borders.
 */
export function recordParagraphs(furniture: Furniture, profile: StyleProfile): FileChild[] {
  const parts: RecordPart[] = [];
  if (furniture.copyTo?.length) parts.push({ text: `${COPY_LABEL}${furniture.copyTo.join('，')}。` });
  if (furniture.printedBy || furniture.printedDate) {
    const date = furniture.printedDate ? `${chineseDate(furniture.printedDate)}印发` : '';
    parts.push({ text: `${furniture.printedBy ?? ''}\t${date}`, tab: true });
  }
  if (parts.length === 0) return [];
  const pitch = profile.grid.linePitch;
  const heights = parts.map((part) => recordLineCount(part.text, profile) * pitch);
  let top = typeAreaHeight(profile) - heights.reduce((a, b) => a + b, 0);
  const frames = parts.map((part, index) => {
    const box = { top, height: heights[index]!, ruleAbove: index === 0 ? THICK_RULE : undefined, ruleBelow: index === parts.length - 1 ? THICK_RULE : THIN_RULE };
    top += box.height;
    return recordFrame(part, box, profile);
  });
  // frames anchor to the paragraph after them; the body must also end with a paragraph
  frames.push(new Paragraph({ style: STYLE.body, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] }));
  return frames;
}

interface RecordPart {
  text: string;
  tab?: boolean;
}

/** Rule widths in eighths of a point: 0.35 mm and 0.25 mm. */
const THICK_RULE = 8;
const THIN_RULE = 6;

function recordFrame(part: RecordPart, box: { top: number; height: number; ruleAbove?: number; ruleBelow: number }, profile: StyleProfile): Paragraph {
  const width = typeAreaWidth(profile);
  const char = profile.grid.charWidth;
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: profile.colors.text, space: 0 });
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: 0, y: box.top },
      anchor: { horizontal: 'margin', vertical: 'margin' },
      width,
      height: box.height,
      rule: 'exact',
      wrap: 'around',
    },
    style: STYLE.body,
    border: { ...(box.ruleAbove ? { top: rule(box.ruleAbove) } : {}), bottom: rule(box.ruleBelow) },
    spacing: exactSpacing(profile),
    alignment: AlignmentType.LEFT,
    // the 印发 line: 印发机关 one character in, the date ending one character before the edge
    // (tab positions count from the frame's left edge, not from the indent)
    indent: recordIndent(part, profile),
    tabStops: part.tab ? [{ type: TabStopType.RIGHT, position: width - char }] : [],
    children: [textRun(part.text, runLook('record', profile))],
  });
}

/** Lines the 抄送 text needs at the 版记 size between one-character indents. */
function recordLineCount(text: string, profile: StyleProfile): number {
  const recordChar = profile.sizes.record * 10;
  const firstLine = Math.floor((typeAreaWidth(profile) - 2 * profile.grid.charWidth) / recordChar);
  const width = textWidth(text.replace('\t', ''));
  if (width <= firstLine) return 1;
  const wrapped = firstLine - COPY_LABEL.length;
  return 1 + Math.ceil((width - firstLine) / wrapped);
}

/** FU-04: the label of the 抄送 line; wrapped lines start under the first character after it. */
const COPY_LABEL = '抄送：';

/** Indents of a 版记 line: one character in each side; the 抄送 line hangs after its label. */
function recordIndent(part: RecordPart, profile: StyleProfile) {
  const char = profile.grid.charWidth;
  if (part.tab) return { left: char, right: 0, ...NO_FIRST_LINE };
  const label = COPY_LABEL.length * profile.sizes.record * 10;
  return { left: char + label, right: char, hanging: label, firstLineChars: 0 };
}
