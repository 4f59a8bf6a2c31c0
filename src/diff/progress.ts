// Semantic diff of two revisions of a progress file: the reporting period, the
// tracked values (1250人次 → 1300人次), task statuses and progress sentences,
// and the narrative texts. The same change list as a plan diff, so the terminal,
// Markdown, JSON and 对照表 writers serve both. Pure: data in, data out.
import type { Plan, Text } from '../model/plan.js';
import type { MetricValue, NarrativeSection, Progress } from '../model/progress.js';
import { formatNumber } from '../derive/targets.js';
import { periodLabel } from '../summary/sentences.js';
import type { PlanChange, PlanDiff } from './index.js';
import { textToString } from './outline.js';
import { diffText } from './text.js';

/** Names for ids: the plan the progress file belongs to, when it could be read. */
export interface ProgressNames {
  metric(id: string): { name: string; unit: string };
  task(id: string): string;
}

export function namesFrom(plan: Plan | undefined, progress: Progress): ProgressNames {
  const metrics = new Map([...(plan?.metrics ?? []), ...(progress.metrics ?? [])].map((m) => [m.id, m]));
  const sections = new Map<string, string>();
  const visit = (list: Plan['sections'] | undefined): void => {
    for (const section of list ?? []) {
      if (section.id) sections.set(section.id, section.title ?? section.id);
      visit(section.children);
    }
  };
  visit(plan?.sections);
  return {
    metric: (id) => ({ name: metrics.get(id)?.name ?? id, unit: metrics.get(id)?.unit ?? '' }),
    task: (id) => sections.get(id) ?? id,
  };
}

export function diffProgress(before: Progress, after: Progress, names: ProgressNames): PlanDiff {
  return {
    changes: [
      ...periodChanges(before, after),
      ...valueChanges(before.values ?? [], after.values ?? [], names),
      ...taskChanges(before, after, names),
      ...narrativeChanges(before, after),
    ],
    notes: [],
  };
}

function periodChanges(before: Progress, after: Progress): PlanChange[] {
  const [old, now] = [periodLabel(before.period), periodLabel(after.period)];
  if (old === now) return [];
  return [{ kind: 'furniture', location: '报告期', subject: '报告期', before: old, after: now, explanation: `报告期由“${old}”改为“${now}”` }];
}

/** The entry that counts for each metric: the latest by date (the file's own rule). */
function latestValues(values: readonly MetricValue[]): Map<string, MetricValue> {
  const latest = new Map<string, MetricValue>();
  for (const entry of values) {
    const seen = latest.get(entry.metric);
    if (!seen || entry.date >= seen.date) latest.set(entry.metric, entry);
  }
  return latest;
}

function shownValue(entry: MetricValue, unit: string): string {
  if (typeof entry.value === 'boolean') return entry.value ? '已实现' : '未实现';
  return `${formatNumber(entry.value)}${entry.unit ?? unit}`;
}

function valueChanges(before: readonly MetricValue[], after: readonly MetricValue[], names: ProgressNames): PlanChange[] {
  const [old, now] = [latestValues(before), latestValues(after)];
  const changes: PlanChange[] = [];
  for (const id of new Set([...now.keys(), ...old.keys()])) {
    const { name, unit } = names.metric(id);
    const [a, b] = [old.get(id), now.get(id)];
    const location = `指标“${name}”`;
    if (a && b) {
      const [was, is] = [shownValue(a, unit), shownValue(b, unit)];
      const dated = a.date !== b.date ? `（截至${b.date}，原截至${a.date}）` : '';
      if (was !== is) changes.push({ kind: 'metric-changed', location, subject: name, before: was, after: is, explanation: `“${name}”的完成数由${was}改为${is}${dated}` });
      else if (dated) changes.push({ kind: 'metric-changed', location, subject: name, before: a.date, after: b.date, explanation: `“${name}”的完成数${is}截至日期由${a.date}改为${b.date}` });
      if ((a.lastYear ?? null) !== (b.lastYear ?? null)) {
        const show = (v?: number): string => (v === undefined ? '（无）' : `${formatNumber(v)}${unit}`);
        changes.push({ kind: 'metric-changed', location, subject: name, before: show(a.lastYear), after: show(b.lastYear), explanation: `“${name}”的上年同期数由${show(a.lastYear)}改为${show(b.lastYear)}` });
      }
    } else if (b) {
      changes.push({ kind: 'metric-added', location, subject: name, after: shownValue(b, unit), explanation: `新增“${name}”的完成数${shownValue(b, unit)}` });
    } else if (a) {
      changes.push({ kind: 'metric-removed', location, subject: name, before: shownValue(a, unit), explanation: `删去“${name}”的完成数${shownValue(a, unit)}` });
    }
  }
  return changes;
}

