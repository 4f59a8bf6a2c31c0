// Checks on a parsed YAML document that keep every later stage bounded, in
// one linear pass: duplicate keys (the yaml library's own check compares
// every key with every other: 4,000 keys took seconds), an alias inside the
// node its anchor names (legal YAML, an endless structure for every consumer),
// and maps that hold, with their merge keys expanded, more keys than any plan
// could (a 4,000-key map merged once took `check` over a minute).
import { isAlias, isMap, isNode, isPair, isScalar, visit, YAMLParseError } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';

/** No map in a plan, progress or configuration file has more than a few dozen keys. */
export const MAX_MAP_KEYS = 1000;

export const SELF_ALIAS_MESSAGE = 'alias inside the node of its own anchor';
export const MAP_TOO_LARGE_MESSAGE = 'map with too many keys';

/** Errors to add to `doc.errors`; empty when the document is safe to convert and validate. */
export function boundedStructureErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  visit(doc, (_, node, path) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target && path.includes(target)) errors.push(errorAt(node, 'BAD_ALIAS', SELF_ALIAS_MESSAGE));
      return undefined;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node)) return undefined;
    errors.push(...duplicateKeyErrors(node));
    const size = mapSize(node, anchors, sizes);
    sizes.set(node, size);
    if (size > MAX_MAP_KEYS) {
      errors.push(errorAt(node, 'RESOURCE_EXHAUSTION', MAP_TOO_LARGE_MESSAGE));
      return visit.BREAK;
    }
    return undefined;
  });
  return errors;
}

function errorAt(node: { range?: [number, number, number] | null }, code: 'BAD_ALIAS' | 'RESOURCE_EXHAUSTION' | 'DUPLICATE_KEY', message: string): YAMLParseError {
  const start = node.range?.[0] ?? 0;
  return new YAMLParseError([start, start + 1], code, message);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');
}

/** Keys of `map` with its merge keys expanded; the sources were visited (and sized) before it. */
function mapSize(map: YAMLMap, anchors: Map<string, Node>, sizes: Map<Node, number>): number {
  let size = 0;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      size++;
      continue;
    }
    const value = pair.value;
    const sources = isNode(value) && 'items' in value && !isMap(value) ? (value.items as unknown[]) : [value];
    for (const source of sources) {
      const node = isAlias(source) ? anchors.get(source.source) : source;
      const known = isNode(node) ? sizes.get(node) : undefined;
      size += known ?? (isMap(node) ? node.items.length : 0);
    }
  }
  return size;
}

/** Keys written twice in one map, found with a set instead of pairwise comparison. */
function duplicateKeyErrors(map: YAMLMap): YAMLParseError[] {
  const seen = new Set<unknown>();
  const errors: YAMLParseError[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const value = typeof pair.key.value === 'symbol' ? '<<' : pair.key.value;
    const id = `${typeof value}:${String(value)}`;
    if (seen.has(id)) errors.push(errorAt(pair.key, 'DUPLICATE_KEY', 'Map keys must be unique'));
    seen.add(id);
  }
  return errors;
}
