// Semantic diff of two plan revisions: what a leader wants in a 修订对照表
// (sections added, removed, moved or reworded; targets changed; furniture
// changed), not a list of YAML lines. Pure: data in, data out.
import type { Metric, Plan } from '../model/plan.js';
import { diffFurniture } from './furniture.js';
import { matchOutlines, type NodeMatch } from './match.js';
import { buildOutline, describeNode, textToString, type OutlineNode } from './outline.js';
import { metricTargetPhrase } from './phrase.js';
import { diffText, type TextEdit } from './text.js';
import { diffSectionTables } from './tables.js';

export type { TextEdit } from './text.js';
export { diffText } from './text.js';

export type ChangeKind =
  | 'furniture'
  | 'added'
  | 'removed'
  | 'moved'
  | 'reworded'
  | 'attribute'
  | 'target'
  | 'metric-added'
  | 'metric-removed'
  | 'metric-changed'
  | 'table';

export interface PlanChange {
  kind: ChangeKind;
  /** where: "二、（一）2." in the new revision (the old one for removals), or a furniture name */
  location: string;
  /** what: a section title, a furniture name (成文日期) or a metric name */
  subject: string;
  /** the old content as a reader sees it; absent for additions */
  before?: string;
  /** the new content; absent for removals */
  after?: string;
  /** character-level edits from `before` to `after`, for wording changes */
  edits?: TextEdit[];
  /** 修改说明: one plain Chinese sentence */
  explanation: string;
}

export interface PlanDiff {
  changes: PlanChange[];
  /** things reported once instead of as changes, e.g. renumbering after an insertion */
  notes: string[];
}

interface RankedChange {
  rank: number;
  change: PlanChange;
}

export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const oldNodes = buildOutline(before);
  const newNodes = buildOutline(after);
  const match = matchOutlines(oldNodes, newNodes);
  const moved = findMoved(newNodes, match);
  const ranked: RankedChange[] = [
    ...diffFurniture(before, after).map((change, index) => ({ rank: -1000 + index, change })),
    ...bodyChanges(oldNodes, newNodes, match, moved, retargeted(before, after)),
    ...metricChanges(before, after, newNodes, oldNodes, match),
  ];
  ranked.sort((x, y) => x.rank - y.rank);
  return { changes: ranked.map((entry) => entry.change), notes: renumberingNotes(newNodes, match, moved) };
}

// ---- sections --------------------------------------------------------------

/**
 * New nodes that moved: to another parent, or out of order among their
 * siblings. Siblings that merely shift because something was inserted before
 * them keep their relative order and are not moves.
 */
function findMoved(newNodes: OutlineNode[], match: NodeMatch): Set<OutlineNode> {
  const moved = new Set<OutlineNode>();
  for (const parent of newNodes) {
    const oldParent = match.backward.get(parent);
    const matchedChildren = parent.children.filter((child) => match.backward.has(child));
    const stayed = matchedChildren.filter((child) => oldParent && match.backward.get(child)!.parent === oldParent);
    for (const child of matchedChildren) if (!stayed.includes(child)) moved.add(child);
    const oldOrder = [...stayed].sort((x, y) => match.backward.get(x)!.order - match.backward.get(y)!.order);
    const kept = new Set(longestCommonSubsequence(oldOrder, stayed));
    for (const child of stayed) if (!kept.has(child)) moved.add(child);
  }
  return moved;
}

function longestCommonSubsequence<T>(a: T[], b: T[]): T[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const result: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return result;
}

