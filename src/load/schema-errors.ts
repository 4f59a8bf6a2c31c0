// Translates ajv's errors into plain-Chinese diagnostics that name the
// property by its Chinese title and point at the offending YAML node.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostic.js';
import { closestMatch, describeTypes, describeValue } from './words.js';
import { CITATION_QUOTE_HINT, citationInFlow, locate, makeDiagnostic } from './yaml.js';
import type { JsonPath, ParsedYaml } from './yaml.js';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveRef(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const target = current.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (isSchema(node) ? node[part] : undefined), root);
    if (!isSchema(target)) break;
    current = target;
  }
  return current;
}

/** The schema describing the value at `path`, and the title to call it by. */
export function schemaAt(root: Schema, path: JsonPath): { schema?: Schema; title?: string; description?: string } {
  let schema: Schema | undefined = root;
  let title = typeof root.title === 'string' ? root.title : undefined;
  let description: string | undefined;
  for (const segment of path) {
    if (!schema) break;
    const container = resolveRef(root, schema);
    const properties = isSchema(container.properties) ? container.properties : {};
    const next: unknown = typeof segment === 'number' ? container.items : properties[segment];
    schema = isSchema(next) ? next : undefined;
    const own = schema ?? {};
    const resolved = schema ? resolveRef(root, schema) : {};
    title = (own.title ?? resolved.title) as string | undefined;
    description = (own.description ?? resolved.description) as string | undefined;
  }
  return { schema: schema && resolveRef(root, schema), title, description };
}

/** "计划年度（year）", "主送机关（recipients）的第2项". */
export function labelAt(root: Schema, path: JsonPath): string {
  if (path.length === 0) return '文件';
  const last = path[path.length - 1]!;
  if (typeof last === 'number') return `${labelAt(root, path.slice(0, -1))}的第${last + 1}项`;
  const { title } = schemaAt(root, path);
  return title ? `${title}（${last}）` : `“${last}”`;
}

export function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

interface Translation {
  code: string;
  message: string;
  hint?: string;
  key?: boolean;
  path?: JsonPath;
}

/** `noun` names the whole file in messages about its top level: 计划文件, 进度文件. */
export function schemaDiagnostics(errors: readonly ErrorObject[], parsed: ParsedYaml, root: Schema, noun = '文件'): Diagnostic[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    // an anyOf failure is reported once, not as one error per alternative
    if (anyOfPaths.has(error.instancePath) && error.keyword !== 'anyOf') continue;
    const path = pointerToPath(error.instancePath);
    const translation = translate(error, path, root, noun);
    const where = locate(parsed, translation.path ?? path, { key: translation.key ?? true });
    const hint = translation.code === 'schema-type' && citationInFlow(parsed, where.line) ? CITATION_QUOTE_HINT : translation.hint;
    diagnostics.push(makeDiagnostic(parsed, where, 'error', translation.code, translation.message, hint));
  }
  return dedupe(diagnostics);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function translate(error: ErrorObject, path: JsonPath, root: Schema, noun: string): Translation {
  const label = labelAt(root, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      if ((error.parentSchema as Schema | undefined)?.title === '段落或列表') {
        return { code: 'schema-type', message: `${label}应为一段文字、“list:”列表或“table:”表格，现在是${describeValue(error.data)}`, hint: '每段文字一项，以“- ”开头；数字也要写成文字。', key: false };
      }
      return typeError(label, params.type as string | string[], error.data, schemaAt(root, path).description);
    case 'required':
      return missingKey(root, path, String(params.missingProperty), noun);
    case 'additionalProperties':
      return unknownKey(root, path, String(params.additionalProperty), error);
    case 'enum':
      return enumError(label, params.allowedValues as unknown[], error.data);
    case 'const':
      return { code: 'schema-enum', message: `${label}只能是“${String(params.allowedValue)}”，现在是${describeValue(error.data)}`, key: false };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return rangeError(label, error);
    case 'pattern':
    case 'format':
      return formatError(label, path, error.data);
    case 'minLength':
      return { code: 'schema-empty', message: `${label}不能是空的`, hint: '填写内容，或者删掉这一行。', key: false };
    case 'minItems':
      return { code: 'schema-empty', message: `${label}至少要有一项`, hint: '在下一行用“- ”开头写上一项，或者删掉这个键。', key: false };
    case 'anyOf':
    case 'oneOf':
      return { code: 'schema-type', message: `${label}的写法不对，现在是${describeValue(error.data)}`, hint: schemaAt(root, path).description, key: false };
    default:
      return { code: 'schema', message: `${label}的写法不对`, hint: schemaAt(root, path).description, key: false };
  }
}

function typeError(label: string, expected: string | string[], data: unknown, description?: string): Translation {
  const wanted = describeTypes(expected);
  if (typeof data === 'number' && Number.isNaN(data)) {
    return { code: 'schema-type', message: `${label}不是有效的数字（.nan）`, hint: '写一个阿拉伯数字，例如 90。', key: false };
  }
  if (typeof data === 'number' && !Number.isFinite(data)) {
    return { code: 'number-too-large', message: `${label}的数字太大，超出了能处理的范围`, hint: '检查是不是多写了数字或写错了指数。', key: false };
  }
  if (data === null) {
    return { code: 'schema-type', message: `${label}是空的，应为${wanted}`, hint: '在冒号后面填写内容，或者删掉这一行。', key: false };
  }
  const objectWanted = expected === 'object' && description;
  return { code: 'schema-type', message: `${label}应为${wanted}，现在是${describeValue(data)}`, hint: objectWanted ? description : typeHint(expected, data), key: false };
}

