// A writer's <!-- 注释 --> in hand-written Markdown never reaches the DOCX (issue 13 item 9).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

it('render leaves block and inline HTML comments out of the document', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-comments-'));
  try {
    writeFileSync(join(dir, '通知.md'), '# 通知\n\n正文第一段。\n\n<!-- 这里的数字等统计站核实 -->\n\n第二段<!-- 行内备注 -->结束。\n');
    const result = runCli(['render', '通知.md', '--to', 'docx'], { cwd: dir });
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', '通知.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('正文第一段。');
    expect(text).toContain('第二段结束。');
    expect(text).not.toContain('核实');
    expect(text).not.toContain('备注');
    expect(text).not.toContain('<!--');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
