// Anchors: the plan element each rendered paragraph came from, carried as a
// hidden bookmark (a name starting with "_", which Word, WPS and LibreOffice
// keep but do not list) so `plandoc apply` can map a leader's edited DOCX back
// onto the YAML exactly. The name encodes the element's data path compactly:
// ["sections", 1, "children", 0, "text", 2] → "_pd_s1c0x2".
// The composed tree carries the path in a block's `data.planPath`; the DOCX
// writer turns it into the bookmark. A tree read back from Markdown (a user's
// template override) gets the paths copied from the composed tree by matching
// blocks (copy-anchors.ts), so both routes write the same anchors.
import type { Nodes } from 'mdast';

export type PlanPath = Array<string | number>;

export const ANCHOR_PREFIX = '_pd_';
/** Word keeps bookmark names of at most 40 characters. */
const MAX_NAME = 40;

/**
 * Keys of a plan path, one letter each. `heading` is the heading paragraph of
 * a section (number + title, a run-in heading with its first paragraph, or a
 * numbered first paragraph); `taskInfo` is its （牵头单位：…） line.
 */
const KEY_CODES: Record<string, string> = {
  title: 't', opening: 'o', sections: 's', children: 'c', text: 'x', list: 'l', closing: 'z',
  attachments: 'a', heading: 'h', taskInfo: 'f', issuer: 'i', date: 'd', recipients: 'r',
};
const CODE_KEYS = new Map(Object.entries(KEY_CODES).map(([key, code]) => [code, key]));

/** The bookmark name for a path; undefined when the path has a key without a code or is too deep for 40 characters. */
export function encodeAnchor(path: PlanPath): string | undefined {
  let name = ANCHOR_PREFIX;
  for (const part of path) {
    if (typeof part === 'number') {
      if (!Number.isSafeInteger(part) || part < 0) return undefined;
      name += String(part);
    } else {
      const code = KEY_CODES[part];
      if (code === undefined) return undefined;
      name += code;
    }
  }
  return name.length <= MAX_NAME ? name : undefined;
}

/** The path a bookmark name encodes; undefined for any other bookmark. */
export function decodeAnchor(name: string): PlanPath | undefined {
  if (!name.startsWith(ANCHOR_PREFIX)) return undefined;
  const body = name.slice(ANCHOR_PREFIX.length);
  if (body === '' || !/^(?:[a-z]\d*)+$/.test(body)) return undefined;
  const path: PlanPath = [];
  for (const [, code, digits] of body.matchAll(/([a-z])(\d*)/g)) {
    const key = CODE_KEYS.get(code!);
    if (key === undefined) return undefined;
    path.push(key);
    if (digits) path.push(Number(digits));
  }
  return path;
}

interface AnchorData {
  planPath?: PlanPath;
}

/** Marks a composed block (or list item paragraph) as rendered from `path`. */
export function withPlanPath<T extends Nodes>(node: T, path: PlanPath): T {
  node.data = { ...(node.data ?? {}), planPath: path } as T['data'];
  return node;
}

export function planPathOf(node: Nodes): PlanPath | undefined {
  return (node.data as AnchorData | undefined)?.planPath;
}

/** The bookmark name of a block, if it carries a path. */
export function anchorNameOf(node: Nodes): string | undefined {
  const path = planPathOf(node);
  return path ? encodeAnchor(path) : undefined;
}
