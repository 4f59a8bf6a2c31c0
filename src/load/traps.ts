// YAML traps office writers fall into, found line by line in the source text
// before the parser's own errors are shown. The parser reports the consequence
// of a slip (a tab gives "two colons on one line" somewhere else; one
// over-indented key blames the line above); this scan names the slip itself,
// with its exact column:
//
// - root causes (errors): a tab or a full-width space in the indentation, a
//   full-width colon after a key, a key indented out of line, a value starting
//   with a character YAML reserves (% @ ` * !) or with "- ", ": " inside an
//   unquoted value. While one stands, the parser's syntax errors are not shown:
//   they are its consequences and go away with it.
// - traps that parse but silently change the text (warnings): " #" after text
//   starts a comment, a value starting with "&" is an anchor, a continuation
//   line starting with "- " is glued onto the text above.
import type { Diagnostic } from './diagnostic.js';

export interface TrapScan {
  rootCauses: Diagnostic[];
  warnings: Diagnostic[];
}

/** Where a line stands to a value spanning lines: inside it, its last line, or the first line after it. */
type Skipper = (line: string) => 'inside' | 'last' | 'after';

interface Level {
  column: number;
  kind: 'map' | 'seq';
}

interface LineFacts {
  number: number;
  text: string;
  /** 0-based column of the first character after indentation and "- " markers */
  contentColumn: number;
  /** 0-based columns of the "- " markers on this line */
  dashes: number[];
  key?: string;
  /** the value after "key: ", untrimmed, and its 0-based column */
  value?: string;
  valueColumn?: number;
}

