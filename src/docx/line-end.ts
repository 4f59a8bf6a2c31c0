// LE-01 (孤字): no paragraph may end with one character (or one character and
// its punctuation) alone on its last line. The paragraph's lines are predicted
// with the width model (src/docx/width.ts: a Chinese character is one em,
// ASCII half of one or its Times New Roman width, about a fifth of an em between
// Chinese and Latin, each less the GR-02 squeeze), breaking as LibreOffice and
// Word do: never inside an ASCII word, never before closing punctuation, never
// after opening punctuation, letting a comma or full stop hang past the margin. When the last line would hold a lone character,
// a typesetter either pulls it back, tightening the characters of the line
// before it, or pushes a character down, loosening that line just enough to
// lose its last character; both by at most 0.5 pt per character. Pulling back
// is tried first; a full-width character with its punctuation needs more than
// 0.5 pt per character to come back, so such lines push one down.
import type { Segment } from './inline.js';
import type { StyleProfile } from './profile.js';
import { typeAreaWidth } from './profile.js';
import { charAdvance, CJK_LATIN_GAP, isCjk, isLatinAlphanumeric } from './width.js';

/** LE-01's limit: 0.5 pt per character, in twips (w:spacing is in twentieths of a point). */
const MAX_ADJUST = 10;

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
/** Punctuation LibreOffice lets hang past the right margin at the end of a line. */
const HANGING = new Set([...'，。、．']);
const ASCII_WORD = /[0-9A-Za-z.%+\-/]/;

interface Char {
  char: string;
  /** advance in twips */
  width: number;
  /** space before it, in twips, when it follows a character of the other script */
  gap: number;
}

/** A piece the line breaker never splits: a character with the punctuation glued to it, or an ASCII word. */
interface Unit {
  start: number;
  end: number;
  /** width without the gap before it and without hanging punctuation at its end */
  width: number;
  lead: number;
  hang: number;
}

interface Line {
  start: number;
  end: number;
  width: number;
}

/**
 * The segments of a body paragraph (first line indented `indent` twips), with
 * the character spacing of the next-to-last line changed where its last line
 * would otherwise hold a lone character.
 */
export function avoidLoneLastCharacter(segments: Segment[], profile: StyleProfile, indent: number): Segment[] {
  if (segments.some((s) => s.text === null)) return segments;
  const chars = paragraphChars(segments);
  const lines = breakLines(units(chars), typeAreaWidth(profile), indent);
  const lastLength = lines.length < 2 ? Infinity : letters(chars.slice(lines.at(-1)!.start));
  if (lastLength > 2) return segments;
  const adjustment = lineAdjustment(lines, chars.length, typeAreaWidth(profile) - (lines.length === 2 ? indent : 0), lastLength === 1);
  return respaced(segments, adjustment.start, adjustment.end, adjustment.spacing);
}

/** The lines the width model predicts for a paragraph, as text. */
export function predictLines(segments: Segment[], profile: StyleProfile, indent: number): string[] {
  const chars = paragraphChars(segments);
  return breakLines(units(chars), typeAreaWidth(profile), indent).map((line) => chars.slice(line.start, line.end).map((c) => c.char).join(''));
}

function paragraphChars(segments: Segment[]): Char[] {
  const chars: Char[] = [];
  for (const segment of segments) {
    const em = segment.look.size * 10;
    for (const char of segment.text ?? '') {
      const previous = chars.at(-1)?.char ?? '';
      const mixed = (isCjk(previous) && isLatinAlphanumeric(char)) || (isLatinAlphanumeric(previous) && isCjk(char));
      chars.push({ char, width: charAdvance(char, segment.look.latin) * em + (segment.look.spacing ?? 0), gap: mixed ? CJK_LATIN_GAP * em : 0 });
    }
  }
  return chars;
}

function units(chars: Char[]): Unit[] {
  const result: Unit[] = [];
  chars.forEach((c, i) => {
    const previous = result.at(-1);
    const before = chars[i - 1]?.char ?? '';
    const glued = previous && (NO_LINE_START.has(c.char) || NO_LINE_END.has(before) || (ASCII_WORD.test(c.char) && ASCII_WORD.test(before)) || (c.char === before && /[—…]/.test(c.char)));
    if (glued) {
      previous.end = i + 1;
      previous.width += previous.hang + c.gap;
      previous.hang = 0;
      if (HANGING.has(c.char)) previous.hang = c.width;
      else previous.width += c.width;
    } else {
      result.push({ start: i, end: i + 1, width: c.width, lead: c.gap, hang: 0 });
    }
  });
  return result;
}

/** Greedy lines; a line's width counts hanging punctuation (it may pass the margin). */
function breakLines(pieces: Unit[], width: number, indent: number): Line[] {
  const lines: Line[] = [];
  for (const unit of pieces) {
    const line = lines.at(-1);
    const room = width - (lines.length === 1 ? indent : 0);
    if (line && line.width + unit.lead + unit.width <= room) {
      line.end = unit.end;
      line.width += unit.lead + unit.width + unit.hang;
    } else {
      lines.push({ start: unit.start, end: unit.end, width: unit.width + unit.hang });
    }
  }
  return lines;
}

/** Characters other than punctuation. */
function letters(chars: Char[]): number {
  return chars.filter((c) => !NO_LINE_START.has(c.char) && !NO_LINE_END.has(c.char)).length;
}

/** How far the model may be off on a line, in twips: about one Chinese–Latin gap. */
const MODEL_MARGIN = 60;

/**
 * Pull back (a lone character only, and only where the next-to-last line and
 * the last one fit on one line, with the model's margin, within MAX_ADJUST):
 * tighten them. Otherwise push down: loosen the next-to-last line by
 * MAX_ADJUST, which costs it its last unit however far the model is off. A
 * last line of two characters is pushed too: the model may be one off.
 */
function lineAdjustment(lines: Line[], total: number, width: number, lone: boolean): { start: number; end: number; spacing: number } {
  const before = lines.at(-2)!;
  const last = lines.at(-1)!;
  const tighten = Math.ceil((before.width + last.width + MODEL_MARGIN - width) / (total - before.start));
  if (lone && tighten <= MAX_ADJUST) return { start: before.start, end: total, spacing: -Math.max(tighten, 1) };
  return { start: before.start, end: before.end, spacing: MAX_ADJUST };
}

/** The segments with characters [start, end) set `delta` twips wider (negative: narrower). */
function respaced(segments: Segment[], start: number, end: number, delta: number): Segment[] {
  const result: Segment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const chars = [...segment.text!];
    const cuts = [0, clamp(start - offset, chars.length), clamp(end - offset, chars.length), chars.length];
    for (let i = 0; i < 3; i++) {
      const text = chars.slice(cuts[i], cuts[i + 1]).join('');
      if (!text) continue;
      const look = i === 1 ? { ...segment.look, spacing: (segment.look.spacing ?? 0) + delta } : segment.look;
      result.push({ text, look });
    }
    offset += chars.length;
  }
  return result;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
