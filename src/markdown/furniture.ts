// Front matter data → the document furniture (title, issuer, date…), checked
// field by field. Shared by the Markdown reader and the composed tree, so a
// plan's furniture reaches the DOCX the same way with or without Markdown text.
import type { Root } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import type { Furniture } from '../model/plan.js';

type FieldKind = 'string' | 'stringList' | 'date' | 'boolean' | 'attachments' | 'header' | 'publication';

const FURNITURE_FIELDS: Record<keyof Furniture, FieldKind> = {
  title: 'string',
  issuer: 'string',
  date: 'date',
  docNumber: 'string',
  recipients: 'stringList',
  attachments: 'attachments',
  note: 'string',
  copyTo: 'stringList',
  printedBy: 'string',
  printedDate: 'date',
  header: 'header',
  sealed: 'boolean',
  publication: 'publication',
};

/** Keys a plan's front matter may carry besides the furniture (compose writes them). */
const OTHER_KNOWN_KEYS = new Set(['kind', 'year', 'period', 'generator']);

/** Where a front matter key was written, for diagnostics. */
export type KeyLocator = (key: string) => { line: number; col: number };

/** The furniture of a document; without a title in the data, its first `#` heading is the title. */
export function documentFurniture(data: Record<string, unknown>, root: Root, at: KeyLocator, file: string, diagnostics: Diagnostic[]): Furniture {
  const furniture = furnitureFromData(data, at, file, diagnostics);
  if (!furniture.title) furniture.title = firstTitle(root);
  return furniture;
}

/** title is '' when the data gives none. */
function furnitureFromData(data: Record<string, unknown>, at: KeyLocator, file: string, diagnostics: Diagnostic[]): Furniture {
  const furniture: Record<string, unknown> = { title: '' };
  for (const [key, value] of Object.entries(data)) {
    // own keys only: "__proto__" or "constructor" would find Object.prototype's
    const kind = Object.hasOwn(FURNITURE_FIELDS, key) ? FURNITURE_FIELDS[key as keyof Furniture] : undefined;
    if (!kind) {
      if (!OTHER_KNOWN_KEYS.has(key)) {
        const { line, col } = at(key);
        diagnostics.push({ file, line, column: col, severity: 'warning', code: 'front-matter-unknown-key', message: `开头设置中的“${key}”不认识，已忽略。`, hint: '可用的键见 docs/markdown-convention.md。' });
      }
      continue;
    }
    const checked = checkField(kind, value);
    if (checked === undefined) {
      const { line, col } = at(key);
      diagnostics.push({ file, line, column: col, severity: 'error', code: 'front-matter-type', message: `开头设置中的“${key}”${KIND_LABEL[kind]}。` });
      continue;
    }
    furniture[key] = checked;
  }
  return furniture as unknown as Furniture;
}

const KIND_LABEL: Record<FieldKind, string> = {
  string: '应当是一段文字',
  stringList: '应当是文字列表，如 [各村（社区）, 镇直各部门]',
  date: '应当是日期，如 2026-01-14',
  boolean: '应当是 true 或 false',
  attachments: '应当是附件列表，每项带 title，如 - title: 主要指标完成情况表',
  header: '应当写成 { organ: 发文机关名称 }',
  publication: '应当是一组“键: 文字”',
};

function checkField(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    case 'stringList':
      if (typeof value === 'string') return [value];
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{1,2}-\d{1,2}$/.test(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'attachments':
      return Array.isArray(value) && value.every((v) => isRecord(v) && typeof v.title === 'string') ? value : undefined;
    case 'header':
      return isRecord(value) && typeof value.organ === 'string' ? value : undefined;
    case 'publication':
      return isRecord(value) && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]))
        : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstTitle(root: Root): string {
  const heading = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (!heading || heading.type !== 'heading') return '';
  return heading.children.map((child) => ('value' in child ? child.value : '')).join('');
}
