// The changes view: 修订对照 against a chosen git revision, and the folder's
// uncommitted files. Committing is done in git; the page says so.
import { element } from './preview';

export interface ChangeRow {
  kind: string;
  location: string;
  subject: string;
  before?: string;
  after?: string;
  edits?: Array<{ op: 'equal' | 'delete' | 'insert'; text: string }>;
  explanation: string;
}

export interface ChangesData {
  revisions: Array<{ rev: string; date: string; subject: string }> | null;
  uncommitted: Array<{ status: string; path: string }> | null;
}

export function renderChanges(container: HTMLElement, data: ChangesData, compare: (rev: string) => void): HTMLElement {
  const note = element('p', 'hint', '提交（commit）仍在 git 里完成：工作台只保存文件，不替你提交。比较的是编辑器里的内容（包括未保存的修改）。');
  if (!data.revisions) {
    container.replaceChildren(note, element('p', 'hint', '这个文件夹不在 git 仓库里，没有历史版本可比较。'));
    return container;
  }
  const select = element('select', 'rev');
  for (const r of data.revisions) {
    const option = element('option', '', `${r.rev} ${r.date} ${r.subject}`);
    option.value = r.rev;
    select.append(option);
  }
  const go = element('button', 'compare', '修订对照');
  go.addEventListener('click', () => compare(select.value));
  const result = element('div', 'diff-result');
  const changed = element('ul', 'uncommitted');
  for (const file of data.uncommitted ?? []) changed.append(element('li', '', `${statusLabel(file.status)} ${file.path}`));
  if (!data.uncommitted?.length) changed.append(element('li', '', '没有未提交的修改。'));
  container.replaceChildren(note, element('h4', '', '未提交的修改'), changed, element('h4', '', '与历史版本比较'), select, go, result);
  return result;
}

function statusLabel(status: string): string {
  if (status === '??') return '新文件';
  if (status.includes('D')) return '已删除';
  if (status.includes('A')) return '新增';
  return '已修改';
}

export function renderDiff(result: HTMLElement, from: string, changes: ChangeRow[], notes: string[]): void {
  if (changes.length === 0) {
    result.replaceChildren(element('p', '', `与 ${from} 相比没有实质性差异。`));
    return;
  }
  const table = element('table', 'diff-table');
  const head = element('tr');
  for (const h of ['序号', '原内容', '修改后内容', '修改说明']) head.append(element('th', '', h));
  table.append(head);
  changes.forEach((change, index) => {
    const tr = element('tr');
    tr.append(element('td', '', String(index + 1)), side(change, 'delete'), side(change, 'insert'), element('td', '', change.explanation));
    table.append(tr);
  });
  result.replaceChildren(element('p', '', `${from} → 编辑器中的内容`), table, ...notes.map((n) => element('p', 'hint', `说明：${n}`)));
}

function side(change: ChangeRow, op: 'delete' | 'insert'): HTMLTableCellElement {
  const td = element('td');
  if (!change.edits) {
    td.textContent = (op === 'delete' ? change.before ?? '（无）' : change.after ?? '（删除）');
    return td;
  }
  for (const edit of change.edits) {
    if (edit.op === 'equal') td.append(edit.text);
    else if (edit.op === op) td.append(element(op === 'delete' ? 'del' : 'ins', '', edit.text));
  }
  return td;
}