function typeHint(expected: string | string[], data: unknown): string | undefined {
  const wanted = Array.isArray(expected) ? expected : [expected];
  const numeric = wanted.includes('number') || wanted.includes('integer');
  if (numeric && typeof data === 'string') {
    return /^\s*-?[\d.]+\s*$/.test(data) ? '去掉数字两边的引号。' : '用阿拉伯数字书写，例如 2026，不要写汉字数字或单位。';
  }
  if (numeric && typeof data === 'number') return '写整数，不要带小数。';
  if (wanted.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) return '如果要写成文字，用引号括起来。';
  if (wanted.includes('array') && !Array.isArray(data)) return '写成列表：每项另起一行，以“- ”开头。';
  if (wanted.includes('object') && !wanted.includes('string')) return '写成“键: 值”的形式，每个键另起一行并缩进。';
  if (wanted.includes('boolean')) return '写 true（是）或 false（否），不加引号。';
  return undefined;
}

function missingKey(root: Schema, path: JsonPath, missing: string, noun: string): Translation {
  const { title, description } = schemaAt(root, [...path, missing]);
  const owner = path.length ? labelAt(root, path) : noun;
  return {
    code: 'missing-key',
    message: `${owner}缺少${title ? `${title}（${missing}）` : `“${missing}”`}`,
    hint: description ? `添加“${missing}: ……”：${description}` : `添加“${missing}: ……”。`,
    key: false,
  };
}

function unknownKey(root: Schema, path: JsonPath, key: string, error: ErrorObject): Translation {
  const keyPath = [...path, key];
  if (error.schemaPath.includes('/then/')) return targetKeyMismatch(root, path, key, error);
  const parent = error.parentSchema as Schema | undefined;
  if (key === 'children' && parent?.title === '第4级章节') {
    return {
      code: 'section-too-deep',
      message: '章节最多四级（一、（一）1.（1）），这里的下级章节（children）是第五级',
      hint: '把第五级的内容写进第四级的正文（text，可用 list 列表），或者调整章节结构。',
      path: keyPath,
    };
  }
  const properties = isSchema(parent?.properties) ? (parent.properties as Record<string, Schema>) : {};
  const allowed = Object.keys(properties);
  // a property that is only a $ref carries its title in the definition
  const titleOf = (name: string): string | undefined => {
    const property = properties[name];
    return (property?.title ?? (property ? resolveRef(root, property).title : undefined)) as string | undefined;
  };
  const byTitle = allowed.find((name) => titleOf(name) === key);
  const suggestion = byTitle ?? closestMatch(key, allowed);
  const describe = (name: string): string => `${name}（${titleOf(name) ?? name}）`;
  return {
    code: 'unknown-key',
    message: `不认识的键“${key}”`,
    hint: suggestion
      ? `是不是想写“${suggestion}”（${titleOf(suggestion) ?? ''}）？`
      : `这里可以写的键：${allowed.map(describe).join('、')}。`,
    path: keyPath,
  };
}

function targetKeyMismatch(root: Schema, path: JsonPath, key: string, error: ErrorObject): Translation {
  const data = error.data as Record<string, unknown>;
  const kind = String(data.kind);
  const then = error.parentSchema as Schema;
  const usable = Object.keys(isSchema(then.properties) ? then.properties : {});
  const describe = (name: string): string => `${name}（${schemaAt(root, [...path, name]).title ?? name}）`;
  return {
    code: 'target-key',
    message: `目标类型 ${kind} 不用${labelAt(root, [...path, key])}`,
    hint: `kind 为 ${kind} 时可写：${usable.map(describe).join('、')}。`,
    path: [...path, key],
  };
}

function enumError(label: string, allowed: unknown[], data: unknown): Translation {
  const options = allowed.map((v) => (typeof v === 'string' ? `“${v}”` : String(v))).join('、');
  const suggestion = typeof data === 'string' ? closestMatch(data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
  return {
    code: 'schema-enum',
    message: `${label}只能是${options}之一，现在是${describeValue(data)}`,
    ...(suggestion ? { hint: `是不是想写“${suggestion}”？` } : {}),
    key: false,
  };
}

function rangeError(label: string, error: ErrorObject): Translation {
  const schema = (error.parentSchema ?? {}) as Schema;
  const range = typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
    ? `应在 ${schema.minimum} 到 ${schema.maximum} 之间`
    : error.keyword.endsWith('inimum') ? `不能小于 ${String((error.params as { limit: number }).limit)}` : `不能大于 ${String((error.params as { limit: number }).limit)}`;
  return { code: 'schema-range', message: `${label}${range}，现在是 ${String(error.data)}`, key: false };
}

function formatError(label: string, path: JsonPath, data: unknown): Translation {
  const last = path[path.length - 1];
  const shown = describeValue(data);
  if (last === 'id' || last === 'task') {
    return {
      code: 'id-format',
      message: `${label}只能由字母、汉字、数字、下划线和连字符组成，并以字母或汉字开头，现在是${shown}`,
      hint: '例如 income-growth 或 监测对象；不要有空格、点号和括号。',
      key: false,
    };
  }
  const typed = typeof data === 'string' ? isoDateFor(data) : undefined;
  const hint = typed
    ? `写成 ${typed}（年份四位，月和日各两位，用半角连字符“-”连接；排版时会印成“${data as string}”这样的中文日期）。`
    : '年份四位，月和日各两位，用半角连字符“-”连接，例如 2026-01-04。';
  return { code: 'date-format', message: `${label}应写成 2026-01-14 这样的日期，现在是${shown}`, hint, key: false };
}

/** 2027年1月20日, 2027.1.20, 2027/1/20, 2027-1-20 → 2027-01-20 (a real date only). */
function isoDateFor(text: string): string | undefined {
  const match = /^\s*(\d{4})\s*(?:年|[./\-－．])\s*(\d{1,2})\s*(?:月|[./\-－．])\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
