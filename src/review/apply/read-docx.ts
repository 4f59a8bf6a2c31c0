// Reads an edited .docx as a reader sees it with every revision accepted: the
// paragraphs of the body in order, each with the plandoc anchors in it, the
// Word comments attached to it, and whether it sits in a table. Inserted text
// (w:ins, w:moveTo) is kept, deleted and moved-away text (w:del, w:moveFrom)
// is dropped, a deleted paragraph mark joins the paragraph to the next one.
// Written for Word, WPS and LibreOffice output alike; anything that is not a
// readable WordprocessingML package is refused with a Chinese message.
import { strFromU8, unzipSync } from 'fflate';
import { attr, decodeXmlText, scanXml, XmlCharError } from '../../import/xml.js';
import { decodeAnchor, type PlanPath } from '../anchors.js';

/** The edited document cannot be read; the message is for the user. */
export class DocxRefusal extends Error {}

/** A plan's document.xml is a few MB; this much inflated XML is not a plan. */
const MAX_PART_BYTES = 40 * 1024 * 1024;

export interface DocxParagraph {
  text: string;
  /** plandoc anchor names found in the paragraph, in order */
  anchors: string[];
  /** ids of the Word comments whose range or mark is in the paragraph */
  comments: string[];
  inTable: boolean;
}

export interface DocxComment {
  id: string;
  author: string;
  text: string;
}

export interface ReadDocx {
  paragraphs: DocxParagraph[];
  comments: Map<string, DocxComment>;
}

/** Elements whose text a reader does not see once revisions are accepted. */
const DROPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:txbxContent', 'w:footnoteReference', 'w:endnoteReference', 'w:fldData']);

export function readDocx(bytes: Uint8Array): ReadDocx {
  const parts = unzipParts(bytes);
  const document = parts['word/document.xml'];
  if (!document) throw new DocxRefusal('这个 .docx 里没有正文（缺少 word/document.xml），不是 Word 文档');
  const comments = parts['word/comments.xml'];
  return { paragraphs: readParagraphs(document), comments: comments ? readComments(comments) : new Map() };
}

function unzipParts(bytes: Uint8Array): Record<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== 'word/document.xml' && file.name !== 'word/comments.xml') return false;
        if (file.originalSize > MAX_PART_BYTES) throw new DocxRefusal(`这个 .docx 的 ${file.name} 解压后有 ${Math.round(file.originalSize / 1024 / 1024)} MB，远超一份计划的大小，没有读取`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxRefusal) throw error;
    throw new DocxRefusal('这个文件不是有效的 .docx（Word 2007 及以后的格式），可能已损坏，或是 .doc 等其他格式另存时改了扩展名');
  }
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, decodeUtf8(data, name)]));
}

function decodeUtf8(data: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw new DocxRefusal(`这个 .docx 的 ${name} 不是 UTF-8 文本，文件已损坏`);
  }
}

interface Paragraph extends DocxParagraph {
  /** the paragraph mark was deleted (a tracked deletion): it joins the next paragraph */
  markDeleted: boolean;
}

/** A tag-balance scan: a part whose elements do not nest is broken, not a document to guess at. */
class Walker {
  readonly stack: string[] = [];
  private dropped = 0;
  private tables = 0;

  open(name: string): void {
    this.stack.push(name);
    if (DROPPED.has(name)) this.dropped++;
    if (name === 'w:tbl') this.tables++;
  }

  close(name: string): void {
    const top = this.stack.pop();
    if (top !== name) throw new DocxRefusal(`这个 .docx 的正文 XML 已损坏（<${top ?? ''}> 没有正确结束），没有读取`);
    if (DROPPED.has(name)) this.dropped--;
    if (name === 'w:tbl') this.tables--;
  }

  get visible(): boolean {
    return this.dropped === 0;
  }

  get inTable(): boolean {
    return this.tables > 0;
  }

  inside(name: string): boolean {
    return this.stack.includes(name);
  }
}

