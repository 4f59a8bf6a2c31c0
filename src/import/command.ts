// The I/O edge of `plandoc import`: reads the input, writes the plan, reports.
import { access } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { writeFileAtomic } from '../cli/io.js';
import { linkSchema, schemaWrittenNote } from '../init/schema-path.js';
import { ImportError, importFile, SCHEMA_LINE, type ImportNote } from './index.js';

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

/** Imports one document; returns true on success. */
export async function runImport(input: string, options: { output?: string; force?: boolean }): Promise<boolean> {
  const ext = extname(input).toLowerCase();
  if (!SUPPORTED.has(ext)) {
    return fail(`${input}：不支持的文件类型“${ext || '（无扩展名）'}”，只能导入 .txt、.md、.docx、.doc、.wps、.rtf 和 .pdf`);
  }
  const output = options.output ?? defaultOutput(input);
  const toStdout = output === '-';
  if (!toStdout && resolve(output) === resolve(input)) return fail(`输出文件不能和输入文件相同：${output}`);
  if (!toStdout && !options.force && (await exists(output))) {
    return fail(`${output} 已经存在，没有覆盖。换一个输出文件名（-o），或加 --force 覆盖它`);
  }
  let outcome;
  try {
    outcome = await importFile(input);
  } catch (error) {
    if (error instanceof ImportError) return fail(`${input}：${error.message}`);
    throw error;
  }
  for (const note of outcome.notes) process.stderr.write(`${formatNote(input, note)}\n`);
  // the schema comment points into the writer's repository, relative to the new file
  const schema = await linkSchema(toStdout ? 'plan.yaml' : output, 'plan', !toStdout);
  const yaml = outcome.yaml.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schema.path}`);
  process.stderr.write(schemaWrittenNote(schema));
  if (toStdout) process.stdout.write(yaml);
  else {
    await writeFileAtomic(output, yaml);
    process.stderr.write(`已写入 ${output}。请核对标有“导入时推测”的地方，然后运行 plandoc check ${output}\n`);
  }
  return true;
}
