// The wrong kind of file for a command (a plan given to status, a progress file
// given to rollover, a Word notice given to either): one plain sentence naming
// the file, instead of the screenful of schema errors its content would cause.
import type { Diagnostic } from './diagnostic.js';
import { isPlanSource, isProgressSource } from './index.js';

export type InputKind = 'plan' | 'progress';

const NAMES: Record<InputKind, string> = { plan: '计划文件', progress: '进度文件' };
const EXAMPLES: Record<InputKind, string> = { plan: 'plans/changshou-2026.yaml', progress: 'plans/changshou-2026-h1.yaml' };
const OWN_KEYS: Record<InputKind, RegExp> = { plan: /^(title|sections|metrics|basis)\s*:/m, progress: /^(plan|period|values|tasks)\s*:/m };
const MARKS: Record<InputKind, string> = { plan: '顶格写的“sections:”', progress: '顶格写的“period:”' };

/** A diagnostic when `file` is not a `expected` file for `command`; `text` undefined when unread. */
export function wrongKind(file: string, text: string | undefined, expected: InputKind, command: string): Diagnostic | undefined {
  const wanted = `plandoc ${command} 读的是${NAMES[expected]}（有${MARKS[expected]}的 .yaml，例如 ${EXAMPLES[expected]}）`;
  const at = (code: string, message: string, hint: string): Diagnostic => ({ file, line: text === undefined ? 0 : 1, column: 1, severity: 'error', code, message, hint });
  if (!/\.ya?ml$/i.test(file)) return at('wrong-kind', `“${file}”不是${NAMES[expected]}，也不是 YAML 文件`, `${wanted}。`);
  if (text === undefined) return undefined;
  const actual: InputKind | undefined = isProgressSource(text) ? 'progress' : isPlanSource(text) ? 'plan' : undefined;
  if (actual === expected) return undefined;
  // a file with some of the kind's own keys is that kind with mistakes: the loader names them
  if (actual === undefined && OWN_KEYS[expected].test(text)) return undefined;
  if (actual === undefined) {
    return at('wrong-kind', `这不是${NAMES[expected]}：文件里没有${MARKS[expected]}`, `${wanted}；如果这就是${NAMES[expected]}，检查“${expected === 'plan' ? 'sections' : 'period'}:”是否顶格写、拼写是否正确。`);
  }
  const other = expected === 'plan' ? `进度文件用 plandoc status ${file} 查看` : `检查计划文件用 plandoc check ${file}`;
  return at(`${actual}-not-${expected}`, `这是${NAMES[actual]}，不是${NAMES[expected]}`, `${wanted}；${other}。`);
}
