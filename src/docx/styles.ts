// word/styles.xml written from the profile. It replaces the docx library's
// default styles part, which carries coloured heading styles and no fonts:
// here docDefaults name the body font in all four slots and no theme font
// appears anywhere (FN-11).
import type { StyleProfile } from './profile.js';
import { runLook } from './runs.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function stylesXml(profile: StyleProfile): string {
  const body = runLook('body', profile);
  const fonts = `<w:rFonts w:ascii="${escapeAttr(body.latin)}" w:hAnsi="${escapeAttr(body.latin)}" w:eastAsia="${escapeAttr(body.eastAsia)}" w:cs="${escapeAttr(body.latin)}" w:hint="eastAsia"/>`;
  const runProps = `<w:rPr>${fonts}<w:color w:val="${profile.colors.text}"/><w:kern w:val="0"/><w:sz w:val="${body.size}"/><w:szCs w:val="${body.size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>`;
  const paraProps = `<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${profile.grid.linePitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<w:styles xmlns:w="${W_NS}">`,
    `<w:docDefaults><w:rPrDefault>${runProps}</w:rPrDefault><w:pPrDefault>${paraProps}</w:pPrDefault></w:docDefaults>`,
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${paraProps}${runProps}</w:style>`,
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr></w:style>`,
    '</w:styles>',
  ].join('');
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
