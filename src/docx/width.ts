// The width model of PL-10 and PL-01: a Chinese (full-width) character is one
// character wide, an ASCII character half of one.

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isHalfWidth(char) ? 0.5 : 1;
  return width;
}

export function isHalfWidth(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x2e80 && !isFullWidthPunctuation(code);
}

function isFullWidthPunctuation(code: number): boolean {
  // — … “ ” ‘ ’ are set in the Chinese font (w:hint=eastAsia), so they take a full character
  return code === 0x2014 || code === 0x2026 || (code >= 0x2018 && code <= 0x201d);
}

/**
 * Times New Roman advances (in ems) of the ASCII characters that are not half
 * an em; digits are. For layout predictions finer than textWidth (LE-01).
 */
const TIMES_NEW_ROMAN: Record<string, number> = {
  ' ': 0.25, '.': 0.25, ',': 0.25, ':': 0.278, ';': 0.278, '!': 0.333, '(': 0.333, ')': 0.333, '-': 0.333, '/': 0.278,
  '%': 0.833, '+': 0.564, '=': 0.564, '[': 0.333, ']': 0.333, "'": 0.18, '"': 0.408, '?': 0.444,
  I: 0.333, J: 0.389, M: 0.889, W: 0.944, m: 0.778, w: 0.722, i: 0.278, j: 0.278, l: 0.278, t: 0.278, f: 0.333, r: 0.333,
};

/** Advance of one character in ems: textWidth's model, with Times New Roman's own widths for ASCII set in it. */
export function charAdvance(char: string, latinFont: string): number {
  if (!isHalfWidth(char)) return 1;
  if (latinFont !== 'Times New Roman') return 0.5;
  return TIMES_NEW_ROMAN[char] ?? (/[A-Z]/.test(char) ? 0.667 : 0.5);
}

/**
 * Word and LibreOffice add space between Chinese characters and Latin letters
 * or digits (autoSpaceDE/DN), not next to punctuation. LibreOffice's is about
 * 0.21 em: fitted to the line breaks of its renders of the example plans.
 */
export const CJK_LATIN_GAP = 0.21;

/** Built once: the bundle turns a \p{…} literal into `new RegExp` at every call. */
const HAN = /\p{Script=Han}/u;
/** No character below it is Han (CJK Radicals Supplement starts the script). */
const FIRST_HAN = 0x2e80;

export function isCjk(char: string): boolean {
  return (char.codePointAt(0) ?? 0) >= FIRST_HAN && HAN.test(char);
}

export function isLatinAlphanumeric(char: string): boolean {
  return /[0-9A-Za-z]/.test(char);
}
