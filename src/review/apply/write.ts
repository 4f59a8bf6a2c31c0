// The change list → the plan's new YAML text, through the in-place editor:
// field edits first (they move no item), then every list that changes is
// rewritten once, deepest lists first, so no edit shifts the path of another.
import { rewriteList, setScalarAt, type ListItem } from '../../edit/index.js';
import type { Plan } from '../../model/plan.js';
import type { PlanPath } from '../anchors.js';
import type { TargetChange } from './edit-text.js';
import type { Change } from './changes.js';
import { pathKey, valueAt } from './layout.js';

/** "2026年1月20日" → "2026-01-20"; undefined when it is not such a date. */
export function isoDate(text: string): string | undefined {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function writeChanges(source: string, plan: Plan, changes: readonly Change[], targets: readonly TargetChange[]): string {
  let text = source;
  for (const change of changes) {
    if (change.type === 'text') text = setScalarAt(text, change.path, change.after);
  }
  for (const target of targets) text = setScalarAt(text, target.path, target.after);
  const lists = listRewrites(plan, changes);
  for (const { path, items } of [...lists.values()].sort((a, b) => b.path.length - a.path.length)) text = rewriteList(text, path, items);
  return text;
}

interface Slot {
  from?: number;
  deleted?: boolean;
  inserted: unknown[];
}

/** Every list the changes touch, as its new items. */
function listRewrites(plan: Plan, changes: readonly Change[]): Map<string, { path: PlanPath; items: ListItem[] }> {
  const slots = new Map<string, { path: PlanPath; head: unknown[]; slots: Slot[] }>();
  const listOf = (path: PlanPath) => {
    const key = pathKey(path);
    let entry = slots.get(key);
    if (!entry) {
      const value = valueAt(plan, path);
      const length = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
      entry = { path, head: [], slots: Array.from({ length }, (_, i) => ({ from: i, inserted: [] })) };
      slots.set(key, entry);
    }
    return entry;
  };
  for (const change of changes) {
    if (change.type === 'delete') {
      const { list, index } = splitItem(change.path);
      listOf(list).slots[index]!.deleted = true;
    } else if (change.type === 'insert') {
      const entry = listOf(change.list);
      (change.after < 0 ? entry.head : entry.slots[change.after]!.inserted).push(change.value);
    } else if (change.type === 'move') {
      // the items the edited document places take its order; the others (tables) keep their places
      const entry = listOf(change.list);
      const byIndex = new Map(entry.slots.map((slot) => [slot.from!, slot]));
      const placed = new Set(change.order);
      let next = 0;
      entry.slots = entry.slots.map((slot) => (placed.has(slot.from!) ? byIndex.get(change.order[next++]!)! : slot));
    }
  }
  const result = new Map<string, { path: PlanPath; items: ListItem[] }>();
  for (const [key, entry] of slots) {
    const items: ListItem[] = [
      ...entry.head.map((value) => ({ value })),
      ...entry.slots.flatMap((slot) => [...(slot.deleted ? [] : [{ from: slot.from! }]), ...slot.inserted.map((value) => ({ value }))]),
    ];
    result.set(key, { path: entry.path, items });
  }
  return result;
}

/** ["sections", 1, "text", 2] → the list ["sections", 1, "text"] and index 2; a field written as one string is item 0. */
function splitItem(path: PlanPath): { list: PlanPath; index: number } {
  const last = path[path.length - 1];
  return typeof last === 'number' ? { list: path.slice(0, -1), index: last } : { list: path, index: 0 };
}
