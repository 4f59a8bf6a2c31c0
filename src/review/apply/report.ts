// The change list in Chinese, one line per change, each pointing at the line
// of the YAML it changes (file:line:col), so the writer can check it there.
import { locate, type ParsedYaml } from '../../load/yaml.js';
import type { PlanPath } from '../anchors.js';
import type { ChangeList, Change, NewSection } from './changes.js';
import { describePath } from '../../compose/index.js';

export interface ReportContext {
  file: string;
  parsed?: ParsedYaml;
  acceptTargets: boolean;
}

export function formatChangeList(list: ChangeList, ctx: ReportContext): string {
  const lines: string[] = [];
  for (const change of list.changes) lines.push(changeLine(change, ctx));
  for (const target of list.targets) {
    const state = ctx.acceptTargets ? '已写入' : '未写入：确认后加 --accept-targets 再运行一次';
    lines.push(`${where(ctx, target.path)}: 指标 ${target.metricId} 的目标 ${target.before} → ${target.after}（文中“${target.wording.before}”改为“${target.wording.after}”；${state}）`);
  }
  if (list.comments.length) {
    lines.push('', `批注（共 ${list.comments.length} 条，没有写进 YAML）：`);
    for (const note of list.comments) {
      const at = note.path ? where(ctx, fieldPath(note.path)) : `${ctx.file}`;
      lines.push(`${at}: ${note.author || '批注'}：“${note.comment}”（批在“${excerpt(note.paragraph)}”${note.path ? '' : '，这是新增的段落'}）`);
    }
  }
  if (list.unmapped.length) {
    lines.push('', `没有写回、请手工处理（共 ${list.unmapped.length} 处）：`);
    for (const item of list.unmapped) lines.push(`${item.path ? where(ctx, fieldPath(item.path)) : ctx.file}: “${excerpt(item.text)}”：${item.reason}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function changeLine(change: Change, ctx: ReportContext): string {
  switch (change.type) {
    case 'text':
      return `${where(ctx, change.path)}: 改写${change.byText ? '（书签已丢失，按文字对应，请核对）' : ''}“${excerpt(change.before)}”→“${excerpt(change.after)}”`;
    case 'insert':
      return `${where(ctx, change.list)}: ${insertWhat(change.value, change.what)}（请核对位置）：“${excerpt(change.text)}”`;
    case 'delete':
      return `${where(ctx, change.path)}: 删除${change.what === 'section' ? '整个部分' : change.what === 'list-item' ? '列表项' : '段落'}：“${excerpt(change.text)}”`;
    case 'move':
      return `${where(ctx, change.list)}: 调整顺序：${change.moved.map((m) => `“${excerpt(m.text, 16)}”`).join('、')}移到了新位置`;
  }
}

function insertWhat(value: string | NewSection, what: 'paragraph' | 'list-item' | 'section'): string {
  if (typeof value === 'object') return `新增部分（id: ${value.id}，编号自动生成；牵头单位等请在 YAML 里补上）`;
  return what === 'list-item' ? '新增列表项' : '新增段落';
}

/** The heading of a section is its title in the YAML; the task line is its lead. */
function fieldPath(path: PlanPath): PlanPath {
  const last = path[path.length - 1];
  if (last === 'heading') return [...path.slice(0, -1), 'title'];
  if (last === 'taskInfo') return [...path.slice(0, -1), 'lead'];
  return path;
}

function where(ctx: ReportContext, path: PlanPath): string {
  if (!ctx.parsed) return `${ctx.file}（${describePath(path)}）`;
  const position = locate(ctx.parsed, path);
  return `${ctx.file}:${position.line}:${position.column}`;
}

export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** One line for the end: how many of each kind. */
export function summaryLine(list: ChangeList): string {
  const count = (type: Change['type']) => list.changes.filter((c) => c.type === type).length;
  const parts = [
    [count('text'), '处改写'],
    [count('insert'), '处新增'],
    [count('delete'), '处删除'],
    [count('move'), '处调整顺序'],
    [list.targets.length, '个指标目标'],
  ].filter(([n]) => (n as number) > 0).map(([n, what]) => `${n} ${what}`);
  return parts.length ? parts.join('、') : '没有可以写回的改动';
}
