// The I/O edge of `plandoc import`: reads the input, writes the plan, reports.
import { access } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { writeFileAtomic } from '../cli/io.js';
import { linkSchema, schemaWrittenNote } from '../init/schema-path.js';
import { ImportError, importFile, PROGRESS_SCHEMA_LINE, SCHEMA_LINE, type ImportNote } from './index.js';

const SUPPORTED = new Set(['.txt', '.md', '.markdown', '.docx', '.doc', '.wps', '.rtf', '.pdf']);

export function defaultOutput(input: string): string {
  return `${basename(input, extname(input))}.yaml`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function fail(message: string): false {
  process.stderr.write(`plandoc: ${message}\n`);
  return false;
}

function formatNote(input: string, note: ImportNote): string {
  const where = note.line > 0 ? `${input}:${note.line}: ` : '';
  const label = note.kind === 'found' ? '已识别' : note.kind === 'guess' ? '推测' : '警告';
  return `${where}${label}：${note.message}`;
}

/** "x.yaml" → "x-计划.yaml": where --split writes the plan part of a 总结及计划. */
export function planPartOutput(output: string): string {
  return `${output.replace(/\.ya?ml$/i, '')}-计划.yaml`;
}

/** Imports one document; returns true on success. */
export async function runImport(input: string, options: { output?: string; force?: boolean; split?: boolean; keepNotice?: boolean }): Promise<boolean> {
  const ext = extname(input).toLowerCase();
  if (!SUPPORTED.has(ext)) {
    return fail(`${input}：不支持的文件类型“${ext || '（无扩展名）'}”，只能导入 .txt、.md、.docx、.doc、.wps、.rtf 和 .pdf`);
  }
  const output = options.output ?? defaultOutput(input);
  const toStdout = output === '-';
  if (toStdout && options.split) return fail('--split 要写出两个文件（总结和计划），不能和 -o - 一起用');
  if (options.split && options.keepNotice) return fail('--split 用于总结及计划，--keep-notice 用于印发通知，两者不能一起用');
  const outputs = options.split ? [output, planPartOutput(output)] : [output];
  for (const path of toStdout ? [] : outputs) {
    if (resolve(path) === resolve(input)) return fail(`输出文件不能和输入文件相同：${path}`);
    if (!options.force && (await exists(path))) return fail(`${path} 已经存在，没有覆盖。换一个输出文件名（-o），或加 --force 覆盖它`);
  }
  let outcome;
  try {
    outcome = await importFile(input, { keepNotice: options.keepNotice });
  } catch (error) {
    if (error instanceof ImportError) return fail(`${input}：${error.message}`);
    throw error;
  }
  const split = outcome.summary?.split;
  if (options.split && !split) {
    return fail(`${input}：--split 只用于“工作总结及工作计划”这样总结和计划合在一起的文件，这份文件${outcome.summary ? '没有找到计划部分的一级标题（如“下半年工作计划”）' : '不是工作总结'}，没有写出文件`);
  }
  for (const note of outcome.notes) process.stderr.write(`${formatNote(input, note)}\n`);
  const files = options.split && split
    ? [{ path: output, yaml: split.yaml, kind: 'progress' as const }, { path: planPartOutput(output), yaml: split.planYaml, kind: 'plan' as const }]
    : [{ path: output, yaml: outcome.yaml, kind: outcome.summary ? ('progress' as const) : ('plan' as const) }];
  for (const file of files) await writeOne(file, toStdout);
  return true;
}

async function writeOne(file: { path: string; yaml: string; kind: 'plan' | 'progress' }, toStdout: boolean): Promise<void> {
  // the schema comment points into the writer's repository, relative to the new file
  const schema = await linkSchema(toStdout ? `${file.kind}.yaml` : file.path, file.kind, !toStdout);
  const yaml = file.yaml.replace(file.kind === 'progress' ? PROGRESS_SCHEMA_LINE : SCHEMA_LINE, `# yaml-language-server: $schema=${schema.path}`);
  process.stderr.write(schemaWrittenNote(schema));
  if (toStdout) {
    process.stdout.write(yaml);
    return;
  }
  await writeFileAtomic(file.path, yaml);
  const what = file.kind === 'progress' ? '（总结，进度文件）' : '';
  process.stderr.write(`已写入 ${file.path}${what}。请核对标有“导入时推测”的地方，然后运行 plandoc check ${file.path}\n`);
}
