// How deeply a YAML text nests, measured before any parser sees it. The yaml
// parser recurses once per level and turns a stack overflow into an error,
// but V8 aborts the whole process when it has to compile a regular expression
// with the stack nearly exhausted (seen: `plandoc check` on 100,000 nested
// brackets died with "RegExpCompiler Allocation failed"; the parser itself
// overflowed at ~800 levels). Plans nest about 15 levels.

/** Block levels (indentation, "- " items) refused before parsing. */
export const MAX_NESTING = 100;
/**
 * Open flow brackets ([ and {) refused before parsing. Counted without a YAML
 * lexer, so brackets in text count too: the limit leaves room for hundreds of
 * stray "[" in prose while staying at half the depth that overflowed.
 */
export const MAX_OPEN_BRACKETS = 400;

/** The offset where `text` nests past the limits above, or undefined. */
export function excessiveNesting(text: string): number | undefined {
  return flowExcess(text, MAX_OPEN_BRACKETS) ?? blockExcess(text, MAX_NESTING);
}

function flowExcess(text: string, limit: number): number | undefined {
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (lineStart && ch === 0x23) {
      // a comment line: skip to its end
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return i;
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) {
      depth--;
    }
    if (ch === 0x0a) lineStart = true;
    else if (ch !== 0x20) lineStart = false;
  }
  return undefined;
}

/** Counts the open indentation levels line by line, and "- - -" items nested on one line. */
function blockExcess(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let col = start;
    while (col < end && text.charCodeAt(col) === 0x20) col++;
    if (col < end && text[col] !== '#' && text[col] !== '\r') {
      const indent = col - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let items = 0;
      while (text.startsWith('- ', col + 2 * items)) items++;
      if (indents.length + items > limit) return col;
    }
    start = end + 1;
  }
  return undefined;
}
