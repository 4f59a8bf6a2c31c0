// Markdown (docs/markdown-convention.md) → an official GB/T 9704-2012 DOCX.
// Every layout number comes from the style profile; the same input gives the
// same bytes.
import { Document, Paragraph, Table } from 'docx';

interface CustomProperty {
  name: string;
  value: string;
}
import type { Root } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import type { Furniture } from '../model/plan.js';
import { resolveProfile, type StyleProfile, type StyleProfileOverrides } from './profile.js';
import { writeBody } from './body.js';
import { closingParagraphs, headerParagraphs, recipientsParagraphs, recordParagraphs, chineseDate } from './furniture.js';
import { SectionStart, sectionOptions, splitSections, type BodyChild } from './sections.js';
import { STYLE, stylesXml } from './styles.js';
import { packDocument } from './package.js';
import { stripInvalidXmlChars } from './xml-chars.js';

export { stripInvalidXmlChars } from './xml-chars.js';
export { DEFAULT_PROFILE, resolveProfile, ProfileError, type StyleProfile, type StyleProfileOverrides } from './profile.js';

export interface DocxOptions {
  profile?: StyleProfileOverrides;
  /** names the input in diagnostics */
  file?: string;
  /** Markdown only: the composed tree whose plan anchors the parsed blocks take (src/review/anchors.ts) */
  anchorsFrom?: Root;
}

export interface DocxResult {
  docx: Uint8Array;
  diagnostics: Diagnostic[];
}

export async function markdownToDocx(markdown: string, options: DocxOptions = {}): Promise<Uint8Array> {
  return (await renderDocx(markdown, options)).docx;
}

/** Like markdownToDocx, and also returns the warnings (removed characters, title mismatch…). */
export async function renderDocx(markdown: string, options: DocxOptions = {}): Promise<DocxResult> {
  const file = options.file ?? '<markdown>';
  // loaded for Markdown only: a composed plan reaches mdastToDocx as a tree
  const { parseMarkdown } = await import('../markdown/parse.js');
  const parsed = parseMarkdown(markdown, file);
  if (options.anchorsFrom) {
    const { copyPlanPaths } = await import('../review/copy-anchors.js');
    copyPlanPaths(parsed.root, options.anchorsFrom);
  }
  const result = await mdastToDocx(parsed.root, parsed.furniture, { ...options, file });
  return { docx: result.docx, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}

export async function mdastToDocx(root: Root, furniture: Furniture, options: DocxOptions = {}): Promise<DocxResult> {
  furniture = xmlSafeFurniture(furniture);
  const profile = resolveProfile(options.profile);
  const ctx = { file: options.file ?? '<markdown>', diagnostics: [] as Diagnostic[] };
  const body = writeBody(root, furniture, profile, ctx, {
    afterTitle: recipientsParagraphs(furniture, profile),
    closing: closingParagraphs(furniture, profile),
  });
  const record = recordParagraphs(furniture, profile);
  const children: BodyChild[] = [...headerParagraphs(furniture, profile), ...body.main, ...body.attachments, ...(record.length ? [new SectionStart('record'), ...record] : [])];
  const sections = splitSections(children);
  const last = sections.at(-1)!.children;
  if (last.at(-1) instanceof Table) last.push(new Paragraph({ style: STYLE.body, children: [] }));
  const document = new Document({
    title: furniture.title,
    creator: furniture.issuer ?? 'plandoc',
    lastModifiedBy: furniture.issuer ?? 'plandoc',
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    customProperties: customProperties(furniture),
    sections: sectionOptions(sections, profile),
  });
  const docx = await packDocument(document, { stylesXml: stylesXml(profile), fontAltNames: titleFontSubstitutes(profile), date: furniture.date });
  return { docx, diagnostics: ctx.diagnostics };
}

/** The profile's substitute for the title fonts (方正小标宋简体 → 宋体 by default). */
function titleFontSubstitutes(profile: StyleProfile): Record<string, string> {
  const { title, headerOrgan, titleSubstitute } = profile.fonts;
  return { [title]: titleSubstitute, [headerOrgan]: titleSubstitute };
}

/** 政务公开 metadata (and 文号, 成文日期) as DOCX custom properties, in a fixed order. */
const PUBLICATION_LABELS: Array<[keyof NonNullable<Furniture['publication']>, string]> = [
  ['indexNo', '索引号'],
  ['publisher', '发布机构'],
  ['category', '组配分类'],
  ['topic', '主题分类'],
  ['openness', '公开方式'],
  ['scope', '公开范围'],
  ['generated', '生成日期'],
  ['published', '发布日期'],
  ['effective', '生效日期'],
  ['expires', '废止日期'],
];

/**
 * Furniture reaches the document properties and the header and closing
 * paragraphs without the body's character check; Word refuses a control
 * character anywhere in the package.
 */
function xmlSafeFurniture<T>(value: T): T {
  if (typeof value === 'string') return stripInvalidXmlChars(value).text as T;
  if (Array.isArray(value)) return value.map(xmlSafeFurniture) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlSafeFurniture(item)])) as T;
  }
  return value;
}

export function customProperties(furniture: Furniture): CustomProperty[] {
  const props: CustomProperty[] = [];
  if (furniture.docNumber) props.push({ name: '文号', value: furniture.docNumber });
  if (furniture.date) props.push({ name: '成文日期', value: chineseDate(furniture.date) });
  for (const [key, label] of PUBLICATION_LABELS) {
    const value = furniture.publication?.[key];
    if (value) props.push({ name: label, value: String(value) });
  }
  return props;
}
