// plandoc apply as a user runs it: the change list on stdout, the plan written
// in place only when everything passed, and every bad DOCX refused in Chinese
// with the plan left byte for byte as it was.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';
import { runCli } from '../helpers/cli.js';
import { EditedDocx } from './edit-docx.js';
import { CHANGSHOU, MINIMAL, planSource, renderedDocx, withReplacements } from './apply-support.js';

const dir = mkdtempSync(join(tmpdir(), 'plandoc-apply-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let serial = 0;
/** A copy of the plan and an edited DOCX in a scratch folder. */
async function scene(relative: string, edit: (d: EditedDocx) => EditedDocx | Uint8Array) {
  const folder = join(dir, String(serial++));
  const planPath = join(folder, 'plan.yaml');
  const docxPath = join(folder, '修改稿.docx');
  const source = planSource(relative);
  const result = edit(new EditedDocx(await renderedDocx(relative, source)));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(planPath, source);
  writeFileSync(docxPath, result instanceof Uint8Array ? result : result.bytes());
  return { folder, planPath, docxPath, source };
}

describe('plandoc apply', () => {
  it('--dry-run prints the change list with file:line:col and writes nothing', async () => {
    const s = await scene(MINIMAL, (d) => d.replace('_pd_o', '为做好', '为扎实做好').insertAfter('_pd_s1c0x1l1', '直播带货培训。').comment('_pd_s0x', '再高一点'));
    const run = runCli(['apply', s.docxPath, '--onto', s.planPath, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${s.planPath}:11:10: 改写“为做好2026年`);
    expect(run.stdout).toMatch(/新增列表项（请核对位置）：“直播带货培训。”/);
    expect(run.stdout).toContain('王领导：“再高一点”（批在“群众政策知晓度');
    expect(run.stderr).toContain('去掉 --dry-run 即写入');
    expect(readFileSync(s.planPath, 'utf8')).toBe(s.source);
  });

  it('writes the plan in place: exactly the intended lines change', async () => {
    const s = await scene(MINIMAL, (d) => d.replace('_pd_o', '为做好', '为扎实做好'));
    const run = runCli(['apply', s.docxPath, '--onto', s.planPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已写回');
    expect(readFileSync(s.planPath, 'utf8')).toBe(withReplacements(s.source, ['opening: 为做好', 'opening: 为扎实做好']));
  });

  it('a result that fails check is not written: deleting a task its metrics point to', async () => {
    const s = await scene(CHANGSHOU, (d) => d.delete('_pd_s1c1c3h'));
    const run = runCli(['apply', s.docxPath, '--onto', s.planPath]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wealth-leaders');
    expect(run.stderr).toContain('写回后的计划会有上面的错误');
    expect(readFileSync(s.planPath, 'utf8')).toBe(s.source);
  });

  it('has Chinese help', () => {
    const run = runCli(['apply', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--accept-targets');
    expect(run.stdout).toContain('把领导在 Word/WPS 里改过的 .docx 写回计划 YAML');
  });
});

describe('hostile DOCX files are refused, the plan untouched', () => {
  const refused = async (bytes: Uint8Array | ((path: string) => void), message: RegExp) => {
    const s = await scene(MINIMAL, (d) => d);
    if (typeof bytes === 'function') bytes(s.docxPath);
    else writeFileSync(s.docxPath, bytes);
    const run = runCli(['apply', s.docxPath, '--onto', s.planPath]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('没有改动');
    expect(run.stderr).not.toMatch(/at .*\.js|Error:/);
    expect(run.stdout).toBe('');
    expect(readFileSync(s.planPath, 'utf8')).toBe(s.source);
  };

  it('not a zip', () => refused(strToU8('这不是 Word 文件'), /不是有效的 \.docx/));

  it('a .docx of another document', async () => refused(await renderedDocx('plans/songtao-2022.yaml'), /不是由这个计划生成的/));

  it('a huge file', () => refused((path) => truncateSync(path, 31 * 1024 * 1024), /文件太大/));

  it('broken XML', async () => {
    const parts = unzipSync(await renderedDocx(MINIMAL));
    const xml = strFromU8(parts['word/document.xml']!);
    await refused(zipSync({ ...parts, 'word/document.xml': strToU8(xml.slice(0, Math.floor(xml.length / 2))) }), /XML (已损坏|不完整)/);
  });

  it('a zip bomb (document.xml inflating to 60 MB)', async () => {
    const parts = unzipSync(await renderedDocx(MINIMAL));
    await refused(zipSync({ ...parts, 'word/document.xml': new Uint8Array(60 * 1024 * 1024).fill(32) }, { level: 9 }), /解压后有 60 MB/);
  });

  it('a zip without word/document.xml', () => refused(zipSync({ 'a.txt': strToU8('x') }), /缺少 word\/document\.xml/));
});