function bodyChanges(
  oldNodes: OutlineNode[],
  newNodes: OutlineNode[],
  match: NodeMatch,
  moved: Set<OutlineNode>,
  retargetedTasks: Map<string, string | undefined>,
): RankedChange[] {
  const ranked: RankedChange[] = [];
  for (const node of newNodes.slice(1)) {
    const old = match.backward.get(node);
    if (!old) {
      // under a section that is itself new, the new section reports it
      if (match.backward.has(node.parent!)) ranked.push({ rank: node.order, change: added(node, match) });
      continue;
    }
    if (moved.has(node)) ranked.push({ rank: node.order, change: movedChange(old, node) });
    const reworded = rewordedChange(old, node) ?? citationChange(old, node, retargetedTasks);
    if (reworded) ranked.push({ rank: node.order + 0.1, change: reworded });
    for (const change of attributeChanges(old, node)) ranked.push({ rank: node.order + 0.2, change });
    for (const change of diffSectionTables(old.section, node.section)) {
      ranked.push({ rank: node.order + 0.3, change: { kind: 'table', location: node.path, subject: node.title, ...change } });
    }
  }
  for (const old of oldNodes.slice(1)) {
    if (match.forward.has(old)) continue;
    if (!match.forward.has(old.parent!)) continue;
    ranked.push({ rank: rankOfRemoved(old, match), change: removed(old, match) });
  }
  return ranked;
}

/** A removed node sorts just after the new position of whatever preceded it. */
function rankOfRemoved(old: OutlineNode, match: NodeMatch): number {
  // walk back in old document order to the nearest node that still exists
  let rank = 0;
  let cursor = old;
  for (;;) {
    const previous = cursor.parent && cursor.parent.children[cursor.parent.children.indexOf(cursor) - 1];
    const candidate = previous ?? cursor.parent;
    if (!candidate) break;
    const counterpart = match.forward.get(candidate);
    if (counterpart) {
      rank = counterpart.order + 0.5 + old.depth * 0.01;
      break;
    }
    cursor = candidate;
  }
  return rank;
}

/** Descendants that exist only on this side: matched ones are reported as moves of their own. */
function ownDescendants(node: OutlineNode, isMatched: (node: OutlineNode) => boolean): OutlineNode[] {
  return node.children.filter((child) => !isMatched(child)).flatMap((child) => [child, ...ownDescendants(child, isMatched)]);
}

/** The node and everything under it that goes with it, as printed: "（一）标题\n正文\n1. 标题…". */
function fullDisplay(node: OutlineNode, isMatched: (node: OutlineNode) => boolean): string {
  return [node, ...ownDescendants(node, isMatched)]
    .map((part) => `${part.label}${part.label.endsWith('.') ? ' ' : ''}${part.display}`)
    .join('\n');
}

function withChildren(node: OutlineNode, isMatched: (node: OutlineNode) => boolean): string {
  const count = ownDescendants(node, isMatched).length;
  return count > 0 ? `（含下级${count}项）` : '';
}

function added(node: OutlineNode, match: NodeMatch): PlanChange {
  const isMatched = (child: OutlineNode) => match.backward.has(child);
  return {
    kind: 'added', location: node.path, subject: node.title, after: fullDisplay(node, isMatched),
    explanation: `新增${describeNode(node)}${withChildren(node, isMatched)}`,
  };
}

function removed(node: OutlineNode, match: NodeMatch): PlanChange {
  const isMatched = (child: OutlineNode) => match.forward.has(child);
  return {
    kind: 'removed', location: node.path, subject: node.title, before: fullDisplay(node, isMatched),
    explanation: `删除原${describeNode(node)}${withChildren(node, isMatched)}`,
  };
}

/** "原二、（一）2.“发展高山蔬菜”移到“做强特色产业”之下，现为第3项" */
function movedChange(old: OutlineNode, node: OutlineNode): PlanChange {
  const parent = node.parent;
  const ordinal = parent ? parent.children.indexOf(node) + 1 : 1;
  const from = `原${old.path}“${old.title}”`;
  const explanation = parent && old.parent?.title === parent.title && old.parent.depth === parent.depth
    ? `${from}调到第${ordinal}项，现为${node.path}`
    : parent && parent.depth > 0
      ? `${from}移到“${shortTitle(parent.title)}”之下，现为第${ordinal}项`
      : `${from}改为第${ordinal}部分，现为${node.path}`;
  return {
    kind: 'moved', location: node.path, subject: node.title,
    before: `${old.path} ${old.title}`.trim(), after: `${node.path} ${node.title}`.trim(),
    explanation,
  };
}

