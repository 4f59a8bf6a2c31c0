// The workbench page: files on the left, the editor in the middle, the A4
// preview (or progress, changes) on the right.
import './style.css';
import type { EditorView } from '@codemirror/view';
import { api, ApiError, tokenUrl, query } from './api';
import { createEditor, goToLine, loadDocument, showDiagnostics, type EditorHooks, type ServerDiagnostic } from './editor';
import { element, highlightLine, renderPages, type PreviewData } from './preview';
import { renderFileList, type PlanGroup } from './files';
import { askConflict } from './dialog';
import { renderProgress, type MetricRow, type ProgressViewData } from './progress';
import { renderChanges, renderDiff, type ChangeRow, type ChangesData } from './changes';
import { acceptDrops, newPlan, rollover, showNotes, type Created } from './actions';

type Tab = 'preview' | 'exact' | 'progress' | 'changes';
const TABS: Array<[Tab, string]> = [['preview', '预览'], ['exact', '精确（LibreOffice）'], ['progress', '进度'], ['changes', '修订']];

interface OpenFile {
  path: string;
  /** the version on disk the editor's text is based on */
  version: string | null;
  savedText: string;
}

const PREVIEW_DELAY_MS = 300;
const DISK_POLL_MS = 1500;

class Workbench {
  readonly files = element('nav', 'files');
  readonly editorPane = element('section', 'editor');
  readonly side = element('section', 'side');
  readonly pages = element('div', 'pages');
  readonly status = element('span', 'status');
  readonly title = element('span', 'file-title', '未打开文件');
  readonly problems = element('ul', 'problems');
  readonly panels: Record<Tab, HTMLElement> = { preview: this.pages, exact: element('div', 'panel exact'), progress: element('div', 'panel progress'), changes: element('div', 'panel changes') };
  readonly tabBar = element('div', 'tabs');
  readonly rolloverButton = button('滚动到明年', () => void this.rollover(), 'rollover');
  tab: Tab = 'preview';
  groups: PlanGroup[] = [];
  readonly view: EditorView;
  open?: OpenFile;
  preview: PreviewData = { blocks: [], pageCount: 0 };
  private timer?: number;
  private generation = 0;
  private cursorLine = 1;
  private conflictShown = false;

  constructor() {
    this.view = createEditor(this.editorPane, this.hooks);
    this.layout();
    void this.refreshFiles();
    window.setInterval(() => void this.watchDisk(), DISK_POLL_MS);
  }

  readonly hooks: EditorHooks = {
    onChange: () => this.scheduleUpdate(),
    onCursor: (line) => {
      this.cursorLine = line;
      highlightLine(this.pages, this.preview.blocks, line);
    },
    onSave: () => void this.save(),
  };

  private layout(): void {
    const bar = element('header', 'bar');
    const brand = element('strong', 'brand', 'plandoc 工作台');
    const save = button('保存', () => void this.save(), 'save');
    const downloads = element('span', 'downloads');
    for (const format of ['docx', 'pdf', 'md'] as const) downloads.append(button(`下载 ${format.toUpperCase()}`, () => void this.download(format), `download-${format}`));
    bar.append(brand, button('新建计划', () => void this.create(newPlan()), 'new-plan'), this.rolloverButton, this.title, this.status, save, downloads);
    for (const [tab, label] of TABS) this.tabBar.append(Object.assign(button(label, () => void this.showTab(tab), `tab-${tab}`), { className: tab === this.tab ? 'active' : '' }));
    this.side.append(this.tabBar, ...Object.values(this.panels));
    this.showPanel();
    acceptDrops(document.body, (created) => void this.opened(created, '已导入'), (message) => this.notice(message));
    this.editorPane.append(this.problems);
    document.body.append(bar, element('main', 'work'));
    document.querySelector('main')!.append(this.files, this.editorPane, this.side);
  }

  async refreshFiles(): Promise<void> {
    const { groups } = await api<{ groups: PlanGroup[] }>('GET', '/api/files');
    this.groups = groups;
    this.rolloverButton.disabled = !groups.some((g) => g.plan === this.open?.path);
    renderFileList(this.files, groups, this.open?.path, (path) => void this.openFile(path));
  }

  async openFile(path: string): Promise<void> {
    if (this.open && this.isDirty() && !confirm('当前文件有未保存的修改，放弃这些修改并打开另一个文件吗？')) return;
    const file = await api<{ path: string; text: string; version: string }>('GET', `/api/file?${query({ path })}`);
    this.open = { path: file.path, version: file.version, savedText: file.text };
    loadDocument(this.view, file.text, file.path, this.hooks);
    this.title.textContent = file.path;
    document.body.dataset.file = file.path;
    this.markClean();
    await this.update();
    void this.refreshFiles();
  }

