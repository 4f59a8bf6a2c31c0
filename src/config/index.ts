// plandoc.config.yaml: an office's own templates and house style.
//   templates: 模板目录          # plan.md.hbs and partials/*.hbs that replace the built-in ones
//   profile: { … }              # style-profile overrides (src/docx/profile.ts)
// Found in the current directory, or given with --config FILE.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../load/diagnostic.js';
import { readSourceFile } from '../load/source.js';
import { locate, makeDiagnostic, parseYaml, syntaxDiagnostics, toData, type ParsedYaml } from '../load/yaml.js';
import { ProfileError, resolveProfile, type StyleProfileOverrides } from '../docx/profile.js';

export const CONFIG_FILE_NAME = 'plandoc.config.yaml';

export interface PlandocConfig {
  /** absolute path of the templates directory */
  templates?: string;
  profile?: StyleProfileOverrides;
}

export interface ConfigResult {
  config: PlandocConfig;
  diagnostics: Diagnostic[];
  /** the config file read, with its text, for printing diagnostics */
  source?: { file: string; text: string };
}

/** Reads `explicitFile`, or plandoc.config.yaml in `cwd` when there is one. */
export async function loadConfig(options: { cwd: string; explicitFile?: string }): Promise<ConfigResult> {
  const file = options.explicitFile ?? (existsSync(resolve(options.cwd, CONFIG_FILE_NAME)) ? CONFIG_FILE_NAME : undefined);
  if (file === undefined) return { config: {}, diagnostics: [] };
  const read = await readSourceFile(resolve(options.cwd, file), file);
  if (read.text === undefined) return { config: {}, diagnostics: read.diagnostics };
  const result = parseConfig(read.text, file, dirname(resolve(options.cwd, file)));
  return { ...result, source: { file, text: read.text } };
}

const KNOWN_KEYS = new Set(['templates', 'profile']);

export function parseConfig(text: string, file: string, baseDir: string): Omit<ConfigResult, 'source'> {
  const parsed = parseYaml(text, file);
  const syntax = syntaxDiagnostics(parsed);
  if (syntax.length) return { config: {}, diagnostics: syntax };
  const data = toData(parsed);
  if (data.value === undefined || data.value === null) return { config: {}, diagnostics: data.diagnostics };
  if (typeof data.value !== 'object' || Array.isArray(data.value)) {
    return { config: {}, diagnostics: [problem(parsed, [], '配置文件应当是“键: 值”的设置，例如 templates: 模板目录。')] };
  }
  const value = data.value as Record<string, unknown>;
  const diagnostics = Object.keys(value)
    .filter((key) => !KNOWN_KEYS.has(key))
    .map((key) => problem(parsed, [key], `配置文件里的“${key}”不认识。`, '配置文件只认 templates（模板目录）和 profile（版式设置）两项。', true));
  const config: PlandocConfig = {};
  const templates = checkTemplates(value.templates, parsed, baseDir, diagnostics);
  if (templates) config.templates = templates;
  const profile = checkProfile(value.profile, parsed, diagnostics);
  if (profile) config.profile = profile;
  return { config, diagnostics };
}

function checkTemplates(value: unknown, parsed: ParsedYaml, baseDir: string, diagnostics: Diagnostic[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) {
    diagnostics.push(problem(parsed, ['templates'], 'templates 应当是一个目录的路径，例如 templates: 我的模板。'));
    return undefined;
  }
  const dir = resolve(baseDir, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    diagnostics.push(problem(parsed, ['templates'], `模板目录 ${value} 不存在。`, '路径相对于配置文件所在的目录；目录里放 plan.md.hbs 或 partials/*.hbs。'));
    return undefined;
  }
  return dir;
}

function checkProfile(value: unknown, parsed: ParsedYaml, diagnostics: Diagnostic[]): StyleProfileOverrides | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    resolveProfile(value as StyleProfileOverrides);
    return value as StyleProfileOverrides;
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    for (const { path, message } of error.problems) {
      const at = ['profile', ...path.split('.').filter(Boolean)];
      diagnostics.push(problem(parsed, at, `版式设置（profile）有误：${message}。`, '可用的设置和默认值见 src/docx/profile.ts（DEFAULT_PROFILE）。'));
    }
    return undefined;
  }
}

function problem(parsed: ParsedYaml, path: Array<string | number>, message: string, hint?: string, key = false): Diagnostic {
  return makeDiagnostic(parsed, locate(parsed, path, { key }), 'error', 'config', message, hint);
}
