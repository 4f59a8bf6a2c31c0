// The conflict dialog: the file changed on disk while the writer was editing.
import { element } from './preview';

export function askConflict(path: string): Promise<'reload' | 'keep'> {
  return new Promise((resolve) => {
    const dialog = element('dialog', 'conflict');
    dialog.append(
      element('h3', '', '文件在磁盘上被修改了'),
      element('p', '', `“${path}”在工作台之外被修改了（可能是别的编辑器，或者 git checkout）。工作台没有覆盖它。`),
      element('p', '', '重新载入：丢弃这里的修改，显示磁盘上的内容。保留我的修改：继续编辑，下次保存时用这里的内容替换磁盘上的内容。'),
    );
    const reload = element('button', 'reload', '重新载入');
    const keep = element('button', 'keep', '保留我的修改');
    const close = (choice: 'reload' | 'keep') => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    reload.addEventListener('click', () => close('reload'));
    keep.addEventListener('click', () => close('keep'));
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.append(reload, keep);
    document.body.append(dialog);
    dialog.showModal();
  });
}
