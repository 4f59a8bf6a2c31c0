// Hostile and wrong inputs given to `plandoc import` (#19 items 3, 5, 15, 16 and
// #15's bad input): a Chinese message naming the file, exit 1, no YAML written.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { docxToBlocks } from '../../src/import/docx.js';
import { importFile } from '../../src/import/index.js';
import { BIN, runCli } from '../helpers/cli.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-import-hostile-'));
});

async function docxWithBody(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

function expectRefused(args: string[], message: string | RegExp): void {
  const result = runCli(['import', ...args], { cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/内部错误|at .*\.js:\d+|Error:/);
  expect(readdirSync(dir).filter((f) => f.endsWith('.yaml'))).toEqual([]);
}

describe('a .docx built to hurt', () => {
  it('reads 200,000 unclosed <w:p> in one linear pass (#19 item 5; the 5 s test timeout catches a quadratic scan)', async () => {
    const bytes = await docxWithBody(para('长寿镇2026年工作计划') + '<w:p>'.repeat(200_000) + para('一、总体要求'));
    expect(bytes.length).toBeLessThan(8 * 1024);
    const blocks = await docxToBlocks(bytes);
    // the unclosed paragraphs are empty; the text before and inside them is kept in order
    expect(blocks.map((b) => (b.kind === 'para' ? b.text : 'table'))).toEqual(['长寿镇2026年工作计划', '一、总体要求']);
  });

  it('refuses a character reference beyond U+10FFFF with a Chinese message (#19 item 3)', async () => {
    const file = join(dir, 'bad-char.docx');
    writeFileSync(file, await docxWithBody(para('长寿镇2026年工作计划') + para('一、总体要求&#x110000;')));
    await expect(importFile(file)).rejects.toThrow('无效的字符引用“&#x110000;”');
    expectRefused([file], /bad-char\.docx：这个 \.docx 的内容里有无效的字符引用“&#x110000;”/);
    writeFileSync(file, await docxWithBody(para('&#99999999999999999999;')));
    await expect(importFile(file)).rejects.toThrow('无效的字符引用');
  });
});

describe('files that are not documents', () => {
  it('refuses a 67 MB .txt before reading it (#19 item 15)', () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 67 * 1024 * 1024);
    expectRefused([file], /huge\.txt：文件太大（67 MB），导入的上限是 4 MB/);
  });

  it('refuses a document of some 300 pages (over 150,000 characters) instead of writing a plan check rejects', () => {
    const file = join(dir, 'compendium.txt');
    const section = (i: number) => `${i}.第${i}项工作。${'推进乡村振兴各项工作落地见效，'.repeat(40)}\n`;
    writeFileSync(file, `某镇工作汇编\n一、总体要求\n${Array.from({ length: 300 }, (_, i) => section(i + 1)).join('')}`);
    expectRefused([file], /compendium\.txt：文档有 \d+ 万字（约 \d+ 页），超过了导入上限 15 万字/);
  });

  it('says a folder is a folder (EISDIR, #19 item 16)', () => {
    const folder = join(dir, 'plans.docx');
    mkdirSync(folder);
    expectRefused([folder], /plans\.docx：这是一个文件夹，不是文件/);
  });

  it('says an unreadable file cannot be read (EACCES, #19 item 16)', () => {
    const inner = join(dir, 'locked');
    mkdirSync(inner);
    chmodSync(inner, 0o755);
    const file = join(inner, 'plan.txt');
    writeFileSync(file, '长寿镇2026年工作计划\n一、总体要求\n坚持稳中求进。\n');
    chmodSync(file, 0o000);
    chmodSync(dir, 0o755);
    // root reads any file: run as nobody then, as a real office account would be
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [BIN, 'import', file, '-o', '-'], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, NO_COLOR: '1' }, ...asUser });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}：没有权限读取这个文件`);
    expect(result.stdout).toBe('');
  });

  it('names a PDF or Word file renamed to .txt, and refuses other binary data', () => {
    const pdf = join(dir, 'plan.txt');
    writeFileSync(pdf, '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj');
    expectRefused([pdf], /plan\.txt：这个文件其实是 PDF 文件，只是扩展名写成了 \.txt/);
    const binary = join(dir, 'data.txt');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectRefused([binary], /data\.txt：这不是文本文件（里面是二进制数据），不能导入/);
  });

  it('says a scanned PDF has no text to import', () => {
    const scanned = join(dir, 'scan.pdf');
    // a one-page PDF that draws a rectangle and holds no text, like a page image
    const content = '0 0 m 100 100 l S';
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', `<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((body, i) => {
      const at = pdf.length;
      pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    writeFileSync(scanned, pdf);
    expectRefused([scanned], /scan\.pdf：这个 PDF 里没有文字（是扫描件或图片），不能导入/);
  });
});

describe('documents that are not plans', () => {
  it('refuses a speech, even one with numbered parts', () => {
    const speech = join(dir, 'speech.txt');
    writeFileSync(speech, '在全镇经济工作会议上的讲话\n同志们：\n今天召开全镇经济工作会议，主要任务是总结工作、部署任务。\n一、认清形势\n今年以来，全镇上下砥砺奋进。\n');
    expectRefused([speech], /speech\.txt：这是一篇讲话稿（标题“在全镇经济工作会议上的讲话”），不是工作计划、方案或总结/);
  });

  it('refuses a 通知 without tasks and a text without any heading', () => {
    const notice = join(dir, 'notice.txt');
    writeFileSync(notice, '关于召开2026年第一季度安全生产工作会议的通知\n各村（社区）、镇属各单位：\n经研究，定于2026年3月10日上午9时在镇政府三楼会议室召开安全生产工作会议。请各单位主要负责人准时参会。\n长寿镇人民政府\n2026年3月5日\n');
    expectRefused([notice], /notice\.txt：这是一份通知（“关于召开2026年第一季度安全生产工作会议的通知”），正文里没有“一、”“（一）”这样的工作任务/);
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '镇里的一些想法\n今年我们要做好几件事情，把群众的事情办好。\n');
    expectRefused([prose], /prose\.txt：正文里没有找到任何标题/);
  });
});

it('never leaves the YAML of a refused import behind', () => {
  const notice = join(dir, 'x.txt');
  writeFileSync(notice, '没有标题的文字。\n');
  runCli(['import', notice], { cwd: dir });
  expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
});