/** metric id → its task, for every metric whose target reads differently now */
function retargeted(before: Plan, after: Plan): Map<string, string | undefined> {
  const old = new Map((before.metrics ?? []).map((metric) => [metric.id, metricTargetPhrase(metric)]));
  return new Map((after.metrics ?? []).filter((metric) => old.has(metric.id) && old.get(metric.id) !== metricTargetPhrase(metric)).map((metric) => [metric.id, metric.task]));
}

/** A long heading by its first clause: "做强特色产业，促进农民增收" → "做强特色产业". */
function shortTitle(title: string): string {
  const clause = title.split(/[，；：]/)[0]!;
  return clause.length >= 4 ? clause : title;
}

/**
 * A section whose own text is unchanged but cites a metric whose target
 * changed now reads differently: shown at every place that cites it.
 */
function citationChange(old: OutlineNode, node: OutlineNode, retargetedTasks: Map<string, string | undefined>): PlanChange | undefined {
  if (old.raw !== node.raw || old.display === node.display) return undefined;
  // the metric's own task shows the target change already
  const cited = [...node.raw.matchAll(/\[\[([^[\]\s]+)\]\]/g)].map((m) => m[1]!).filter((id) => retargetedTasks.has(id));
  if (cited.every((id) => retargetedTasks.get(id) === node.section.id)) return undefined;
  return {
    kind: 'reworded', location: node.path, subject: node.title,
    before: old.display, after: node.display, edits: diffText(old.display, node.display),
    explanation: `${describeNode(node)}引用的指标目标随之改变`,
  };
}

function rewordedChange(old: OutlineNode, node: OutlineNode): PlanChange | undefined {
  if (old.raw === node.raw) return undefined;
  const titleChanged = old.title !== node.title;
  const bodyChanged = bodyOf(old) !== bodyOf(node);
  const what = titleChanged && bodyChanged ? '标题和文字' : titleChanged ? '标题' : '文字';
  return {
    kind: 'reworded', location: node.path, subject: node.title,
    before: old.display, after: node.display, edits: diffText(old.display, node.display),
    explanation: `修改${describeNode(node)}的${what}`,
  };
}

function bodyOf(node: OutlineNode): string {
  return textToString(node.section.text) + '\n' + textToString(node.section.closing);
}

const ATTRIBUTES: Array<{ key: 'lead' | 'units' | 'deadline' | 'milestones' | 'runIn'; label: string }> = [
  { key: 'lead', label: '牵头单位' },
  { key: 'units', label: '责任单位' },
  { key: 'deadline', label: '完成时限' },
  { key: 'milestones', label: '节点安排' },
  { key: 'runIn', label: '标题排式' },
];

function attributeChanges(old: OutlineNode, node: OutlineNode): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const { key, label } of ATTRIBUTES) {
    const before = attributeText(key, old.section[key]);
    const after = attributeText(key, node.section[key]);
    if (before === after) continue;
    changes.push({ kind: 'attribute', location: node.path, subject: label, before, after, explanation: attributeSentence(node, label, before, after) });
  }
  return changes;
}

/** "“强化产业布局”的牵头单位由镇农业服务中心改为镇经济发展办" */
function attributeSentence(node: OutlineNode, label: string, before: string | undefined, after: string | undefined): string {
  const whose = `“${node.title || describeNode(node)}”`;
  if (before === undefined) return `为${whose}增加${label}：${after}`;
  if (after === undefined) return `删除${whose}的${label}（原为${before}）`;
  return `${whose}的${label}由${before}改为${after}`;
}

function attributeText(key: (typeof ATTRIBUTES)[number]['key'], value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (key === 'runIn') return value === false ? undefined : `接排${typeof value === 'string' ? `（${value}）` : ''}`;
  if (key === 'units') return (value as string[]).join('、');
  if (key === 'milestones') return (value as Array<{ date: string; text: string }>).map((m) => `${m.date} ${m.text}`).join('；');
  return String(value);
}

