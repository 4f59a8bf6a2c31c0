// The body: mdast blocks → docx paragraphs and tables, per the Markdown
// convention (docs/markdown-convention.md) and GB/T 9704 PL-01..PL-07, PL-14.
import { AlignmentType, Paragraph, TextRun, type FileChild } from 'docx';
import type { BlockContent, Emphasis, Heading, List, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import type { Furniture } from '../model/plan.js';
import type { StyleProfile } from './profile.js';
import { runLook, runOptions, textRun, type RunRole } from './runs.js';
import { cleanValue, inlineRuns, inlineSegments, plainText, segmentRuns, type Segment, type WriteContext } from './inline.js';
import { avoidLoneLastCharacter } from './line-end.js';
import { blankLine, flushParagraph, headingParagraph, indentedParagraph } from './paragraphs.js';
import { STYLE } from './styles.js';
import { breakTitle } from './title.js';
import { joinSoftBreaks } from '../markdown/soft-breaks.js';
import { officialTable } from './table.js';
import { AnchorIds } from './anchor.js';
import { anchorNameOf } from '../review/anchors.js';
import { landscapeTypeAreaWidth, SectionStart, type BodyChild } from './sections.js';
import { ATTACHMENT_LABEL, isOrientationComment, isTableCaption, planOrientation, type OrientationPlan } from './orientation.js';
import type { Table as MdTable } from 'mdast';

export interface BodyParts {
  /** title and main body, up to the first thematic break */
  main: BodyChild[];
  /** attachment pages (PL-14), each starting on a new page */
  attachments: BodyChild[];
}

type HeadingLevel = 1 | 2 | 3 | 4;

const HEADING_ROLE: Record<HeadingLevel, RunRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };

/** PL-06 heading numbers at the start of a run-in heading. */
const RUN_IN_NUMBERS: Array<[RegExp, HeadingLevel]> = [
  [/^[一二三四五六七八九十百零]+、/u, 1],
  [/^（[一二三四五六七八九十百零]+）/u, 2],
  [/^\d+[.．]/u, 3],
  [/^（\d+）/u, 4],
];

/** PL-07 terminal mark of a run-in heading. */
const RUN_IN_MARK = /^[。：]/u;

export { isOrientationComment, isTableCaption } from './orientation.js';

/** A paragraph that is only emphasis is a centred line: the 题注 or speaker line under a report's title (docs/markdown-convention.md). */
export function isCentredLine(node: MdParagraph): boolean {
  return node.children.length === 1 && node.children[0]!.type === 'emphasis';
}

