// The I/O edge of `plandoc lint`: reads the files, prints findings, writes fixes.
import { readFile } from 'node:fs/promises';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../load/diagnostic.js';
import { writeFileAtomic } from '../cli/io.js';
import { readSourceFile } from '../load/source.js';
import { formatCounts, formatDiagnostics } from '../load/format.js';
import { fixSource, lintSource, unlintableYaml, type LintChange } from './index.js';

/** The reader drops a UTF-8 byte-order mark; --fix puts it back so only the fixed characters change. */
async function startsWithBom(file: string): Promise<boolean> {
  const head = (await readFile(file)).subarray(0, 3);
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
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
    const read = await readSourceFile(file);
    if (read.text === undefined) {
      all.push(...read.diagnostics);
      continue;
    }
    let text = read.text;
    if (options.fix) {
      const fixed = fixSource(text, file);
      if (fixed.changes.length) {
        await writeFileAtomic(file, (await startsWithBom(file)) ? `\uFEFF${fixed.text}` : fixed.text);
        for (const change of fixed.changes) process.stderr.write(`${describeChange(file, change)}\n`);
        text = fixed.text;
      }
    }
    sources.set(file, text);
    all.push(...unlintableYaml(text, file), ...lintSource(text, file));
  }
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(formatDiagnostics(sortDiagnostics(all), sources, { color }));
  process.stderr.write(all.length ? `${formatCounts(all)}。\n` : '没有发现文字规范问题。\n');
  return hasErrors(all);
}
