// Changes to what GB/T 9704 prints outside the body (title, 文号, date…) and to
// the plan-level fields around the body (year, basis documents, opening).
import type { Attachment, BasisDocument, Plan, Publication } from '../model/plan.js';
import type { PlanChange } from './index.js';
import { textToString } from './outline.js';
import { resolveCitations } from './phrase.js';
import { diffText } from './text.js';

interface FurnitureField {
  key: keyof Plan;
  label: string;
  show: (value: never, plan: Plan) => string;
  /** long free text: show character-level edits */
  wording?: boolean;
}

const FIELDS: FurnitureField[] = [
  { key: 'title', label: '标题', show: String, wording: true },
  { key: 'kind', label: '文种', show: String },
  { key: 'year', label: '计划年度', show: (year: number) => `${year}年` },
  { key: 'docNumber', label: '文号', show: String },
  { key: 'recipients', label: '主送机关', show: (list: string[]) => list.join('、') },
  { key: 'basis', label: '依据文件', show: (list: BasisDocument[]) => list.map(showBasis).join('、') },
  { key: 'opening', label: '开头段', show: (text: Plan['opening'], plan) => resolveCitations(textToString(text), plan), wording: true },
  { key: 'attachments', label: '附件', show: (list: Attachment[]) => list.map((a, i) => `${i + 1}. ${a.title}`).join('\n') },
  { key: 'issuer', label: '署名', show: String },
  { key: 'date', label: '成文日期', show: showDate },
  { key: 'note', label: '附注', show: String, wording: true },
  { key: 'copyTo', label: '抄送', show: (list: string[]) => list.join('、') },
  { key: 'printedBy', label: '印发机关', show: String },
  { key: 'printedDate', label: '印发日期', show: showDate },
  { key: 'header', label: '版头', show: (header: { organ: string }) => `${header.organ}文件` },
  { key: 'sealed', label: '印章', show: (sealed: boolean) => (sealed ? '加盖印章' : '不加盖印章') },
  { key: 'publication', label: '政务公开信息', show: showPublication },
  { key: 'numbering', label: '编号方式', show: showNumbering },
];

export function diffFurniture(before: Plan, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of FIELDS) {
    const oldValue = before[field.key];
    const newValue = after[field.key];
    if (canonical(oldValue) === canonical(newValue)) continue;
    const oldText = oldValue === undefined ? undefined : field.show(oldValue as never, before);
    const newText = newValue === undefined ? undefined : field.show(newValue as never, after);
    const verb = oldText === undefined ? '增加' : newText === undefined ? '删除' : '修改';
    changes.push({
      kind: 'furniture', location: field.label, subject: field.label, before: oldText, after: newText,
      edits: field.wording && oldText !== undefined && newText !== undefined ? diffText(oldText, newText) : undefined,
      explanation: `${verb}${field.label}`,
    });
  }
  return changes;
}

function showNumbering(options: NonNullable<Plan['numbering']>): string {
  const parts: string[] = [];
  if (options.level3) parts.push(options.level3 === 'continue' ? '三级标题（1.）在一级标题内连续编号' : '三级标题（1.）在每个二级标题下重新编号');
  if (options.runInMark) parts.push(`标题接正文时用“${options.runInMark}”`);
  return parts.join('；');
}

function showBasis(basis: BasisDocument): string {
  return `《${basis.title}》${basis.number ? `（${basis.number}）` : ''}`;
}

/** "2026-01-14" → "2026年1月14日", as the document prints it. */
export function showDate(value: unknown): string {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

const PUBLICATION_LABELS: Record<keyof Publication, string> = {
  indexNo: '索引号', publisher: '发布机构', category: '组配分类', topic: '主题分类', openness: '公开方式',
  scope: '公开范围', generated: '生成日期', published: '公开日期', effective: '生效日期', expires: '废止日期',
};

function showPublication(publication: Publication): string {
  return Object.entries(publication)
    .map(([key, value]) => `${PUBLICATION_LABELS[key as keyof Publication] ?? key}：${String(value)}`)
    .join('；');
}

/** JSON with sorted keys, so reordering keys in the YAML is not a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  }) ?? 'undefined';
}
