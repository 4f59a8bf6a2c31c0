// The one sanitiser for text leaving plandoc (terminal, .md, .docx,
// diagnostics): C0 control characters other than tab and line feed (ESC,
// BEL, a lone CR that overwrites a terminal line…), DEL, C1 controls, lone
// surrogates and the non-characters U+FFFE/U+FFFF are removed.

// A CR before LF (Windows line ends) is kept.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Colour sequences plandoc itself writes to a terminal (picocolors): ESC [ n m. */
// eslint-disable-next-line no-control-regex
const OWN_COLOUR = /\u001B\[[0-9;]*m/g;

export interface StrippedText {
  text: string;
  /** the characters removed, in order */
  removed: string[];
}

/** Removes unsafe characters; `removed` lets the caller warn. */
export function stripUnsafeChars(text: string): StrippedText {
  const removed: string[] = [];
  const cleaned = text.replace(UNSAFE, (char) => {
    removed.push(char);
    return '';
  });
  return { text: cleaned, removed };
}

export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, '');
}

export function hasUnsafeChars(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** The first unsafe character of `text`, or undefined. */
export function firstUnsafeChar(text: string): { index: number; char: string } | undefined {
  UNSAFE.lastIndex = 0;
  const match = UNSAFE.exec(text);
  UNSAFE.lastIndex = 0;
  return match ? { index: match.index, char: match[0] } : undefined;
}

/** For a terminal: everything sanitised, except plandoc's own colour sequences. */
export function sanitizeForTerminal(text: string): string {
  if (!text.includes('\u001B')) return sanitizeText(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OWN_COLOUR)) {
    out += sanitizeText(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + sanitizeText(text.slice(last));
}

/** U+0007 → "U+0007". */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
