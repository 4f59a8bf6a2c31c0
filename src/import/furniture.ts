// Everything around the body: web debris, the 政务公开 metadata block, the
// title, 附件, 署名 and 成文日期. Each function takes blocks and returns what it
// recognised plus the blocks left over.
import type { Publication } from '../model/plan.js';
import type { InputBlock } from './blocks.js';

export interface ImportNote {
  line: number;
  kind: 'found' | 'guess' | 'warning';
  message: string;
}

type Para = Extract<InputBlock, { kind: 'para' }>;

const DEBRIS_LINES = [
  /^来源[:：]/,
  /^扫一扫在手机打开当前页$/,
  /^(【?打印本页】?|【?关闭窗口】?|打印|关闭)$/,
  /^字号[:：]?\s*[大中小\s]+$/,
  /^(分享到|附件下载)[:：]?$/,
  /^\[bookmark: [^\]]*\]$/,
];

/** Drops website and Word-export debris; returns how many blocks were dropped. */
export function dropDebris(blocks: InputBlock[]): { blocks: InputBlock[]; dropped: number } {
  let dropped = 0;
  const kept: InputBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (block.rows.every((row) => row.every((cell) => !cell))) {
        dropped++;
        continue;
      }
      kept.push(block);
      continue;
    }
    const text = block.text.replace(/\[bookmark: [^\]]*\]/g, '').trim();
    if (!text || DEBRIS_LINES.some((re) => re.test(text))) {
      dropped++;
      continue;
    }
    kept.push({ ...block, text });
  }
  return { blocks: kept, dropped };
}

// ------------------------------------------------------------- 政务公开

const PUBLICATION_KEYS: Record<string, keyof Publication | 'title' | 'docNumber' | 'date'> = {
  索引号: 'indexNo',
  发布机构: 'publisher',
  组配分类: 'category',
  主题分类: 'topic',
  公开方式: 'openness',
  公开范围: 'scope',
  生成日期: 'generated',
  公开日期: 'published',
  发布日期: 'published',
  生效日期: 'effective',
  废止日期: 'expires',
  名称: 'title',
  文号: 'docNumber',
  成文日期: 'date',
};

export interface PublicationFound {
  publication: Publication;
  title?: string;
  docNumber?: string;
  date?: string;
  lines: number[];
}

const metaKey = (raw: string) => raw.replace(/[\s:：•·*-]/g, '');

function metaValue(key: string, raw: string): string | undefined {
  const value = raw.trim();
  if (!value || value === '无') return undefined;
  const target = PUBLICATION_KEYS[key];
  // "2026-01-14 10:54:56.0": the web page's timestamp, without the fraction
  return target === 'title' || target === 'docNumber' ? value : value.replace(/^(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2})\.\d+$/, '$1');
}

function record(found: PublicationFound, key: string, raw: string, line: number): void {
  const value = metaValue(key, raw);
  const target = PUBLICATION_KEYS[key];
  if (!target || value === undefined) return;
  if (target === 'title' || target === 'docNumber' || target === 'date') found[target] = value;
  else found.publication[target] = value;
  if (!found.lines.includes(line)) found.lines.push(line);
}

/** "• 索 引 号:113/…" lines and "| 索引号: | … |" tables. */
export function takePublication(blocks: InputBlock[]): { found: PublicationFound; blocks: InputBlock[] } {
  const found: PublicationFound = { publication: {}, lines: [] };
  const kept: InputBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'para') {
      const m = /^[•·*-]?\s*([^:：]{2,12})[:：](.*)$/.exec(block.text);
      if (m && PUBLICATION_KEYS[metaKey(m[1]!)]) {
        record(found, metaKey(m[1]!), m[2]!, block.line);
        continue;
      }
      kept.push(block);
      continue;
    }
    if (!takeMetaTable(block, found)) kept.push(block);
  }
  return { found, blocks: kept };
}

function takeMetaTable(table: Extract<InputBlock, { kind: 'table' }>, found: PublicationFound): boolean {
  const cells = table.rows.flat();
  const isKey = (cell: string | undefined) => cell !== undefined && /[:：]$/.test(cell) && Boolean(PUBLICATION_KEYS[metaKey(cell)]);
  if (cells.filter(isKey).length < 2) return false;
  table.rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      if (!isKey(row[i])) continue;
      const keys = [metaKey(row[i]!)];
      // "| 成文日期: | 发布日期: | 2025-10-20 |": an empty key followed by another key
      while (isKey(row[i + 1])) keys.push(metaKey(row[++i]!));
      const value = row[i + 1] ?? '';
      record(found, keys[keys.length - 1]!, value, table.line + r);
      i++;
    }
  });
  return true;
}

// ------------------------------------------------------------- title

const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\(?[一二三四五六七八九十]{1,3}\)|\d{1,2}[.．、]|[（(]\d{1,2}[）)])/;

export function isNumberedHeading(text: string): boolean {
  return HEADING_START.test(text);
}

function looksLikeTitle(block: Para): boolean {
  return !block.list && block.text.length <= 60 && !isNumberedHeading(block.text) && !/[。；：:，,]/.test(block.text.slice(-1)) && !/[，,。]/.test(block.text);
}