function taskChanges(before: Progress, after: Progress, names: ProgressNames): PlanChange[] {
  const old = new Map((before.tasks ?? []).map((t) => [t.task, t]));
  const changes: PlanChange[] = [];
  for (const task of after.tasks ?? []) {
    const title = names.task(task.task);
    const location = `任务“${title}”`;
    const was = old.get(task.task);
    old.delete(task.task);
    if (!was) {
      changes.push({ kind: 'added', location, subject: title, after: `${task.status}${task.progress ? `：${task.progress}` : ''}`, explanation: `新增任务“${title}”的进展（${task.status}）` });
      continue;
    }
    if (was.status !== task.status) {
      changes.push({ kind: 'attribute', location, subject: title, before: was.status, after: task.status, explanation: `任务“${title}”的状态由“${was.status}”改为“${task.status}”` });
    }
    changes.push(...reworded(location, title, was.progress ?? '', task.progress ?? '', `任务“${title}”的进展情况`));
  }
  for (const [id, task] of old) {
    const title = names.task(id);
    changes.push({ kind: 'removed', location: `任务“${title}”`, subject: title, before: task.status, explanation: `删去任务“${title}”的进展` });
  }
  return changes;
}

function reworded(location: string, subject: string, before: string, after: string, what: string): PlanChange[] {
  if (before === after) return [];
  if (!before) return [{ kind: 'added', location, subject, after, explanation: `新增${what}` }];
  if (!after) return [{ kind: 'removed', location, subject, before, explanation: `删去${what}` }];
  return [{ kind: 'reworded', location, subject, before, after, edits: diffText(before, after), explanation: `${what}的文字有改动` }];
}

const PARTS: Array<{ key: 'opening' | 'problems'; name: string } | { key: 'highlights' | 'nextSteps' | 'body'; name: string; sections: true }> = [
  { key: 'opening', name: '开头段' },
  { key: 'highlights', name: '主要工作及成效', sections: true },
  { key: 'problems', name: '存在的问题' },
  { key: 'nextSteps', name: '下步打算', sections: true },
  { key: 'body', name: '正文', sections: true },
];

/** Narrative texts, compared per part and per section (matched by id, else by title, else by position). */
function narrativeChanges(before: Progress, after: Progress): PlanChange[] {
  return PARTS.flatMap((part) => {
    if (!('sections' in part)) return reworded(part.name, part.name, plain(before[part.key]), plain(after[part.key]), `“${part.name}”`);
    const [old, now] = [flatten(before[part.key]), flatten(after[part.key])];
    const changes: PlanChange[] = [];
    for (const [key, entry] of now) {
      const where = `${part.name}“${entry.title}”`;
      changes.push(...reworded(where, entry.title, old.get(key)?.text ?? '', entry.text, where));
      old.delete(key);
    }
    for (const entry of old.values()) changes.push(...reworded(`${part.name}“${entry.title}”`, entry.title, entry.text, '', `${part.name}“${entry.title}”`));
    return changes;
  });
}

function plain(text: Text | undefined): string {
  return text === undefined ? '' : textToString(text);
}

function flatten(sections: NarrativeSection[] | undefined, into = new Map<string, { title: string; text: string }>(), prefix = ''): Map<string, { title: string; text: string }> {
  (sections ?? []).forEach((section, index) => {
    const title = section.title ?? section.section ?? `第${index + 1}段`;
    const key = `${prefix}/${section.id ?? section.section ?? section.title ?? index}`;
    into.set(key, { title, text: [plain(section.text), plain(section.closing)].filter(Boolean).join('\n') });
    flatten(section.children, into, key);
  });
  return into;
}
