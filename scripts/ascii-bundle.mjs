// The command bundle in ASCII only (scripts/build.mjs).
import ts from 'typescript';

/**
 * The command bundle in ASCII only. V8 holds a source with any other character
 * as two bytes per character, and Node decodes such a file several times
 * slower: a cold start spent ~5 ms of its ~130 ms turning the 2.8 MB bundle
 * into a string. esbuild already escapes strings and templates; regular
 * expression literals keep their characters (。，一-龥), so each of those
 * becomes a \uXXXX escape: the same expression (a surrogate pair of escapes
 * is one code point under /u and /v, two code units without). Anything else
 * stops the build.
 */
export function asciiOnly(code) {
  const file = ts.createSourceFile('plandoc.cjs', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literals = [];
  (function collect(node) {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /[^\x00-\x7f]/.test(node.text)) literals.push(node);
    else ts.forEachChild(node, collect);
  })(file);
  let out = '';
  let at = 0;
  for (const node of literals) {
    const start = node.getStart(file);
    out += code.slice(at, start) + escapeRegexLiteral(code.slice(start, node.end));
    at = node.end;
  }
  out += code.slice(at);
  const other = /[^\x00-\x7f]/.exec(out);
  if (other) throw new Error(`dist/plandoc.cjs keeps a non-ASCII character outside a regular expression: …${out.slice(Math.max(0, other.index - 60), other.index + 20)}…`);
  return out;
}

export function escapeRegexLiteral(literal) {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const unit = literal.charCodeAt(i);
    if (unit < 0x80) {
      out += literal[i];
      continue;
    }
    const escape = `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    // `\。` (an identity escape) is the character itself: its \u escape replaces both
    const backslashes = /\\*$/.exec(out)[0].length;
    out = backslashes % 2 === 1 ? out.slice(0, -1) + escape : out + escape;
  }
  return out;
}
