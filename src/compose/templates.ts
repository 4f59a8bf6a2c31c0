// The handlebars environment: built-in templates in templates/, overridable
// file by file from a user directory (--templates DIR or the config file).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

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

function compileTemplate(name: string, userDir?: string): RenderTemplate {
  const env = Handlebars.create();
  const dirs = userDir ? [builtinTemplatesDir(), resolve(userDir)] : [builtinTemplatesDir()];
  const partialFiles = new Map<string, string>();
  for (const dir of dirs) {
    for (const [partial, file] of listPartials(dir)) partialFiles.set(partial, file);
  }
  for (const [partial, file] of partialFiles) env.registerPartial(partial, compileFile(env, file));
  const file = dirs.map((dir) => join(dir, name)).reverse().find((candidate) => existsSync(candidate));
  if (!file) throw new TemplateError(join(dirs.at(-1)!, name), 0, `找不到模板 ${name}。`);
  const render = compileFile(env, file);
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

function compileFile(env: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  const source = readFileSync(file, 'utf8');
  try {
    env.parse(source); // syntax errors now, with the file name, instead of at first use
    return env.compile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw templateError(error, file);
  }
}

function runTemplate(render: HandlebarsTemplateDelegate, view: object, file: string): string {
  try {
    return render(view);
  } catch (error) {
    throw templateError(error, file);
  }
}

function templateError(error: unknown, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  const detail = message.split('\n').find((l) => l.startsWith('Expecting') || l.startsWith('Parse error')) ?? message.split('\n')[0];
  return new TemplateError(file, line, `模板有错误，无法使用：${detail}`);
}
