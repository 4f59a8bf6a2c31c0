// Control characters a YAML escape puts into a value ("\e", "\a", "\x01",
// "\uD800"): the text has none, so the preflight scan of the raw text cannot
// see them. They are errors at the value that holds them, like raw ones.
import { isScalar, visit } from 'yaml';
import { codePointName, firstUnsafeChar } from '../io/sanitize.js';
import type { Diagnostic } from './diagnostic.js';
import { makeDiagnostic, positionAt, type ParsedYaml } from './yaml.js';

const MAX_REPORTS = 5;

export function escapedControlDiagnostics(parsed: ParsedYaml): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(parsed.doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return undefined;
      const unsafe = firstUnsafeChar(node.value);
      if (!unsafe) return undefined;
      const source = parsed.text.slice(node.range[0], node.range[1]);
      // a raw control character is reported by the preflight scan, at the character
      if (firstUnsafeChar(source)) return undefined;
      const escape = source.indexOf('\\');
      const where = positionAt(parsed, node.range[0] + Math.max(0, escape));
      found.push(makeDiagnostic(parsed, where, 'error', 'control-char', `这里的转义写法（\\…）产生了一个看不见的控制字符（${codePointName(unsafe.char)}）`,
        '删掉这个反斜杠转义；要写反斜杠本身，请写成 \\\\，或改用单引号。'));
      return found.length === MAX_REPORTS ? visit.BREAK : undefined;
    },
  });
  return found;
}
