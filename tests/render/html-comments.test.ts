// #13: `<!-- 注释 -->` in a hand-written Markdown document is the writer's note
// and never reaches the DOCX; a `<!--` typed into a YAML plan's text is text,
// printed as typed by the direct-tree and the Markdown route alike.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareRender } from '../../src/render/index.js';
import { builtinTemplatesDir } from '../../src/compose/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-comments-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function documentXml(docx: Uint8Array): string {
  return strFromU8(unzipSync(docx)['word/document.xml']!);
}

/** The document's visible text: every w:t, in order. */
function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const MARKDOWN = [
  '# 关于做好春季工作的通知',
  '',
  '<!-- 整段注释：这一段不印 -->',
  '',
  '各村要抓紧<!-- 行内注释 -->落实春耕生产。',
  '',
  '<!--',
  '跨行的注释',
  '第二行',
  '-->',
  '',
  '这一段照常印出。',
  '',
].join('\n');

describe('HTML comments', () => {
  it('render of Markdown leaves every comment out of the DOCX and keeps the text around them', () => {
    writeFileSync(join(scratch, 'notice.md'), MARKDOWN);
    const result = runCli(['render', 'notice.md', '-o', 'out', '--to', 'docx'], { cwd: scratch });
    expect(result.code).toBe(0);
    const text = visibleText(documentXml(readFileSync(join(scratch, 'out', 'notice.docx'))));
    expect(text).toContain('各村要抓紧落实春耕生产。');
    expect(text).toContain('这一段照常印出。');
    for (const note of ['注释', '跨行', '第二行', '&lt;!--', '--&gt;']) expect(text).not.toContain(note);
  });

  it('a <!-- typed into a plan\'s text prints as typed, with the same bytes through the templates and Markdown', async () => {
    const plan = readFileSync(join(ROOT, 'plans', 'changshou-2026.yaml'), 'utf8')
      .replace(/^title: (.*)$/m, 'title: $1<!-- 原样 -->')
      .replace('健全防止返贫动态监测帮扶机制', '健全<!-- c -->防止返贫动态监测帮扶机制');
    writeFileSync(join(scratch, 'typed.yaml'), plan);
    const templates = join(scratch, 'templates');
    cpSync(builtinTemplatesDir(), templates, { recursive: true });
    const render = (templatesDir?: string) => prepareRender(join(scratch, 'typed.yaml'), { outDir: join(scratch, 'typed'), formats: ['docx'], templatesDir });
    const direct = await render();
    const viaMarkdown = await render(templates);
    expect(direct.files).toHaveLength(1);
    const text = visibleText(documentXml(direct.files[0]!.data as Uint8Array));
    expect(text).toContain('健全&lt;!-- c --&gt;防止返贫');
    expect(text).toContain('&lt;!-- 原样 --&gt;');
    expect(Buffer.from(direct.files[0]!.data).equals(Buffer.from(viaMarkdown.files[0]!.data))).toBe(true);
  });
});
