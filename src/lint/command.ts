// The I/O edge of `plandoc lint`: reads the files, prints findings, writes fixes.
import { readFile } from 'node:fs/promises';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../load/diagnostic.js';
import { writeFileAtomic } from '../cli/io.js';
import { formatCounts, formatDiagnostics } from '../load/format.js';
import { fixSource, lintSource, type LintChange } from './index.js';

async function readSource(file: string): Promise<string | Diagnostic> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      file, line: 0, column: 0, severity: 'error', code: missing ? 'file-missing' : 'file-unreadable',
      message: missing ? '找不到这个文件' : `读不了这个文件（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`,
      hint: missing ? '检查文件名和路径是否写对。' : '检查文件权限。',
    };
  }
}

function describeChange(file: string, change: LintChange): string {
  const before = change.before.replace(/ /g, '␠');
  const after = change.after === '' ? '（删去）' : change.after;
  return `${file}:${change.line}:${change.column}: 已改正 [${change.code}] “${before}” → “${after}”`;
}

/** Lints (and with `fix`, fixes) each file; returns true when errors remain. */
export async function runLint(files: string[], options: { fix: boolean }): Promise<boolean> {
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const read = await readSource(file);
    if (typeof read !== 'string') {
      all.push(read);
      continue;
    }
    let text = read;
    if (options.fix) {
      const fixed = fixSource(text, file);
      if (fixed.changes.length) {
        await writeFileAtomic(file, fixed.text);
        for (const change of fixed.changes) process.stderr.write(`${describeChange(file, change)}\n`);
        text = fixed.text;
      }
    }
    sources.set(file, text);
    all.push(...lintSource(text, file));
  }
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(formatDiagnostics(sortDiagnostics(all), sources, { color }));
  process.stderr.write(all.length ? `${formatCounts(all)}。\n` : '没有发现文字规范问题。\n');
  return hasErrors(all);
}