function readParagraphs(xml: string): DocxParagraph[] {
  const walker = new Walker();
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  /** anchors between paragraphs (Word moves a bookmark start there) belong to the next one */
  let pendingAnchors: string[] = [];
  let sawBody = false;
  try {
    for (const token of scanXml(xml)) {
      if (token.type === 'text') {
        if (current && walker.visible && walker.stack.at(-1) === 'w:t') current.text += decodeXmlText(token.text);
        continue;
      }
      if (token.type === 'close') {
        if (token.name === 'w:p' && current && walker.stack.at(-1) === 'w:p' && !walker.inside('w:txbxContent')) {
          paragraphs.push(current);
          current = undefined;
        }
        walker.close(token.name);
        continue;
      }
      const { name, attrs, selfClosing } = token;
      if (name === 'w:body') sawBody = true;
      if (name === 'w:p' && !walker.inside('w:txbxContent')) {
        current = { text: '', anchors: pendingAnchors, comments: [], inTable: walker.inTable, markDeleted: false };
        pendingAnchors = [];
      }
      if (!selfClosing) walker.open(name);
      readElement(name, attrs, walker, current, (anchor) => pendingAnchors.push(anchor));
      if (selfClosing && name === 'w:p' && current) {
        paragraphs.push(current);
        current = undefined;
      }
    }
  } catch (error) {
    if (error instanceof XmlCharError) throw new DocxRefusal(`这个 .docx 的正文里有 XML 不允许的字符引用 ${error.reference}，文件已损坏`);
    throw error;
  }
  if (walker.stack.length || !sawBody) throw new DocxRefusal('这个 .docx 的正文 XML 不完整（文件被截断或已损坏），没有读取');
  return joinDeletedMarks(paragraphs);
}

/** What one opening tag adds to the paragraph being read. */
function readElement(name: string, attrs: string, walker: Walker, paragraph: Paragraph | undefined, pending: (anchor: string) => void): void {
  if (name === 'w:bookmarkStart') {
    const anchor = attr(attrs, 'w:name');
    if (anchor && decodeAnchor(anchor)) (paragraph ? paragraph.anchors.push(anchor) : pending(anchor));
    return;
  }
  if (!paragraph) return;
  if ((name === 'w:commentRangeStart' || name === 'w:commentReference') && walker.visible) {
    const id = attr(attrs, 'w:id');
    if (id !== undefined && !paragraph.comments.includes(id)) paragraph.comments.push(id);
    return;
  }
  // a deleted paragraph mark: <w:pPr><w:rPr><w:del …/></w:rPr></w:pPr>
  if ((name === 'w:del' || name === 'w:moveFrom') && walker.inside('w:pPr') && walker.inside('w:rPr')) {
    paragraph.markDeleted = true;
    return;
  }
  if (!walker.visible || !walker.inside('w:r')) return;
  if (name === 'w:tab') paragraph.text += '\t';
  else if ((name === 'w:br' && attr(attrs, 'w:type') !== 'page' && attr(attrs, 'w:type') !== 'column') || name === 'w:cr') paragraph.text += '\n';
  else if (name === 'w:noBreakHyphen') paragraph.text += '-';
}

/** Accepting a deleted paragraph mark joins the paragraph with the one after it. */
function joinDeletedMarks(paragraphs: Paragraph[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let carry: Paragraph | undefined;
  for (const paragraph of paragraphs) {
    const joined: Paragraph = carry
      ? { ...paragraph, text: carry.text + paragraph.text, anchors: [...carry.anchors, ...paragraph.anchors], comments: [...carry.comments, ...paragraph.comments] }
      : paragraph;
    carry = undefined;
    if (joined.markDeleted) {
      carry = joined;
      continue;
    }
    out.push({ text: joined.text, anchors: joined.anchors, comments: joined.comments, inTable: joined.inTable });
  }
  if (carry) out.push({ text: carry.text, anchors: carry.anchors, comments: carry.comments, inTable: carry.inTable });
  return out;
}

function readComments(xml: string): Map<string, DocxComment> {
  const comments = new Map<string, DocxComment>();
  let current: DocxComment | undefined;
  let inText = false;
  let paragraphs = 0;
  for (const token of scanXml(xml)) {
    if (token.type === 'open' && token.name === 'w:comment') {
      current = { id: attr(token.attrs, 'w:id') ?? '', author: attr(token.attrs, 'w:author') ?? '', text: '' };
      paragraphs = 0;
    } else if (token.type === 'open' && token.name === 'w:p' && current) {
      if (paragraphs++ > 0) current.text += '\n';
    } else if (token.type === 'open' && token.name === 'w:t') inText = !token.selfClosing;
    else if (token.type === 'close' && token.name === 'w:t') inText = false;
    else if (token.type === 'text' && inText && current) current.text += safeDecode(token.text);
    else if (token.type === 'close' && token.name === 'w:comment' && current) {
      comments.set(current.id, current);
      current = undefined;
    }
  }
  return comments;
}

function safeDecode(text: string): string {
  try {
    return decodeXmlText(text);
  } catch {
    return '';
  }
}

/** The plan path of a paragraph's first plandoc anchor. */
export function paragraphPath(paragraph: DocxParagraph): { name: string; path: PlanPath } | undefined {
  for (const name of paragraph.anchors) {
    const path = decodeAnchor(name);
    if (path) return { name, path };
  }
  return undefined;
}
