// The file list: each plan with its progress files and summaries, and the
// check status of each file.
import { element } from './preview';

export interface FileEntry {
  path: string;
  kind: 'plan' | 'progress' | 'markdown';
  errors: number;
  warnings: number;
}

export interface PlanGroup {
  plan: string;
  files: FileEntry[];
}

const KIND_LABEL: Record<FileEntry['kind'], string> = { plan: '计划', progress: '进度', markdown: '文稿' };

export function renderFileList(nav: HTMLElement, groups: PlanGroup[], current: string | undefined, open: (path: string) => void): void {
  const sections = groups.map((group) => {
    const section = element('section', 'group');
    section.append(element('h3', '', group.plan ? group.plan.replace(/\.ya?ml$/, '') : '其他文件'));
    const list = element('ul');
    for (const file of group.files) {
      const item = element('li', file.path === current ? 'current' : '');
      const link = element('a', 'file', file.path);
      link.href = '#';
      link.dataset.path = file.path;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        open(file.path);
      });
      item.append(element('span', `kind ${file.kind}`, KIND_LABEL[file.kind]), link, statusBadge(file));
      list.append(item);
    }
    section.append(list);
    return section;
  });
  nav.replaceChildren(element('h2', '', '文件'), ...sections);
}

function statusBadge(file: FileEntry): HTMLElement {
  if (file.errors) return element('span', 'badge error', `${file.errors} 个错误`);
  if (file.warnings) return element('span', 'badge warning', `${file.warnings} 个警告`);
  return element('span', 'badge ok', '通过');
}
