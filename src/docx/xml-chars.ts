// XML 1.0 allows only some code points in a document; anything else (most C0
// control characters, lone surrogates, U+FFFE/U+FFFF) makes Word refuse the file.

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface StrippedText {
  text: string;
  /** the characters removed, in order */
  removed: string[];
}

/** Removes characters XML 1.0 cannot carry; the caller warns when `removed` is not empty. */
export function stripInvalidXmlChars(text: string): StrippedText {
  const removed: string[] = [];
  const cleaned = text.replace(INVALID_XML_CHARS, (char) => {
    removed.push(char);
    return '';
  });
  return { text: cleaned, removed };
}

/** U+0007 → "U+0007", for warnings. */
export function describeCodePoints(chars: string[]): string {
  const unique = [...new Set(chars)];
  return unique.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join('、');
}