function renumberingNotes(newNodes: OutlineNode[], match: NodeMatch, moved: Set<OutlineNode>): string[] {
  const groups = new Map<OutlineNode, Array<{ from: string; to: string }>>();
  for (const node of newNodes.slice(1)) {
    const old = match.backward.get(node);
    if (!old || moved.has(node) || old.label === node.label) continue;
    const group = groups.get(node.parent!) ?? [];
    group.push({ from: old.label, to: node.label });
    groups.set(node.parent!, group);
  }
  return [...groups].map(([parent, shifts]) => {
    const where = parent.depth === 0 ? '正文一级标题' : describeNode(parent);
    const first = shifts[0]!;
    const last = shifts[shifts.length - 1]!;
    const range = shifts.length === 1
      ? `原${first.from}改为${first.to}`
      : `原${first.from}至${last.from}依次改为${first.to}至${last.to}`;
    return `因增删或移动条目，${where}中${shifts.length}项的编号自动调整（${range}），内容未变的不逐项列出。`;
  });
}

// ---- metrics ---------------------------------------------------------------

function metricChanges(
  before: Plan,
  after: Plan,
  newNodes: OutlineNode[],
  oldNodes: OutlineNode[],
  match: NodeMatch,
): RankedChange[] {
  const ranked: RankedChange[] = [];
  const oldMetrics = new Map((before.metrics ?? []).map((metric) => [metric.id, metric]));
  const newMetrics = new Map((after.metrics ?? []).map((metric) => [metric.id, metric]));
  // a metric change is shown where its task is, and its 修改说明 names the task
  const place = (metric: Metric, nodes: OutlineNode[]): { rank: number; location: string; where: string } => {
    const task = nodes.find((node) => node.section.id === metric.task);
    const node = task && nodes === oldNodes ? match.forward.get(task) ?? task : task;
    return node
      ? { rank: node.order + 0.3, location: node.path, where: `${describeNode(node)}：` }
      : { rank: 1e6, location: '指标', where: '' };
  };
  for (const metric of newMetrics.values()) {
    const old = oldMetrics.get(metric.id);
    const { rank, location, where } = place(metric, newNodes);
    if (!old) {
      ranked.push({ rank, change: {
        kind: 'metric-added', location, subject: metric.name, after: metricLine(metric),
        explanation: `${where}新增指标“${metric.name}”，目标为${metricTargetPhrase(metric)}`,
      } });
      continue;
    }
    for (const change of changedMetric(old, metric, location)) ranked.push({ rank, change: { ...change, explanation: where + change.explanation } });
  }
  for (const metric of oldMetrics.values()) {
    if (newMetrics.has(metric.id)) continue;
    const { rank, location, where } = place(metric, oldNodes);
    ranked.push({ rank, change: {
      kind: 'metric-removed', location, subject: metric.name, before: metricLine(metric),
      explanation: `${where}删除指标“${metric.name}”（原目标为${metricTargetPhrase(metric)}）`,
    } });
  }
  return ranked;
}

function metricLine(metric: Metric): string {
  return `${metric.name}：${metricTargetPhrase(metric)}`;
}

function changedMetric(old: Metric, metric: Metric, location: string): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldPhrase = metricTargetPhrase(old);
  const newPhrase = metricTargetPhrase(metric);
  if (oldPhrase !== newPhrase) {
    changes.push({
      kind: 'target', location, subject: metric.name,
      before: metricLine(old), after: metricLine(metric),
      explanation: `指标“${metric.name}”的目标由${oldPhrase}调整为${newPhrase}`,
    });
  }
  const details: Array<[string, string | undefined, string | undefined]> = [
    ['名称', old.name, metric.name],
    ['基数', baselineText(old), baselineText(metric)],
    ['所属任务', old.task, metric.task],
    ['累计口径', old.cumulative ? '累计' : undefined, metric.cumulative ? '累计' : undefined],
    ['备注', old.note, metric.note],
  ];
  for (const [label, before, after] of details) {
    if (before === after) continue;
    changes.push({
      kind: 'metric-changed', location, subject: metric.name, before, after,
      explanation: `修改指标“${metric.name}”的${label}`,
    });
  }
  return changes;
}

function baselineText(metric: Metric): string | undefined {
  const baseline = metric.baseline;
  return baseline ? `${baseline.value}${metric.unit ?? ''}（${baseline.year}年）` : undefined;
}
