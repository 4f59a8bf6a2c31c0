// The I/O edge of `plandoc lint`: reads the files, prints findings, writes fixes.
import { sortDiagnostics, type Diagnostic } from '../load/diagnostic.js';
import { writeSourceInPlace } from '../io/inplace.js';
import { FileIoError } from '../io/errors.js';
import { normalizeLoneCr, readSourceFile } from '../load/source.js';
import { formatCounts, formatDiagnostics } from '../load/format.js';
import { fixSource, lintSource, unlintableYaml, type LintChange } from './index.js';

/** Writes the fixed text through the safe in-place writer; a diagnostic when the file cannot be changed. */
async function writeFixes(file: string, text: string): Promise<Diagnostic | undefined> {
  try {
    await writeSourceInPlace(file, text);
    return undefined;
  } catch (error) {
    if (!(error instanceof FileIoError)) throw error;
    return { file, line: 0, column: 0, severity: 'error', code: 'fix-not-written', message: error.message, hint: '文件没有改动；上面列出的问题仍需改正。' };
  }
}

function describeChange(file: string, change: LintChange): string {
  const before = change.before.replace(/ /g, '␠');
  const after = change.after === '' ? '（删去）' : change.after;
  return `${file}:${change.line}:${change.column}: 已改正 [${change.code}] “${before}” → “${after}”`;
}

/** Lints (and with `fix`, fixes) each file; returns true when anything remains to be changed. */
export async function runLint(files: string[], options: { fix: boolean }): Promise<boolean> {
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const read = await readSourceFile(file);
    if (read.text === undefined) {
      all.push(...read.diagnostics);
      continue;
    }
    // a file with old Mac line ends (CR alone) is linted with LF in their place, position for position
    const onlyCr = !read.text.includes('\n') && read.text.includes('\r');
    let text = normalizeLoneCr(read.text);
    if (options.fix) {
      const fixed = fixSource(text, file);
      if (fixed.changes.length) {
        const failure = await writeFixes(file, onlyCr ? fixed.text.replace(/\n/g, '\r') : fixed.text);
        if (failure) {
          all.push(failure);
        } else {
          for (const change of fixed.changes) process.stderr.write(`${describeChange(file, change)}\n`);
          text = fixed.text;
        }
      }
    }
    sources.set(file, text);
    all.push(...unlintableYaml(text, file), ...lintSource(text, file));
  }
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(formatDiagnostics(sortDiagnostics(all), sources, { color }));
  process.stderr.write(all.length ? `${formatCounts(all)}。\n` : '没有发现文字规范问题。\n');
  return all.length > 0;
}
