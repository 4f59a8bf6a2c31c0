// How a line break inside a Markdown paragraph reads in Chinese text; shared by
// the DOCX writer and the Markdown writer so both routes print the same words.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** A run of line breaks with the spaces around them. */
const SOFT_BREAKS = /[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)+/g;

/**
 * A line break inside a Markdown paragraph is a soft break: between Chinese
 * characters it disappears (Chinese has no word spaces), elsewhere it is a space.
 * A run of breaks (a blank line inside a composed field) counts as one.
 */
export function joinSoftBreaks(value: string): string {
  if (!/[\r\n]/.test(value)) return value;
  return value.replace(SOFT_BREAKS, (match, offset: number) => {
    const before = value[offset - 1] ?? '';
    const after = value[offset + match.length] ?? '';
    return CJK.test(before) || CJK.test(after) ? '' : ' ';
  });
}
