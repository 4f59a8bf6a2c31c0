// Reads the paragraphs and tables of a .docx (word/document.xml) in order.
import JSZip from 'jszip';
import type { InputBlock } from './blocks.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function paragraphText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
    text += m[2] === 'tab' ? ' ' : m[2] ? '\n' : decode(m[1] ?? '');
  }
  return joinBrokenLines(text);
}

/** A title broken over lines (PL-01) joins without a blank between Chinese characters. */
function joinBrokenLines(text: string): string {
  return text.replace(/\s*\n\s*/g, (gap, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + gap.length] ?? '';
    return /[^\x00-\x7f]/.test(before) && /[^\x00-\x7f]/.test(after) ? '' : ' ';
  });
}

function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((cell) =>
      [...cell[0].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0]).trim()).filter(Boolean).join(''),
    ),
  );
}

/**
 * Word's built-in heading styles: "Title" is the document title, "Heading1"…
 * (style ids "1"… in Chinese Word, 标题 1…) the section levels.
 */
function styleHeadingLevel(paragraphXml: string): number | undefined {
  const style = /<w:pStyle\s+w:val="([^"]+)"/.exec(paragraphXml)?.[1];
  if (!style) return undefined;
  if (/^title$/i.test(style)) return 0;
  const level = /^(?:heading\s*|标题\s*)?([1-4])$/i.exec(style)?.[1];
  return level === undefined ? undefined : Number(level);
}

export class DocxReadError extends Error {}

/** Blocks of a .docx; `line` is the 1-based paragraph number. */
export async function docxToBlocks(bytes: Uint8Array): Promise<InputBlock[]> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    throw new DocxReadError('这个文件不是有效的 .docx（Word 2007 及以后的格式）');
  }
  if (!xml) throw new DocxReadError('这个 .docx 里没有正文（缺少 word/document.xml）');
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const blocks: InputBlock[] = [];
  let index = 0;
  for (const m of body.matchAll(/<w:tbl\b[\s\S]*?<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g)) {
    index++;
    if (m[0].startsWith('<w:tbl')) {
      blocks.push({ kind: 'table', rows: tableRows(m[0]), line: index });
      continue;
    }
    const text = paragraphText(m[0]).replace(/[\u00a0\u3000]/g, ' ').trim();
    const headingLevel = styleHeadingLevel(m[0]);
    if (text) blocks.push({ kind: 'para', text, line: index, ...(headingLevel === undefined ? {} : { headingLevel }) });
  }
  return blocks;
}