const KEY_LINE = /^([A-Za-z_$][\w$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;
const RESERVED_START: Record<string, string> = {
  '%': '“%”开头的值 YAML 不允许直接写',
  '@': '“@”开头的值 YAML 不允许直接写',
  '`': '反引号“`”开头的值 YAML 不允许直接写',
  '*': 'YAML 把“*”开头的值当成别名（引用别处用“&”起了名字的内容），这里找不到这个名字',
  '!': 'YAML 把“!”开头的词当成类型标记，这个词不会出现在文字里',
};

export function scanTraps(text: string, file: string): TrapScan {
  const anchors = new Set([...text.matchAll(/&([^\s,[\]{}]+)/g)].map((match) => match[1]!));
  const scan = new Scanner(file, anchors);
  scan.run(text.split('\n'));
  return { rootCauses: scan.rootCauses, warnings: scan.warnings };
}

class Scanner {
  readonly rootCauses: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  private levels: Level[] = [];
  /** the previous significant line, when it was "key: value" on one line (no child lines may follow) */
  private valueAbove?: LineFacts;
  /** …and that value was plain text, which the parser continues onto deeper lines */
  private plainAbove = false;
  /** the previous significant line opened a block ("key:" alone, "- ", "key: |") */
  private opensBlock = true;

  constructor(
    private readonly file: string,
    /** anchors defined anywhere: "*name" with one of these is a real alias */
    private readonly anchors: Set<string>,
  ) {}

  run(lines: string[]): void {
    let skip: Skipper | undefined;
    for (const [index, raw] of lines.entries()) {
      const line = raw.replace(/\r$/, '');
      if (skip) {
        const where = skip(line);
        if (where === 'inside') continue;
        skip = undefined;
        if (where === 'last') continue;
      }
      if (/^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*$/.test(line) || line.startsWith('%')) continue;
      const facts = this.lineFacts(index + 1, line);
      if (!facts) continue;
      const faulty = this.checkLayout(facts);
      skip = this.checkValue(facts);
      // later lines are measured against the keys around the slip, not against the slip
      if (faulty) this.valueAbove = undefined;
    }
  }

  /** Indentation (tabs, full-width spaces), "- " markers, the key and its value. */
  private lineFacts(number: number, line: string): LineFacts | undefined {
    const indent = /^[ \t\u3000]*/.exec(line)![0];
    const tab = indent.indexOf('\t');
    if (tab >= 0) {
      this.root(number, tab, 'yaml-tab', `第 ${tab + 1} 列是制表符（Tab）：YAML 的缩进只能用空格`, '把行首的 Tab 换成空格：同一层的键左对齐，下一级比上一级多缩进两个空格。');
      return undefined;
    }
    const fullWidth = indent.indexOf('\u3000');
    if (fullWidth >= 0) {
      this.root(number, fullWidth, 'yaml-fullwidth-space', '行首有全角空格（“　”，中文输入法常打出来）：YAML 的缩进只能用半角空格', '把行首的全角空格换成半角空格（切换到英文输入或半角状态再打空格）。');
      return undefined;
    }
    let column = indent.length;
    const dashes: number[] = [];
    while (/^-([ \t]|$)/.test(line.slice(column))) {
      dashes.push(column);
      column += 1 + (/^[ \t]*/.exec(line.slice(column + 1))![0].length);
    }
    const rest = line.slice(column);
    const facts: LineFacts = { number, text: line, contentColumn: column, dashes };
    const colonAfterKey = /^([A-Za-z_][\w-]*)[ \t]*：/.exec(rest);
    if (colonAfterKey) {
      this.root(number, column + colonAfterKey[0].length - 1, 'yaml-fullwidth-colon', `键“${colonAfterKey[1]}”后面是中文冒号“：”，要用英文冒号“:”加一个空格`, `写成“${colonAfterKey[1]}: ……”（冒号用半角，后面空一格）。`);
      return undefined;
    }
    const key = KEY_LINE.exec(rest);
    if (key) {
      facts.key = key[1]!.replace(/^["']|["']$/g, '');
      facts.valueColumn = column + key[0].length;
      facts.value = line.slice(facts.valueColumn);
    }
    return facts;
  }

  /** A key line out of line with the keys around it; true when it is. */
  private checkLayout(facts: LineFacts): boolean {
    const before = this.rootCauses.length;
    const { contentColumn: column, dashes } = facts;
    const first = dashes[0] ?? column;
    const above = this.valueAbove;
    const popped = this.popDeeperThan(first);
    if (facts.key !== undefined && dashes.length === 0) this.popCompactSequence(first);
    const top = this.levels[this.levels.length - 1];
    if (facts.key !== undefined && dashes.length === 0) {
      if (above && first > (above.contentColumn)) {
        this.root(facts.number, 0, 'yaml-indent', `这一行比上一行的键“${above.key}”多缩进了 ${first - above.contentColumn} 个空格`,
          `和上一行的“${above.key}”左对齐（行首 ${above.contentColumn} 个空格）；只有上一行的键后面不写值时，下一行才多缩进。`);
      } else if (top?.kind === 'seq' && top.column === first) {
        this.root(facts.number, 0, 'yaml-indent', `这一行的键“${facts.key}”和上面的“- ”对齐了，比同一项里的其他键少缩进 2 个空格`,
          `和“- ”后面的第一个键左对齐（行首 ${first + 2} 个空格）；要开始新的一项，行首写“- ”。`);
      } else if (popped !== undefined && (top?.column ?? -1) < first && !this.opensBlock) {
        this.root(facts.number, 0, 'yaml-indent', `缩进没有对齐：这一行缩进 ${first} 个空格，上面同一层的键缩进 ${popped} 个空格`,
          `同一层的键要左对齐（行首 ${popped} 个空格）；下一级比上一级多缩进两个空格。`);
      }
    } else if (above && this.plainAbove && dashes.length > 0 && first > above.contentColumn) {
      this.warn(facts.number, first, 'yaml-dash-in-text', `这一行的“- ”不是新的列表项：YAML 把它接在上一行“${above.key}”的文字后面`,
        `要写成列表，上一行写“${above.key}:”后换行，每项以“- ”开头；要保留“- ”作为文字，把整段文字用引号括起来。`);
    }
    if (this.rootCauses.length > before) return true;
    this.push(facts);
    return false;
  }

  private popDeeperThan(column: number): number | undefined {
    let popped: number | undefined;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1]!.column > column) popped = this.levels.pop()!.column;
    return popped;
  }

  /** "sections:" with its "- " items at the same column: a key there ends the list */
  private popCompactSequence(column: number): void {
    const [parent, top] = this.levels.slice(-2);
    if (top?.kind === 'seq' && top.column === column && parent?.kind === 'map' && parent.column === column) this.levels.pop();
  }

  private push(facts: LineFacts): void {
    const top = (): Level | undefined => this.levels[this.levels.length - 1];
    for (const dash of facts.dashes) if (top()?.column !== dash || top()?.kind !== 'seq') this.levels.push({ column: dash, kind: 'seq' });
    if (facts.key !== undefined) {
      const current = top();
      if (current?.column === facts.contentColumn && current.kind === 'map') return;
      this.levels.push({ column: facts.contentColumn, kind: 'map' });
    }
  }

  /** Traps in the value after "key: "; returns how to skip a value that spans lines. */
  private checkValue(facts: LineFacts): Skipper | undefined {
    this.valueAbove = undefined;
    this.opensBlock = facts.key === undefined ? facts.dashes.length > 0 : true;
    if (facts.key === undefined || facts.value === undefined) return undefined;
    const value = facts.value;
    const start = facts.valueColumn! + (/^[ \t]*/.exec(value)![0].length);
    const trimmed = facts.text.slice(start);
    if (value.startsWith('\u3000') || /^[ \t]+\u3000/.test(value)) {
      this.root(facts.number, facts.valueColumn! + value.indexOf('\u3000'), 'yaml-fullwidth-space', '冒号后面是全角空格（“　”）：YAML 要求冒号后面是半角空格', `写成“${facts.key}: ……”（冒号后空一个半角空格）。`);
      return undefined;
    }
    if (trimmed === '' || trimmed.startsWith('#')) return undefined;
    // an anchor or a tag before a structured value ("&base {title: x}") is deliberate YAML
    const body = trimmed.replace(/^(?:[&!][^\s,[\]{}]*(?:[ \t]+|$))+(?=["'[{|>]|$|#)/, '');
    this.opensBlock = body === '' || body.startsWith('#') || /^[|>][-+0-9]*\s*(#.*)?$/.test(body);
    if (this.opensBlock) return /^[|>]/.test(body) ? blockScalarEnd(facts.contentColumn) : undefined;
    this.valueAbove = facts;
    this.plainAbove = false;
    if (body.startsWith('"') || body.startsWith("'")) return quotedEnd(body);
    if (body.startsWith('[') || body.startsWith('{')) return flowEnd(body);
    this.plainAbove = this.checkPlainValue(facts, trimmed, start);
    return undefined;
  }

  /** returns false when the value is not plain text after all (a reserved start, a list) */
  private checkPlainValue(facts: LineFacts, value: string, start: number): boolean {
    const first = value[0]!;
    const quoteHint = quoteHintFor(facts.key!, value);
    if (/^-([ \t]|$)/.test(value)) {
      this.root(facts.number, start, 'yaml-dash-value', '值以“- ”开头：YAML 把它当成列表，而这里不能写列表', `去掉“- ”；要保留它作为文字，把值用引号括起来：${quoteHint}`);
      return false;
    }
    const alias = first === '*' && this.anchors.has(/^\*([^\s,[\]{}]+)/.exec(value)?.[1] ?? '');
    if (RESERVED_START[first] && !alias) {
      this.root(facts.number, start, 'yaml-reserved', `${RESERVED_START[first]}`, `把值用引号括起来：${quoteHint}`);
      return false;
    }
    if (first === '&' && /^&\S*[^\x00-\x7f]/.test(value)) {
      this.warn(facts.number, start, 'yaml-anchor', `YAML 把“&”开头的词当成锚点（给内容起的名字），“${/^\S+/.exec(value)![0]}”不会出现在文字里`, `要印出“&”，把值用引号括起来：${quoteHint}`);
    }
    const text = value.replace(/[ \t]+#.*$/, '');
    const colon = /:[ \t]/.exec(text);
    if (colon) {
      this.root(facts.number, start + colon.index, 'yaml-colon-in-value', '文字里有英文冒号加空格“: ”：YAML 把它前面的文字当成了键', `改用中文冒号“：”，或者把整段文字用引号括起来：${quoteHint}`);
      return true;
    }
    const comment = gluedComment(value);
    if (comment) {
      const lost = value.slice(comment.index + 1, comment.index + 13);
      this.warn(facts.number, start + comment.index + 1, 'yaml-comment-in-text', `“#”前面有空格：YAML 把“${lost}…”当成注释，这些文字不会出现在文件里`,
        `要保留这些文字，把整段文字用引号括起来：${quoteHintFor(facts.key!, value)}；或去掉“#”前面的空格。`);
    }
    return true;
  }

  private root(line: number, column: number, code: string, message: string, hint: string): void {
    this.rootCauses.push({ file: this.file, line, column: column + 1, severity: 'error', code, message, hint });
  }

  private warn(line: number, column: number, code: string, message: string, hint: string): void {
    this.warnings.push({ file: this.file, line, column: column + 1, severity: 'warning', code, message, hint });
  }
}

/**
 * " #" after Chinese text, where the writer meant the "#" as text: one space
 * before it, or text right after it. ("长寿镇          # 署名" is a comment.)
 */
function gluedComment(value: string): { index: number } | undefined {
  const match = /[ \t]+#/.exec(value);
  if (!match || match.index === 0) return undefined;
  const before = value.slice(0, match.index);
  const after = value.slice(match.index + match[0].length);
  if (!/[\u3400-\u9fff]/.test(before) || after.trim() === '') return undefined;
  const oneSpace = match[0].length === 2;
  const textRightAfter = !/^[ \t]/.test(after);
  return oneSpace || textRightAfter ? { index: match.index + match[0].length - 2 } : undefined;
}

/** `unit: "%"`, `text: "完成3 #桥改造……"` */
function quoteHintFor(key: string, value: string): string {
  const shown = value.length > 16 ? `${value.slice(0, 14)}……` : value;
  return `${key}: "${shown.replace(/"/g, '\\"')}"`;
}

/** A block scalar ("key: |") ends before the first non-blank line indented no deeper than its key. */
function blockScalarEnd(keyColumn: number): Skipper {
  return (line) => (line.trim() !== '' && /^ */.exec(line)![0].length <= keyColumn ? 'after' : 'inside');
}

/** A quoted value that does not close on its line ends at the line that closes it. */
function quotedEnd(value: string): Skipper | undefined {
  const quote = value[0]!;
  const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/.test(value) : /^'(?:[^']|'')*'/.test(value);
  if (closed) return undefined;
  const closing = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/ : /(?:^|[^'])'(?!')/;
  return (line) => (closing.test(line) ? 'last' : 'inside');
}

/** A flow collection ("[a, b" …) that does not close on its line ends where its brackets balance. */
function flowEnd(value: string): Skipper | undefined {
  let depth = bracketDepth(value);
  if (depth <= 0) return undefined;
  return (line) => {
    depth += bracketDepth(line);
    return depth <= 0 ? 'last' : 'inside';
  };
}

function bracketDepth(text: string): number {
  const outsideQuotes = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
  return (outsideQuotes.match(/[[{]/g)?.length ?? 0) - (outsideQuotes.match(/[\]}]/g)?.length ?? 0);
}
