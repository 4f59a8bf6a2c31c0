// The handlebars environment: built-in templates in templates/, overridable
// file by file from a user directory (--templates DIR or the config file).
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { readBoundedSync, refusalMessage } from '../io/read.js';
import { isInside } from '../io/paths.js';

/** A template is a page of text; anything bigger is not one. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template that failed to compile or run, with the file it came from. */
export class TemplateError extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(message);
  }
}

let builtinDir: string | undefined;

/** templates/ of the installed package, found from src/compose or from dist/. */
export function builtinTemplatesDir(): string {
  if (builtinDir) return builtinDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'plan.md.hbs'))) return (builtinDir = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('找不到 plandoc 自带的模板目录 templates/');
    dir = parent;
  }
}

export type RenderTemplate = (view: object) => string;

const builtinCache = new Map<string, RenderTemplate>();

/**
 * Compiles `name` (e.g. "plan.md.hbs") with its partials; the user's files win.
 * Only the built-in templates are cached: a user's may change between runs of
 * a long-lived process (watch).
 */
export function loadTemplate(name: string, userDir?: string): RenderTemplate {
  if (userDir) return compileTemplate(name, userDir);
  let template = builtinCache.get(name);
  if (!template) {
    template = compileTemplate(name);
    builtinCache.set(name, template);
  }
  return template;
}

/** Whether a user's templates directory replaces `name` or any partial. */
export function overridesTemplate(name: string, userDir: string): boolean {
  const dir = resolve(userDir);
  return existsSync(join(dir, name)) || listPartials(dir).length > 0;
}

/**
 * Required on first use: only a template override is compiled (the built-in
 * templates give the composed tree's own Markdown), so a render without one
 * never loads handlebars.
 */
function handlebars(): typeof Handlebars {
  return createRequire(import.meta.url)('handlebars') as typeof Handlebars;
}

function compileTemplate(name: string, userDir?: string): RenderTemplate {
  const env = handlebars().create();
  const dirs = userDir ? [builtinTemplatesDir(), resolve(userDir)] : [builtinTemplatesDir()];
  const partialFiles = new Map<string, { file: string; dir: string }>();
  for (const dir of dirs) {
    for (const [partial, file] of listPartials(dir)) partialFiles.set(partial, { file, dir });
  }
  for (const [partial, { file, dir }] of partialFiles) env.registerPartial(partial, compileFile(env, file, dir));
  const dir = [...dirs].reverse().find((candidate) => existsSync(join(candidate, name)));
  if (!dir) throw new TemplateError(join(dirs.at(-1)!, name), 0, `找不到模板 ${name}。`);
  const file = join(dir, name);
  const render = compileFile(env, file, dir);
  return (view) => runTemplate(render, view, file);
}

function listPartials(dir: string): Array<[string, string]> {
  const partialsDir = join(dir, 'partials');
  if (!existsSync(partialsDir)) return [];
  return readdirSync(partialsDir)
    .filter((entry) => entry.endsWith('.hbs'))
    .sort()
    .map((entry) => [entry.replace(/(\.md)?\.hbs$/, ''), join(partialsDir, entry)]);
}

// noEscape: the view already holds escaped Markdown; HTML-escaping would print "&amp;".
const COMPILE_OPTIONS = { noEscape: true, preventIndent: true } as const;

function compileFile(env: typeof Handlebars, file: string, folder: string): HandlebarsTemplateDelegate {
  const source = readTemplateFile(file, folder);
  try {
    env.parse(source); // syntax errors now, with the file name, instead of at first use
    return env.compile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw templateError(error, file);
  }
}

/**
 * A template or partial is read only as a regular file whose real path lies in
 * its templates folder: a committed `partials/note.hbs` symlink to /etc/passwd
 * must not put the renderer's files into the document.
 */
function readTemplateFile(file: string, folder: string): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new TemplateError(file, 0, '找不到这个模板文件（可能是指向不存在的文件的链接）。');
  }
  if (!isInside(realpathSync(folder), real)) {
    throw new TemplateError(file, 0, `模板是指向模板目录之外（${real}）的链接，plandoc 不读取模板目录以外的文件。`);
  }
  const read = readBoundedSync(real, MAX_TEMPLATE_BYTES);
  if (read.refusal) throw new TemplateError(file, 0, `模板无法使用：${refusalMessage(file, read.refusal, MAX_TEMPLATE_BYTES).message}。`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new TemplateError(file, 0, '模板不是 UTF-8 编码的文本：在编辑器里另存为 UTF-8。');
  }
}

/**
 * Templates see only the view's own properties. Handlebars denies prototype
 * access by default but then prints an English warning per property; saying
 * so explicitly keeps the denial and drops the warning.
 */
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

function runTemplate(render: HandlebarsTemplateDelegate, view: object, file: string): string {
  try {
    return render(view, RUNTIME_OPTIONS);
  } catch (error) {
    throw templateError(error, file);
  }
}

function templateError(error: unknown, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /The partial (.+) could not be found/.exec(message);
  if (missing) return missingPartialError(missing[1]!, file);
  // "Parse error on line 5:" or, for a mismatched block, "each doesn't match if - 2:3"
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/m.exec(message)?.[1] ?? 0);
  const lines = message.split('\n');
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const detail = mismatch
    ? `“{{#${mismatch[1]}}}”块用“{{/${mismatch[2]}}}”结束，开始和结束的名字要一致`
    : lines[0]!.startsWith('Parse error') ? '这一行的“{{ }}”写法不对：检查花括号是否成对、块是否用“{{/名字}}”结束' : lines[0];
  return new TemplateError(file, line, `模板有错误，无法使用：${detail}`);
}

/** Handlebars names a missing partial without a position; find where the template uses it. */
function missingPartialError(partial: string, file: string): TemplateError {
  const escaped = partial.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const use = new RegExp(`\\{\\{~?>\\s*${escaped}(?=[\\s}~])`);
  const read = readBoundedSync(file, MAX_TEMPLATE_BYTES);
  const index = read.bytes ? read.bytes.toString('utf8').split('\n').findIndex((text) => use.test(text)) : -1;
  return new TemplateError(file, index + 1, `模板引用了局部模板“${partial}”，但找不到它（应为 partials/${partial}.hbs）`);
}
