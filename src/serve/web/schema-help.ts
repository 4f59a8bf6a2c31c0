// Completion and hover help from the project's JSON Schemas: the Chinese
// title and description of every key, at the place in the YAML the cursor is.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { EditorState } from '@codemirror/state';
import planSchema from '../../schema/plan.schema.json';
import progressSchema from '../../schema/progress.schema.json';

type Schema = {
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  $defs?: Record<string, Schema>;
};

/** '[]' stands for "an item of the list". */
export type KeyPath = string[];

export function schemaFor(text: string): Schema {
  return (/^period\s*:/m.test(text) ? progressSchema : planSchema) as Schema;
}

interface Line {
  /** column of the key (or of the content after "- ") */
  col: number;
  /** column of the "-" when the line starts a list item */
  dash?: number;
  key?: string;
}

function parseLine(text: string): Line | undefined {
  if (text.trim() === '' || text.trim().startsWith('#')) return undefined;
  const match = /^(\s*)(-\s+)?(?:([A-Za-z_$][\w$-]*)\s*:(?:\s|$))?/.exec(text)!;
  const lead = match[1]!.length;
  return { col: lead + (match[2]?.length ?? 0), ...(match[2] ? { dash: lead } : {}), key: match[3] };
}

/**
 * The keys above a line, root first: on an item line of `sections:` it is
 * ['sections', '[]'], so completion offers the keys of a section.
 */
export function pathAt(state: EditorState, pos: number): KeyPath {
  const line = state.doc.lineAt(pos);
  const before = line.text.slice(0, pos - line.from);
  let current: Line = parseLine(before.trim() ? line.text : before + 'x') ?? { col: pos - line.from };
  const path: KeyPath = [];
  for (let n = line.number - 1; n >= 1 && (current.col > 0 || current.dash !== undefined); n--) {
    const above = parseLine(state.doc.line(n).text);
    if (!above?.key) continue;
    if (current.dash !== undefined) {
      const parentOfList = above.col < current.dash || (above.col === current.dash && above.dash === undefined);
      if (!parentOfList) continue;
      path.unshift(above.key);
      path.splice(1, 0, '[]');
      current = above;
    } else if (above.dash !== undefined && above.col === current.col) {
      current = above; // a sibling key of the same list item
    } else if (above.col < current.col) {
      path.unshift(above.key);
      current = above;
    }
  }
  return path;
}

function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let guard = 0; current?.$ref && guard < 20; guard++) {
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    current = root.$defs?.[name];
  }
  return current;
}

/** Every alternative a schema allows (oneOf / anyOf / allOf flattened). */
function branches(root: Schema, schema: Schema | undefined): Schema[] {
  const resolved = resolve(root, schema);
  if (!resolved) return [];
  const nested = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  return [resolved, ...nested.flatMap((branch) => branches(root, branch))];
}

export function schemaAt(root: Schema, path: KeyPath): Schema[] {
  let current: Schema[] = [root];
  for (const part of path) {
    current = current.flatMap((s) => branches(root, s)).flatMap((s) => {
      const next = part === '[]' ? s.items : s.properties?.[part];
      return next ? [next] : [];
    });
  }
  return current.flatMap((s) => branches(root, s));
}

export function keysAt(root: Schema, path: KeyPath): Map<string, Schema> {
  const keys = new Map<string, Schema>();
  for (const schema of schemaAt(root, path)) {
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(root, value) ?? value;
      if (!keys.has(key)) keys.set(key, { ...resolved, title: value.title ?? resolved.title, description: value.description ?? resolved.description });
    }
  }
  return keys;
}

export function completeFromSchema(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const root = schemaFor(context.state.doc.toString());
  const keyMatch = /^(\s*(?:-\s+)?)([\w$-]*)$/.exec(before);
  if (keyMatch) {
    const from = context.pos - keyMatch[2]!.length;
    if (!context.explicit && keyMatch[2] === '') return null;
    const path = pathAt(context.state, context.pos);
    const keys = keysAt(root, path);
    if (!keys.size) return null;
    return {
      from,
      options: [...keys].map(([key, schema]) => ({ label: key, detail: schema.title ?? '', info: schema.description, type: 'property', apply: `${key}: ` })),
      validFor: /^[\w$-]*$/,
    };
  }
  const valueMatch = /^\s*(?:-\s+)?([\w$-]+):\s*([^\s#]*)$/.exec(before);
  if (valueMatch) {
    const path = [...pathAt(context.state, context.pos), valueMatch[1]!];
    const values = schemaAt(root, path).flatMap((s) => [...(s.enum ?? []), ...(s.const !== undefined ? [s.const] : [])]);
    if (!values.length) return null;
    return { from: context.pos - valueMatch[2]!.length, options: [...new Set(values)].map((v) => ({ label: String(v), type: 'enum' })) };
  }
  return null;
}

/** Hover over a key: its Chinese title and description. */
export const schemaHover = hoverTooltip((view, pos): Tooltip | null => {
  const line = view.state.doc.lineAt(pos);
  const match = /^(\s*(?:-\s+)?)([A-Za-z_$][\w$-]*)\s*:/.exec(line.text);
  if (!match) return null;
  const start = line.from + match[1]!.length;
  const end = start + match[2]!.length;
  if (pos < start || pos > end) return null;
  const root = schemaFor(view.state.doc.toString());
  const schema = keysAt(root, pathAt(view.state, start)).get(match[2]!);
  if (!schema) return null;
  return {
    pos: start,
    end,
    above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'schema-tip';
      const title = document.createElement('strong');
      title.textContent = `${match[2]}：${schema.title ?? ''}`;
      const text = document.createElement('p');
      text.textContent = schema.description ?? '';
      dom.append(title, text);
      return { dom };
    },
  };
});