/** The title: a leading markdown `#` heading or a short first line; else the metadata 名称. */
export function takeTitle(
  blocks: InputBlock[],
  fromMetadata: string | undefined,
  notes: ImportNote[],
): { title?: string; fromMetadata?: boolean; blocks: InputBlock[] } {
  const first = blocks[0];
  if (first?.kind === 'para' && (first.headingLevel === 0 || (first.headingLevel === undefined && looksLikeTitle(first)))) {
    notes.push({ line: first.line, kind: 'found', message: `标题：${first.text}` });
    return { title: first.text, blocks: blocks.slice(1) };
  }
  if (fromMetadata) {
    notes.push({ line: 0, kind: 'guess', message: `正文前没有单独的标题行，标题取自网页信息“名称”：${fromMetadata}` });
    return { title: fromMetadata, fromMetadata: true, blocks };
  }
  notes.push({ line: first?.line ?? 0, kind: 'warning', message: '没有找到标题，请在 title 里填写' });
  return { blocks };
}

// ------------------------------------------------------------- 署名, 成文日期, 附件

/** A short last line naming an organ, without punctuation: a 署名. */
const ORGAN = /^[\u4e00-\u9fa5（）]{2,24}(?:镇|乡|街道|人民政府|委员会|办公室|工作站|站|局|中心|党委|政府|所|村|社区|委|办)$/;

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

export function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function takeSignature(blocks: InputBlock[], notes: ImportNote[]): { issuer?: string; date?: string; blocks: InputBlock[] } {
  const last = blocks[blocks.length - 1];
  const m = last?.kind === 'para' ? DATE_LINE.exec(last.text) : null;
  if (last?.kind === 'para' && !m && ORGAN.test(last.text) && !isNumberedHeading(last.text)) {
    notes.push({ line: last.line, kind: 'guess', message: `最后一行“${last.text}”像是署名（没有成文日期）` });
    return { issuer: last.text, blocks: blocks.slice(0, -1) };
  }
  if (last?.kind !== 'para' || !m) return { blocks };
  const date = isoDate(m[1]!, m[2]!, m[3]!);
  const before = blocks[blocks.length - 2];
  if (before?.kind === 'para' && before.text.length <= 30 && !/[。，；：、,;:]/.test(before.text) && !isNumberedHeading(before.text)) {
    notes.push({ line: before.line, kind: 'found', message: `署名：${before.text}；成文日期：${last.text}` });
    return { issuer: before.text, date, blocks: blocks.slice(0, -2) };
  }
  notes.push({ line: last.line, kind: 'found', message: `成文日期：${last.text}（没有找到署名）` });
  return { date, blocks: blocks.slice(0, -1) };
}

export function takeAttachments(blocks: InputBlock[], notes: ImportNote[]): { attachments: string[]; blocks: InputBlock[] } {
  const at = blocks.findIndex((b) => b.kind === 'para' && /^附件[:：]/.test(b.text));
  if (at < 0) return { attachments: [], blocks };
  const first = blocks[at] as Para;
  const titles: string[] = [];
  const rest = first.text.replace(/^附件[:：]\s*/, '');
  if (rest) titles.push(rest.replace(/^\d+[.．、]\s*/, ''));
  let end = at + 1;
  for (; end < blocks.length; end++) {
    const b = blocks[end]!;
    const item = b.kind === 'para' ? /^\d+[.．、]\s*([^。]{1,60})$/.exec(b.text) : null;
    if (!item) break;
    titles.push(item[1]!);
  }
  notes.push({ line: first.line, kind: 'found', message: `附件 ${titles.length} 个：${titles.join('；')}` });
  return { attachments: titles.map((t) => t.replace(/[。；;]$/, '')), blocks: [...blocks.slice(0, at), ...blocks.slice(end)] };
}

export interface AttachmentPage {
  title: string;
  /** the page's paragraphs and tables, as the source gives them */
  blocks: InputBlock[];
}

/** Attachment pages after the signature: a "附件1" line, the title, then the content (paragraphs and tables). */
export function takeAttachmentPages(blocks: InputBlock[], notes: ImportNote[]): { pages: AttachmentPage[]; blocks: InputBlock[] } {
  const isLabel = (b: InputBlock | undefined) => b?.kind === 'para' && /^附件\s*\d{0,2}$/.test(b.text);
  const start = blocks.findIndex((b, i) => i > 0 && isLabel(b) && blocks[i + 1] !== undefined);
  if (start < 0) return { pages: [], blocks };
  const pages: AttachmentPage[] = [];
  for (let i = start; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (isLabel(block) && next?.kind === 'para') {
      pages.push({ title: next.text, blocks: [] });
      i++;
    } else if (isLabel(block) && next) {
      // "附件2" right above a table: the table's own caption, if any, titles the page
      pages.push({ title: (block as Para).text.replace(/\s+/g, ''), blocks: [] });
    } else {
      pages[pages.length - 1]!.blocks.push(block);
    }
  }
  notes.push({ line: blocks[start]!.line, kind: 'found', message: `附件页 ${pages.length} 个：${pages.map((p) => p.title).join('；')}` });
  return { pages, blocks: blocks.slice(0, start) };
}
