// Where the `# yaml-language-server: $schema=…` comment of a new plan points:
// schema/plan.schema.json in the writer's own repository, as a path relative to
// the plan, so it works for every colleague who clones the repository (on any
// machine, on Windows too). When the repository has no copy yet, one is written
// (the same file `plandoc schema plan -o schema/plan.schema.json` writes).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../cli/io.js';
import { schemaFileName, schemaText, type SchemaKind } from '../schema/index.js';

export interface SchemaLink {
  /** the `$schema=` value: relative to the file, with forward slashes */
  path: string;
  /** the schema file written into the repository, if it was missing (as the user named paths) */
  written?: string;
}

/**
 * The schema link for a new file at `file`; writes the schema into the
 * repository when missing, unless `write` is false (output to stdout writes nothing).
 */
export async function linkSchema(file: string, kind: SchemaKind = 'plan', write = true): Promise<SchemaLink> {
  const fileDir = dirname(resolve(file));
  const top = repositoryTop(fileDir);
  const name = schemaFileName(kind);
  const existing = findUp(fileDir, (dir) => existsSync(join(dir, name)), top);
  const schema = join(existing ?? top, name);
  let written: string | undefined;
  if (!existing && write) {
    await writeFileAtomic(schema, schemaText(kind));
    written = relative(process.cwd(), schema) || schema;
  }
  const path = relative(fileDir, schema).split(sep).join('/');
  return { path: path.startsWith('.') ? path : `./${path}`, written };
}

/** The sentence telling the writer about a schema copy that was written. */
export function schemaWrittenNote(link: SchemaLink): string {
  return link.written ? `已写入 ${link.written}（编辑器据此补全和解释键；请和计划文件一起提交到 git）\n` : '';
}

/** The writer's repository: the nearest folder with .git; else the current folder when the file is inside it; else the file's folder. */
function repositoryTop(fileDir: string): string {
  const git = findUp(fileDir, (dir) => existsSync(join(dir, '.git')));
  if (git) return git;
  const cwd = process.cwd();
  return fileDir === cwd || fileDir.startsWith(cwd + sep) ? cwd : fileDir;
}

function findUp(start: string, found: (dir: string) => boolean, stop?: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

/** The installed plandoc package: the nearest package.json named plandoc above this module. */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = findUp(here, (dir) => {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) return false;
    try {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'plandoc';
    } catch {
      return false;
    }
  });
  return root ?? resolve(here, '..');
}
