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
