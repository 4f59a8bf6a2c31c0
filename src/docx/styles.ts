// word/styles.xml written from the profile. It replaces the docx library's
// default styles part, which carries coloured heading styles and no fonts:
// here docDefaults name the body font in all four slots and no theme font
// appears anywhere (FN-11). Every paragraph plandoc writes has one of the
// paragraph styles below, which carry the GB/T 9704 look themselves: Word's
// and WPS's navigation pane, a table of contents and "select text with
// similar formatting" work, and a writer who adds a paragraph in Word gets the
// same look. Headings have outline levels 0–3 (一、（一）1.（1）); the title
// has none, so it does not sit on the same level as 一、.
import type { StyleProfile } from './profile.js';
import { runLook, type RunLook, type RunRole } from './runs.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Paragraph style ids (w:pStyle). */
export const STYLE = {
  title: 'Title',
  body: 'BodyText',
  table: 'TableText',
  footer: 'Footer',
  heading: (level: 1 | 2 | 3 | 4) => `Heading${level}`,
} as const;

export function stylesXml(profile: StyleProfile): string {
  const exact = `<w:spacing w:before="0" w:after="0" w:line="${profile.grid.linePitch}" w:lineRule="exact"/>`;
  const indent = `<w:ind w:firstLine="${2 * profile.grid.charWidth}" w:firstLineChars="200"/>`;
  const single = (line: number) => `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="auto"/>`;
  const defaults = `<w:pPr><w:widowControl w:val="0"/>${exact}<w:jc w:val="both"/></w:pPr>`;
  // no GR-02 squeeze in the defaults: page numbers and tables inherit them
  const bodyRun = rPr({ ...runLook('body', profile), spacing: undefined }, '<w:kern w:val="0"/>', '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>');
  const paragraphStyle = (id: string, name: string, extra: { pPr?: string; role?: RunRole; next?: string; priority?: number; hidden?: boolean }) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra.next ? `<w:next w:val="${extra.next}"/>` : ''}` +
    `<w:uiPriority w:val="${extra.priority ?? 99}"/>${extra.hidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '<w:qFormat/>'}` +
    `${extra.pPr ? `<w:pPr>${extra.pPr}</w:pPr>` : ''}${extra.role ? rPr(runLook(extra.role, profile)) : ''}</w:style>`;
  const heading = (level: 1 | 2 | 3 | 4) =>
    paragraphStyle(STYLE.heading(level), `heading ${level}`, { next: STYLE.body, priority: 9, role: `heading${level}`, pPr: `<w:keepNext/>${exact}${indent}<w:outlineLvl w:val="${level - 1}"/>` });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<w:styles xmlns:w="${W_NS}">`,
    `<w:docDefaults><w:rPrDefault>${bodyRun}</w:rPrDefault><w:pPrDefault>${defaults}</w:pPrDefault></w:docDefaults>`,
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${defaults}${bodyRun}</w:style>`,
    paragraphStyle(STYLE.title, 'Title', { next: STYLE.body, priority: 10, role: 'title', pPr: `<w:keepNext/><w:snapToGrid w:val="0"/>${exact}<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>` }),
    heading(1),
    heading(2),
    heading(3),
    heading(4),
    paragraphStyle(STYLE.body, 'Body Text', { priority: 1, role: 'body', pPr: `${exact}${indent}<w:jc w:val="both"/>` }),
    paragraphStyle(STYLE.table, 'Table Text', { role: 'table', pPr: `${single(profile.table.cellLine)}<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>` }),
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    paragraphStyle(STYLE.footer, 'footer', { hidden: true, role: 'pageNumber', pPr: `${single(240)}<w:ind w:firstLine="0" w:firstLineChars="0"/>` }),
    paragraphStyle('FootnoteText', 'footnote text', { hidden: true, pPr: single(240) }),
    '</w:styles>',
  ].join('');
}

/** Run properties of a look, in schema order (rFonts … sz, szCs … lang). */
function rPr(look: RunLook, kern = '', lang = '<w:lang w:eastAsia="zh-CN"/>'): string {
  const fonts = `<w:rFonts w:ascii="${escapeAttr(look.latin)}" w:hAnsi="${escapeAttr(look.latin)}" w:eastAsia="${escapeAttr(look.eastAsia)}" w:cs="${escapeAttr(look.latin)}" w:hint="eastAsia"/>`;
  const bold = look.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>';
  const spacing = look.spacing ? `<w:spacing w:val="${look.spacing}"/>` : '';
  return `<w:rPr>${fonts}${bold}<w:color w:val="${look.color}"/>${spacing}${kern}<w:sz w:val="${look.size}"/><w:szCs w:val="${look.size}"/>${lang}</w:rPr>`;
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
