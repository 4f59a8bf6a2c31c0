// Creating files: a new plan (as `plandoc init`), next year's draft (as
// `plandoc rollover`), and a plan from an old document dropped on the page
// (as `plandoc import`).
import { api, ApiError } from './api';
import { element } from './preview';

export interface Created {
  path: string;
  notes: string[];
}

const KINDS = ['工作计划', '工作方案', '实施方案', '工作要点'];

/** A small form in a dialog; resolves with the values, or undefined when cancelled. */
function formDialog(title: string, fields: Array<{ name: string; label: string; value?: string; options?: string[] }>): Promise<Record<string, string> | undefined> {
  return new Promise((resolve) => {
    const dialog = element('dialog', 'form');
    const form = element('form');
    form.method = 'dialog';
    form.append(element('h3', '', title));
    const inputs = fields.map((field) => {
      const label = element('label', '', field.label);
      const control = field.options ? element('select') : element('input');
      control.name = field.name;
      for (const option of field.options ?? []) control.append(Object.assign(element('option', '', option), { value: option }));
      control.value = field.value ?? '';
      label.append(control);
      form.append(label);
      return control;
    });
    const ok = element('button', 'ok', '确定');
    const cancel = element('button', 'cancel', '取消');
    cancel.type = 'button';
    form.append(ok, cancel);
    dialog.append(form);
    document.body.append(dialog);
    const done = (value: Record<string, string> | undefined) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => done(undefined));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      done(Object.fromEntries(inputs.map((i) => [i.name, i.value])));
    });
    dialog.showModal();
  });
}

export async function newPlan(): Promise<Created | undefined> {
  const year = String(new Date().getFullYear() + 1);
  const values = await formDialog('新建计划（同 plandoc init）', [
    { name: 'issuer', label: '发文机关', value: '' },
    { name: 'year', label: '计划年度', value: year },
    { name: 'kind', label: '文种', value: '工作计划', options: KINDS },
    { name: 'path', label: '文件名（可不填）', value: '' },
  ]);
  if (!values) return undefined;
  return api<Created>('POST', '/api/init', values);
}

export async function rollover(plan: string, progressFiles: string[]): Promise<Created | undefined> {
  const values = await formDialog('滚动到明年（同 plandoc rollover）', [
    { name: 'year', label: '新计划年度（可不填，默认下一年）', value: '' },
    { name: 'progress', label: '用这个进度文件的完成数作基数', value: progressFiles.at(-1) ?? '', options: ['', ...progressFiles] },
  ]);
  if (!values) return undefined;
  return api<Created>('POST', '/api/rollover', { plan, ...values });
}

/** Dropping a .docx / .txt / .md anywhere on the page imports it. */
export function acceptDrops(target: HTMLElement, imported: (created: Created) => void, failed: (message: string) => void): void {
  target.addEventListener('dragover', (event) => {
    event.preventDefault();
    target.classList.add('dropping');
  });
  target.addEventListener('dragleave', () => target.classList.remove('dropping'));
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    target.classList.remove('dropping');
    for (const file of event.dataTransfer?.files ?? []) void importFile(file).then(imported, (error: unknown) => failed(error instanceof ApiError ? error.message : String(error)));
  });
}

export async function importFile(file: File): Promise<Created> {
  const token = new URL(location.href).searchParams.get('token') ?? '';
  const response = await fetch('/api/import', { method: 'POST', headers: { 'x-plandoc-token': token, 'x-file-name': encodeURIComponent(file.name) }, body: file });
  const data = (await response.json()) as Created & { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? '导入失败', data);
  return data;
}

export function showNotes(title: string, notes: string[]): void {
  const dialog = element('dialog', 'notes');
  const close = element('button', 'ok', '知道了');
  const list = element('ul');
  for (const note of notes) list.append(element('li', '', note));
  dialog.append(element('h3', '', title), list, close);
  close.addEventListener('click', () => {
    dialog.close();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
}
