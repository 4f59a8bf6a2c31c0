// Pairs the sections of two plan revisions: by id first, then by title
// similarity, then by text similarity. Numbers are never used, because they
// are derived and change whenever something is inserted above.
import type { OutlineNode } from './outline.js';
import { similarity } from './text.js';

export type Matching = Map<OutlineNode, OutlineNode>;

export interface NodeMatch {
  /** old node → new node */
  forward: Matching;
  /** new node → old node */
  backward: Matching;
}

const TITLE_THRESHOLD = 0.5;
const TEXT_THRESHOLD = 0.5;
/** matching across levels (a task turned into a sub-task) needs a closer resemblance */
const OTHER_DEPTH_PENALTY = 0.15;
/** the same title under a similar parent is more likely the same section */
const PARENT_WEIGHT = 0.1;

export function matchOutlines(oldNodes: OutlineNode[], newNodes: OutlineNode[]): NodeMatch {
  const match: NodeMatch = { forward: new Map(), backward: new Map() };
  pair(match, oldNodes[0]!, newNodes[0]!);
  matchById(match, oldNodes.slice(1), newNodes.slice(1));
  matchBySimilarity(match, oldNodes, newNodes, (node) => node.title, TITLE_THRESHOLD);
  matchBySimilarity(match, oldNodes, newNodes, (node) => node.raw, TEXT_THRESHOLD);
  return match;
}

function pair(match: NodeMatch, before: OutlineNode, after: OutlineNode): void {
  match.forward.set(before, after);
  match.backward.set(after, before);
}

function matchById(match: NodeMatch, oldNodes: OutlineNode[], newNodes: OutlineNode[]): void {
  const byId = new Map<string, OutlineNode>();
  for (const node of newNodes) if (node.section.id) byId.set(node.section.id, node);
  for (const node of oldNodes) {
    const counterpart = node.section.id ? byId.get(node.section.id) : undefined;
    if (counterpart) pair(match, node, counterpart);
  }
}

/** Greedy best-first pairing of what is still unmatched, by the given text. */
function matchBySimilarity(
  match: NodeMatch,
  oldNodes: OutlineNode[],
  newNodes: OutlineNode[],
  textOf: (node: OutlineNode) => string,
  threshold: number,
): void {
  const newIds = new Set(newNodes.map((node) => node.section.id).filter(Boolean));
  const oldIds = new Set(oldNodes.map((node) => node.section.id).filter(Boolean));
  // a node whose id still exists on the other side was matched by id or is gone on purpose
  const candidatesOld = oldNodes.filter((node) => !match.forward.has(node) && textOf(node) && !newIds.has(node.section.id));
  const candidatesNew = newNodes.filter((node) => !match.backward.has(node) && textOf(node) && !oldIds.has(node.section.id));
  const scored: Array<{ before: OutlineNode; after: OutlineNode; score: number }> = [];
  for (const before of candidatesOld) {
    for (const after of candidatesNew) {
      const own = similarity(textOf(before), textOf(after)) - depthPenalty(before, after);
      if (own >= threshold) scored.push({ before, after, score: own + PARENT_WEIGHT * parentSimilarity(before, after) });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.before.order - y.before.order || x.after.order - y.after.order);
  for (const { before, after } of scored) {
    if (!match.forward.has(before) && !match.backward.has(after)) pair(match, before, after);
  }
}

function depthPenalty(before: OutlineNode, after: OutlineNode): number {
  return before.depth === after.depth ? 0 : OTHER_DEPTH_PENALTY;
}

function parentSimilarity(before: OutlineNode, after: OutlineNode): number {
  return similarity(before.parent?.title ?? '', after.parent?.title ?? '');
}