export function runInLevel(text: string): HeadingLevel | undefined {
  return RUN_IN_NUMBERS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Furniture placed inside the main part: after the title (主送机关) and after the body. */
export interface BodyFurniture {
  afterTitle: FileChild[];
  closing: FileChild[];
}

export function writeBody(root: Root, furniture: Furniture, profile: StyleProfile, ctx: WriteContext, extras: BodyFurniture = { afterTitle: [], closing: [] }): BodyParts {
  const writer = new BodyWriter(furniture, profile, ctx, extras, planOrientation(root.children, profile));
  root.children.forEach((node, i) => writer.block(node, root.children[i + 1]));
  return writer.finish();
}

class BodyWriter {
  private readonly main: BodyChild[] = [];
  private readonly attachments: BodyChild[] = [];
  /** TB-03: the page being filled is a landscape section */
  private landscape = false;
  private titleWritten = false;
  private inAttachment = false;
  private pageBreakPending = false;
  private closingWritten = false;
  private readonly anchors = new AnchorIds();

  constructor(
    private readonly furniture: Furniture,
    private readonly profile: StyleProfile,
    private readonly ctx: WriteContext,
    private readonly extras: BodyFurniture,
    private readonly orientation: OrientationPlan = { sideways: new Set(), sidewaysAttachments: new Set() },
  ) {}

  finish(): BodyParts {
    this.ensureTitle();
    this.writeClosing();
    return { main: this.main, attachments: this.attachments };
  }

  private get out(): BodyChild[] {
    return this.inAttachment ? this.attachments : this.main;
  }

  private push(...children: BodyChild[]): void {
    this.out.push(...children);
  }

  /** Extra paragraph options; the first paragraph after a thematic break starts a new page. */
  private pageBreak(): { pageBreakBefore?: boolean } {
    if (!this.pageBreakPending) return {};
    this.pageBreakPending = false;
    // a new section already starts a new page
    return this.out.at(-1) instanceof SectionStart ? {} : { pageBreakBefore: true };
  }

  private startSection(kind: 'landscape' | 'portrait'): void {
    this.landscape = kind === 'landscape';
    this.push(new SectionStart(kind));
  }

  block(node: RootContent | BlockContent, next?: RootContent): void {
    switch (node.type) {
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        if (isCentredLine(node)) return this.centredLine(node);
        return isTableCaption(node, next) ? this.tableCaption(node, next as MdTable) : this.paragraph(node);
      case 'list':
        return this.list(node, 0);
      case 'table':
        return this.table(node);
      case 'thematicBreak':
        this.ensureTitle();
        this.writeClosing();
        this.inAttachment = true;
        this.pageBreakPending = true;
        if (this.orientation.sidewaysAttachments.has(node)) this.startSection('landscape');
        return;
      case 'blockquote':
        return node.children.forEach((child) => this.block(child));
      case 'code':
        return node.value.split('\n').forEach((line) => this.plainParagraph(cleanValue(line, node, this.ctx)));
      case 'html':
        // TB-03's orientation comment is read by planOrientation
        if (isOrientationComment(node.value)) return;
        return this.plainParagraph(cleanValue(node.value, node, this.ctx));
      default:
        return; // yaml (front matter), definitions, footnote definitions
    }
  }

  private writeClosing(): void {
    if (this.closingWritten) return;
    this.closingWritten = true;
    this.main.push(...this.extras.closing);
  }

  private ensureTitle(): void {
    if (this.titleWritten || this.inAttachment) return;
    if (this.furniture.title) return this.writeTitleFirst(this.furniture.title);
    this.titleWritten = true;
    this.main.unshift(...this.extras.afterTitle);
  }

  private writeTitleFirst(title: string): void {
    this.titleWritten = true;
    this.main.unshift(...this.titleParagraphs(title), blankLine(this.profile), ...this.extras.afterTitle);
  }

  private heading(node: Heading): void {
    if (node.depth === 1) return this.titleHeading(node);
    this.ensureTitle();
    const level = Math.min(node.depth - 1, 4) as HeadingLevel;
    const look = runLook(HEADING_ROLE[level], this.profile);
    this.push(headingParagraph(this.anchors.wrap(inlineRuns(node.children, look, this.ctx), anchorNameOf(node)), level, this.pageBreak()));
  }

  private titleHeading(node: Heading): void {
    const text = cleanValue(joinSoftBreaks(plainText(node.children)), node, this.ctx);
    const anchor = anchorNameOf(node);
    if (this.inAttachment) {
      this.push(...this.titleParagraphs(text, this.pageBreak(), anchor), blankLine(this.profile));
      return;
    }
    if (this.titleWritten) {
      this.ctx.diagnostics.push({ file: this.ctx.file, line: node.position?.start.line ?? 0, column: 1, severity: 'warning', code: 'md-extra-title', message: '正文中出现了第二个一级标题（#），已按标题格式居中排印。', hint: '公文只有一个标题；正文各级标题用 ## 到 #####。' });
      this.push(...this.titleParagraphs(text));
      return;
    }
    if (this.furniture.title && joinSoftBreaks(this.furniture.title) !== text) {
      this.ctx.diagnostics.push({ file: this.ctx.file, line: node.position?.start.line ?? 0, column: 1, severity: 'warning', code: 'md-title-mismatch', message: `标题“${text}”与开头设置中的 title“${this.furniture.title}”不一致，已使用 # 标题。`, hint: '把两处改成同一个标题。' });
    }
    this.titleWritten = true;
    this.main.push(...this.titleParagraphs(text, {}, anchor), blankLine(this.profile), ...this.extras.afterTitle);
  }

  /** PL-01/FN-02: centred 2号 title, long titles broken into shaped lines. */
  private titleParagraphs(title: string, extra: { pageBreakBefore?: boolean } = {}, anchor?: string): Paragraph[] {
    const look = runLook('title', this.profile);
    const lines = breakTitle(title, this.profile.title.maxCharsPerLine);
    const children = this.anchors.wrap(lines.map((line, i) => new TextRun({ ...runOptions(look), text: line, ...(i > 0 ? { break: 1 } : {}) })), anchor);
    return [
      // the Title style centres it and gives it no outline level (the navigation pane starts at 一、)
      new Paragraph({ ...extra, style: STYLE.title, run: runOptions(look), children }),
    ];
  }

  private paragraph(node: MdParagraph): void {
    if (this.inAttachment && this.pageBreakPending && ATTACHMENT_LABEL.test(plainText(node.children).trim())) {
      return this.attachmentLabel(node);
    }
    this.ensureTitle();
    this.bodyParagraph(this.paragraphSegments(node.children), anchorNameOf(node));
  }

  /** PL-04 body paragraph; LE-01 keeps its last line from holding a lone character. */
  private bodyParagraph(segments: Segment[], anchor?: string): void {
    const fitted = avoidLoneLastCharacter(segments, this.profile, 2 * this.profile.grid.charWidth);
    this.push(indentedParagraph(this.anchors.wrap(segmentRuns(fitted), anchor), this.pageBreak()));
  }

  /** TB-03: a sideways table is alone on its landscape section; the portrait page goes on after it. */
  private table(node: MdTable): void {
    this.ensureTitle();
    const sideways = this.orientation.sideways.has(node);
    if (sideways && !this.landscape) this.startSection('landscape');
    const pageBreak = this.pageBreak();
    if (pageBreak.pageBreakBefore) this.push(indentedParagraph([], pageBreak));
    this.push(officialTable(node, this.profile, this.ctx, sideways ? landscapeTypeAreaWidth(this.profile) : undefined));
    if (this.landscape) this.startSection('portrait');
  }

  /** TB-01: the table's title centred above it in 3号黑体, kept with the table. */
  private tableCaption(node: MdParagraph, table: MdTable): void {
    this.ensureTitle();
    if (this.orientation.sideways.has(table) && !this.landscape) this.startSection('landscape');
    const runs = inlineRuns((node.children[0] as Strong).children, { ...runLook('heading1', this.profile), bold: false }, this.ctx);
    this.push(flushParagraph(runs, { ...this.pageBreak(), alignment: AlignmentType.CENTER, keepNext: true }));
  }

  /** A centred line in 楷体 without indent, as reports set the 题注 and the speaker under the title. */
  private centredLine(node: MdParagraph): void {
    this.ensureTitle();
    const runs = inlineRuns((node.children[0] as Emphasis).children, { ...runLook('heading2', this.profile), bold: false }, this.ctx);
    this.push(flushParagraph(runs, { ...this.pageBreak(), alignment: AlignmentType.CENTER }));
  }

  /** PL-14: "附件1" in 3号黑体, flush left on the first line; the title follows on the third. */
  private attachmentLabel(node: MdParagraph): void {
    const look = runLook('attachmentLabel', this.profile);
    const runs = inlineRuns(node.children, { ...look, bold: false }, this.ctx);
    this.push(flushParagraph(runs, this.pageBreak()), blankLine(this.profile));
  }

  /** PL-07: a leading strong part that starts with a heading number is a run-in heading. */
  private paragraphSegments(children: PhrasingContent[]): Segment[] {
    const body = runLook('body', this.profile);
    const first = children[0];
    if (first?.type === 'strong') {
      const level = runInLevel(plainText(first.children));
      if (level) return [...this.runInHeading(first, level, children[1]), ...inlineSegments(this.afterRunIn(children.slice(1)), body, this.ctx)];
    }
    return inlineSegments(children, body, this.ctx);
  }

  /**
   * The heading part, including a terminal mark written just outside the
   * strong (`**（一）标题**。正文`, the form every Markdown viewer renders bold).
   */
  private runInHeading(strong: Strong, level: HeadingLevel, next: PhrasingContent | undefined): Segment[] {
    const mark = next?.type === 'text' ? RUN_IN_MARK.exec(next.value)?.[0] ?? '' : '';
    const nodes: PhrasingContent[] = mark ? [...strong.children, { type: 'text', value: mark }] : strong.children;
    return inlineSegments(nodes, runLook(HEADING_ROLE[level], this.profile), this.ctx);
  }

  private afterRunIn(rest: PhrasingContent[]): PhrasingContent[] {
    const [next, ...others] = rest;
    if (next?.type !== 'text') return rest;
    const mark = RUN_IN_MARK.exec(next.value)?.[0];
    return mark ? [{ ...next, value: next.value.slice(mark.length) }, ...others] : rest;
  }

  /** Lists: every item a body paragraph with the 2-character indent, no bullet glyph. */
  private list(node: List, depth: number): void {
    this.ensureTitle();
    node.children.forEach((item, index) => {
      const number = node.ordered ? `${(node.start ?? 1) + index}.` : '';
      let numbered = false;
      for (const child of item.children) {
        if (child.type === 'list') {
          this.list(child, depth + 1);
        } else if (child.type === 'paragraph') {
          const prefix = numbered || !number ? [] : [{ text: number, look: runLook('body', this.profile) }];
          numbered = true;
          this.bodyParagraph([...prefix, ...this.paragraphSegments(child.children)], anchorNameOf(child));
        } else {
          this.block(child);
        }
      }
    });
  }

  private plainParagraph(text: string): void {
    this.ensureTitle();
    this.bodyParagraph([{ text, look: runLook('body', this.profile) }]);
  }
}

