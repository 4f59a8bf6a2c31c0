// Pairs the sections of two plan revisions: by id first, then by title
// similarity, then by text similarity. Numbers are never used, because they
// are derived and change whenever something is inserted above.
import type { OutlineNode } from './outline.js';
import { gramSimilarity, gramsOf, similarity, type Grams } from './text.js';

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

/**
 * Similarity is compared pairwise, so it is bounded: identical texts are paired
 * first through a hash map, and each remaining old section is compared with at
 * most this many new ones, those nearest to it in document order. (Comparing
 * every pair of 4,000 sections without ids took minutes.)
 */
export const MAX_COMPARED_PER_SECTION = 200;

/** counts similarity comparisons, for tests that hold the matching to its bound */
export interface MatchStats {
  comparisons: number;
}

export function matchOutlines(oldNodes: OutlineNode[], newNodes: OutlineNode[], stats: MatchStats = { comparisons: 0 }): NodeMatch {
  const match: NodeMatch = { forward: new Map(), backward: new Map() };
  pair(match, oldNodes[0]!, newNodes[0]!);
  matchById(match, oldNodes.slice(1), newNodes.slice(1));
  for (const [textOf, threshold] of [[(node: OutlineNode) => node.title, TITLE_THRESHOLD], [(node: OutlineNode) => node.raw, TEXT_THRESHOLD]] as const) {
    matchIdentical(match, oldNodes, newNodes, textOf);
    matchBySimilarity(match, oldNodes, newNodes, textOf, threshold, stats);
  }
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

type TextOf = (node: OutlineNode) => string;

/** The unmatched nodes of each side that may still pair up by their text. */
function candidates(match: NodeMatch, oldNodes: OutlineNode[], newNodes: OutlineNode[], textOf: TextOf): [OutlineNode[], OutlineNode[]] {
  const newIds = new Set(newNodes.map((node) => node.section.id).filter(Boolean));
  const oldIds = new Set(oldNodes.map((node) => node.section.id).filter(Boolean));
  // a node whose id still exists on the other side was matched by id or is gone on purpose
  return [
    oldNodes.filter((node) => !match.forward.has(node) && textOf(node) && !newIds.has(node.section.id)),
    newNodes.filter((node) => !match.backward.has(node) && textOf(node) && !oldIds.has(node.section.id)),
  ];
}

/** Unchanged text pairs up at once, in document order, preferring the same level. */
function matchIdentical(match: NodeMatch, oldNodes: OutlineNode[], newNodes: OutlineNode[], textOf: TextOf): void {
  const [candidatesOld, candidatesNew] = candidates(match, oldNodes, newNodes, textOf);
  const byText = new Map<string, OutlineNode[]>();
  for (const node of candidatesNew) byText.set(textOf(node), [...(byText.get(textOf(node)) ?? []), node]);
  for (const before of candidatesOld) {
    const same = byText.get(textOf(before));
    if (!same?.length) continue;
    const index = Math.max(0, same.findIndex((after) => after.depth === before.depth));
    pair(match, before, same.splice(index, 1)[0]!);
  }
}

/** Greedy best-first pairing of what is still unmatched, by the given text, within a window of document order. */
function matchBySimilarity(match: NodeMatch, oldNodes: OutlineNode[], newNodes: OutlineNode[], textOf: TextOf, threshold: number, stats: MatchStats): void {
  const [candidatesOld, candidatesNew] = candidates(match, oldNodes, newNodes, textOf);
  const scored: Array<{ before: OutlineNode; after: OutlineNode; score: number }> = [];
  const half = Math.floor(MAX_COMPARED_PER_SECTION / 2);
  const grams = new Map<OutlineNode, Grams>();
  const gramsFor = (node: OutlineNode): Grams => grams.get(node) ?? grams.set(node, gramsOf(textOf(node))).get(node)!;
  candidatesOld.forEach((before, rank) => {
    // the same relative place on the other side, for revisions of different lengths
    const centre = Math.round((rank * candidatesNew.length) / Math.max(1, candidatesOld.length));
    const from = Math.max(0, Math.min(centre - half, candidatesNew.length - MAX_COMPARED_PER_SECTION));
    for (const after of candidatesNew.slice(from, from + MAX_COMPARED_PER_SECTION)) {
      stats.comparisons++;
      const same = textOf(before) === textOf(after);
      const own = (same ? 1 : gramSimilarity(gramsFor(before), gramsFor(after))) - depthPenalty(before, after);
      if (own >= threshold) scored.push({ before, after, score: own + PARENT_WEIGHT * parentSimilarity(before, after) });
    }
  });
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
