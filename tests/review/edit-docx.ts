// Scripted leader edits on a rendered DOCX, the way Word writes them: text
// changed in place, tracked insertions and deletions (w:ins/w:del), paragraphs
// added, deleted and moved, comments. Each edit finds its paragraph by the
// plandoc anchor the renderer left in it.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const REVISION = 'w:author="王领导" w:date="2026-02-01T09:00:00Z"';

export class EditedDocx {
  private parts: Record<string, Uint8Array>;
  private xml: string;
  private nextId = 9000;

  constructor(docx: Uint8Array) {
    this.parts = unzipSync(docx);
    this.xml = strFromU8(this.parts['word/document.xml']!);
  }

  /** The whole w:p holding the anchor `name`. */
  private find(name: string): { start: number; end: number; xml: string } {
    const mark = this.xml.indexOf(`w:name="${name}"`);
    if (mark < 0) throw new Error(`no anchor ${name}`);
    const start = Math.max(this.xml.lastIndexOf('<w:p>', mark), this.xml.lastIndexOf('<w:p ', mark));
    const end = this.xml.indexOf('</w:p>', mark) + '</w:p>'.length;
    return { start, end, xml: this.xml.slice(start, end) };
  }

  textOf(name: string): string {
    return [...this.find(name).xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  }

  /** Retypes the paragraph's text (one run, first run's look), keeping its properties and anchor. */
  setText(name: string, text: string): this {
    const p = this.find(name);
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p.xml)?.[0] ?? '';
    const rPr = /<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)/.exec(p.xml)?.[1] ?? '';
    const start = /<w:bookmarkStart [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    const end = /<w:bookmarkEnd [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    return this.splice(p, `<w:p>${pPr}${start}<w:r>${rPr}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>${end}</w:p>`);
  }

  replace(name: string, from: string, to: string): this {
    const text = this.textOf(name);
    if (!text.includes(from)) throw new Error(`“${from}” not in ${name}: ${text}`);
    return this.setText(name, text.replace(from, to));
  }

  /** Word in 修订 mode: the old words as w:del, the new ones as w:ins. */
  trackedReplace(name: string, from: string, to: string): this {
    const text = this.textOf(name);
    const at = text.indexOf(from);
    if (at < 0) throw new Error(`“${from}” not in ${name}`);
    const p = this.find(name);
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p.xml)?.[0] ?? '';
    const start = /<w:bookmarkStart [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    const end = /<w:bookmarkEnd [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    const run = (t: string) => `<w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r>`;
    const del = from ? `<w:del w:id="${this.nextId++}" ${REVISION}><w:r><w:delText xml:space="preserve">${escape(from)}</w:delText></w:r></w:del>` : '';
    const ins = to ? `<w:ins w:id="${this.nextId++}" ${REVISION}>${run(to)}</w:ins>` : '';
    return this.splice(p, `<w:p>${pPr}${start}${run(text.slice(0, at))}${del}${ins}${run(text.slice(at + from.length))}${end}</w:p>`);
  }

  /** A new paragraph (no anchor) after the anchored one, in its style; `tracked`: as a w:ins. */
  insertAfter(name: string, text: string, tracked = false): this {
    const p = this.find(name);
    const style = /<w:pStyle w:val="([^"]*)"/.exec(p.xml)?.[1] ?? 'BodyText';
    const run = `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
    const mark = tracked ? `<w:rPr><w:ins w:id="${this.nextId++}" ${REVISION}/></w:rPr>` : '';
    const body = tracked ? `<w:ins w:id="${this.nextId++}" ${REVISION}>${run}</w:ins>` : run;
    this.xml = `${this.xml.slice(0, p.end)}<w:p><w:pPr><w:pStyle w:val="${style}"/>${mark}</w:pPr>${body}</w:p>${this.xml.slice(p.end)}`;
    return this;
  }

  delete(name: string): this {
    return this.splice(this.find(name), '');
  }

  /** Deleted in 修订 mode: every run a w:del, and the paragraph mark deleted too. */
  trackedDelete(name: string): this {
    const p = this.find(name);
    const text = this.textOf(name);
    const pPr = (/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p.xml)?.[0] ?? '<w:pPr></w:pPr>').replace('</w:pPr>', `<w:rPr><w:del w:id="${this.nextId++}" ${REVISION}/></w:rPr></w:pPr>`);
    const start = /<w:bookmarkStart [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    const end = /<w:bookmarkEnd [^>]*\/>/.exec(p.xml)?.[0] ?? '';
    return this.splice(p, `<w:p>${pPr}${start}<w:del w:id="${this.nextId++}" ${REVISION}><w:r><w:delText xml:space="preserve">${escape(text)}</w:delText></w:r></w:del>${end}</w:p>`);
  }

  /** Cuts the paragraphs named (in document order) and pastes them after `after`. */
  move(names: string[], after: string): this {
    const cut = names.map((name) => this.find(name).xml);
    for (const name of names) this.splice(this.find(name), '');
    const target = this.find(after);
    this.xml = this.xml.slice(0, target.end) + cut.join('') + this.xml.slice(target.end);
    return this;
  }

  /** Drops every plandoc bookmark, as an editor that loses bookmarks would. */
  dropAnchors(): this {
    this.xml = this.xml.replace(/<w:bookmarkStart [^>]*w:name="_pd_[^"]*"[^>]*\/>/g, '').replace(/<w:bookmarkEnd [^>]*\/>/g, '');
    return this;
  }

  /** A Word comment on the whole paragraph. */
  comment(name: string, text: string, author = '王领导'): this {
    const id = String(this.nextId++);
    const p = this.find(name);
    const afterPPr = p.xml.includes('</w:pPr>') ? p.xml.indexOf('</w:pPr>') + '</w:pPr>'.length : '<w:p>'.length;
    const body = `${p.xml.slice(0, afterPPr)}<w:commentRangeStart w:id="${id}"/>${p.xml.slice(afterPPr, -'</w:p>'.length)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`;
    this.splice(p, body);
    const comments = this.parts['word/comments.xml'] ? strFromU8(this.parts['word/comments.xml']) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:comments>`;
    const entry = `<w:comment w:id="${id}" w:author="${author}" w:date="2026-02-01T09:00:00Z" w:initials="W"><w:p><w:r><w:t>${escape(text)}</w:t></w:r></w:p></w:comment>`;
    // the docx library writes an empty <w:comments …/>; Word writes <w:comments …>…</w:comments>
    const open = comments.replace(/<w:comments([^>]*?)\/>/, '<w:comments$1></w:comments>');
    this.parts['word/comments.xml'] = strToU8(open.replace('</w:comments>', `${entry}</w:comments>`));
    const rels = strFromU8(this.parts['word/_rels/document.xml.rels']!);
    if (!rels.includes('comments.xml')) {
      this.parts['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
      const types = strFromU8(this.parts['[Content_Types].xml']!);
      this.parts['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
    }
    return this;
  }

  bytes(): Uint8Array {
    return zipSync({ ...this.parts, 'word/document.xml': strToU8(this.xml) });
  }

  private splice(p: { start: number; end: number }, text: string): this {
    this.xml = this.xml.slice(0, p.start) + text + this.xml.slice(p.end);
    return this;
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
