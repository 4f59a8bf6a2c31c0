// XML 1.0 allows only some code points in a document; anything else (most C0
// control characters, lone surrogates, U+FFFE/U+FFFF) makes Word refuse the
// file. The DOCX writer uses plandoc's one sanitiser (src/io/sanitize.ts),
// which removes those and the other invisible controls (DEL, C1, ESC).
import { stripUnsafeChars, type StrippedText } from '../io/sanitize.js';

export type { StrippedText };

/** Removes characters XML 1.0 cannot carry; the caller warns when `removed` is not empty. */
export function stripInvalidXmlChars(text: string): StrippedText {
  return stripUnsafeChars(text);
}

/** U+0007 → "U+0007", for warnings. */
export function describeCodePoints(chars: string[]): string {
  const unique = [...new Set(chars)];
  return unique.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join('、');
}