  isDirty(): boolean {
    return this.open !== undefined && this.view.state.doc.toString() !== this.open.savedText;
  }

  private markClean(): void {
    this.status.textContent = this.isDirty() ? '未保存' : '已保存';
    this.status.classList.toggle('dirty', this.isDirty());
  }

  private scheduleUpdate(): void {
    this.markClean();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.update(), PREVIEW_DELAY_MS);
  }

  /** Check and preview of the editor's text; an answer to an older text is dropped. */
  async update(): Promise<void> {
    if (!this.open) return;
    const generation = ++this.generation;
    const text = this.view.state.doc.toString();
    const body = { path: this.open.path, text };
    try {
      const [check, preview] = await Promise.all([
        api<{ diagnostics: ServerDiagnostic[] }>('POST', '/api/check', body),
        api<PreviewData>('POST', '/api/preview', body),
      ]);
      if (generation !== this.generation || text !== this.view.state.doc.toString()) return;
      showDiagnostics(this.view, check.diagnostics, this.open.path);
      this.listProblems(check.diagnostics);
      if (preview.pageCount > 0) {
        this.preview = preview;
        renderPages(this.pages, preview, (line) => goToLine(this.view, line));
        highlightLine(this.pages, preview.blocks, this.cursorLine);
      }
      this.pages.classList.toggle('stale', preview.pageCount === 0);
      if (this.tab === 'progress') await this.updateProgress(text);
      document.body.dataset.updated = String(generation);
    } catch (error) {
      this.notice(error instanceof ApiError ? error.message : '工作台没有响应：plandoc serve 还在运行吗？');
    }
  }

  private listProblems(diagnostics: ServerDiagnostic[]): void {
    const items = diagnostics.map((d) => {
      const li = element('li', d.severity, `${d.file}:${d.line}:${d.column} ${d.severity === 'error' ? '错误' : '警告'} [${d.code}] ${d.message}`);
      if (d.file === this.open?.path) li.addEventListener('click', () => goToLine(this.view, d.line));
      return li;
    });
    this.problems.replaceChildren(...items);
  }

  async save(): Promise<boolean> {
    if (!this.open) return false;
    const text = this.view.state.doc.toString();
    const result = await api<{ saved: boolean; version?: string; conflict?: { text: string; version: string } }>('PUT', '/api/file', { path: this.open.path, text, baseVersion: this.open.version });
    if (!result.saved && result.conflict) return this.resolveConflict(result.conflict);
    this.open.version = result.version!;
    this.open.savedText = text;
    this.markClean();
    void this.refreshFiles();
    return true;
  }

  /** The file changed on disk (another editor, git checkout): never overwrite it silently. */
  private async resolveConflict(disk: { text: string; version: string }): Promise<boolean> {
    if (!this.open || this.conflictShown) return false;
    this.conflictShown = true;
    const choice = await askConflict(this.open.path);
    this.conflictShown = false;
    if (choice === 'reload') {
      this.open = { path: this.open.path, version: disk.version || null, savedText: disk.text };
      loadDocument(this.view, disk.text, this.open.path, this.hooks);
      this.markClean();
      await this.update();
      return false;
    }
    // keep: the next save replaces the version on disk, as the writer chose
    this.open.version = disk.version || null;
    this.open.savedText = '\u0000'; // the editor's text differs from the disk's
    this.markClean();
    return false;
  }

  private async watchDisk(): Promise<void> {
    if (!this.open || this.conflictShown) return;
    const path = this.open.path;
    const { version } = await api<{ version: string | null }>('GET', `/api/version?${query({ path })}`).catch(() => ({ version: this.open?.version ?? null }));
    if (!this.open || this.open.path !== path || version === this.open.version) return;
    if (!this.isDirty()) return this.reloadFromDisk('磁盘上的文件变了，已重新载入');
    const file = await api<{ text: string; version: string }>('GET', `/api/file?${query({ path })}`).catch(() => ({ text: '', version: '' }));
    await this.resolveConflict(file);
  }

  /** Nothing typed since the last save: follow the disk. */
  async reloadFromDisk(message: string): Promise<void> {
    if (!this.open) return;
    const path = this.open.path;
    const file = await api<{ text: string; version: string }>('GET', `/api/file?${query({ path })}`);
    this.open = { path, version: file.version, savedText: file.text };
    loadDocument(this.view, file.text, path, this.hooks);
    this.markClean();
    this.notice(message);
    await this.update();
  }

  async download(format: 'docx' | 'pdf' | 'md'): Promise<void> {
    if (!this.open) return;
    if (this.isDirty() && !(await this.save())) return;
    const link = element('a');
    link.href = tokenUrl('/api/download', { path: this.open.path, format });
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  }

  // ---- side panels ----------------------------------------------------------

  async showTab(tab: Tab): Promise<void> {
    this.tab = tab;
    this.showPanel();
    if (!this.open) return;
    if (tab === 'progress') await this.updateProgress(this.view.state.doc.toString());
    if (tab === 'changes') await this.showChanges();
    if (tab === 'exact') await this.showExact();
  }

  private showPanel(): void {
    for (const [tab, panel] of Object.entries(this.panels)) panel.hidden = tab !== this.tab;
    for (const b of this.tabBar.querySelectorAll('button')) b.classList.toggle('active', b.id === `tab-${this.tab}`);
  }

  private async updateProgress(text: string): Promise<void> {
    if (!this.open) return;
    const { view } = await api<{ view: ProgressViewData | null }>('POST', '/api/progress', { path: this.open.path, text });
    renderProgress(this.panels.progress, view, (row, value, date) => this.enterValue(row, value, date));
  }

  /** A value typed in the table goes into the YAML in place and is saved at once. */
  private async enterValue(row: MetricRow, value: string, date: string): Promise<void> {
    if (!this.open) return;
    const text = this.view.state.doc.toString();
    try {
      const result = await api<{ saved: boolean; version?: string; text: string; conflict?: { text: string; version: string } }>('POST', '/api/progress-value', { path: this.open.path, text, baseVersion: this.open.version, metric: row.id, value, date });
      if (!result.saved && result.conflict) return void (await this.resolveConflict(result.conflict));
      replaceText(this.view, result.text);
      this.open.version = result.version!;
      this.open.savedText = result.text;
      this.markClean();
      this.notice(`已写入 ${row.name}：${value}（${date}）`);
    } catch (error) {
      this.notice(error instanceof ApiError ? error.message : String(error));
    }
  }

  private async showChanges(): Promise<void> {
    if (!this.open) return;
    const path = this.open.path;
    const data = await api<ChangesData>('GET', `/api/revisions?${query({ path })}`);
    const result = renderChanges(this.panels.changes, data, (rev) => void this.compare(rev, result));
  }

  private async compare(rev: string, result: HTMLElement): Promise<void> {
    if (!this.open) return;
    try {
      const diff = await api<{ from: string; changes: ChangeRow[]; notes: string[] }>('POST', '/api/diff', { path: this.open.path, text: this.view.state.doc.toString(), rev });
      renderDiff(result, diff.from, diff.changes, diff.notes);
    } catch (error) {
      result.replaceChildren(element('p', 'error', error instanceof ApiError ? error.message : String(error)));
    }
  }

  private async showExact(): Promise<void> {
    if (!this.open) return;
    const panel = this.panels.exact;
    panel.replaceChildren(element('p', 'hint', '正在用 LibreOffice 排版已保存的内容……'));
    try {
      const { pages } = await api<{ pages: string[] }>('GET', `/api/exact?${query({ path: this.open.path })}`);
      const note = element('p', 'hint', `LibreOffice 排出的 ${pages.length} 页（已保存的内容${this.isDirty() ? '；编辑器里还有未保存的修改' : ''}）。`);
      panel.replaceChildren(note, ...pages.map((src) => Object.assign(element('img', 'exact-page'), { src, alt: '页面' })));
    } catch (error) {
      panel.replaceChildren(element('p', 'error', error instanceof ApiError ? error.message : String(error)));
    }
  }

  // ---- creating files ---------------------------------------------------------

  private async create(pending: Promise<Created | undefined>): Promise<void> {
    try {
      const created = await pending;
      if (created) await this.opened(created, '已新建');
    } catch (error) {
      this.notice(error instanceof ApiError ? error.message : String(error));
    }
  }

  private async rollover(): Promise<void> {
    if (!this.open) return;
    const group = this.groups.find((g) => g.plan === this.open!.path);
    const progress = (group?.files ?? []).filter((f) => f.kind === 'progress').map((f) => f.path);
    await this.create(rollover(this.open.path, progress));
  }

  private async opened(created: Created, verb: string): Promise<void> {
    await this.refreshFiles();
    await this.openFile(created.path);
    this.notice(`${verb} ${created.path}`);
    if (created.notes.length) showNotes(`${verb} ${created.path}`, created.notes);
  }

  notice(message: string): void {
    this.status.textContent = message;
  }
}

/** Replaces the editor's text by the changed span only, so undo steps back over exactly that change. */
function replaceText(view: EditorView, text: string): void {
  const old = view.state.doc.toString();
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  view.dispatch({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) } });
}

function button(label: string, onClick: () => void, id?: string): HTMLButtonElement {
  const b = element('button', '', label);
  if (id) b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

new Workbench();
