// The composed document: front matter and the blocks of the body, in the order
// the built-in templates (templates/*.md.hbs, partials/) print a view. Both
// writers read this one tree: the DOCX writer directly, the Markdown writer by
// serialising it. Only a user's template override goes through Markdown text.
import type { Root } from 'mdast';
import type { ToStringOptions } from 'yaml';
import { Scalar, stringify as stringifyYaml } from 'yaml';
import { stringifyMarkdown } from '../markdown/stringify.js';
import { isEmptyBlock, type Block } from './blocks.js';
import type { AttachmentPageView, SectionView } from './view.js';

/** The furniture and other keys written as YAML front matter (docs/markdown-convention.md). */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** how this stage spells its front matter in the .md */
  yaml: ToStringOptions;
}

/** What every document template prints, plan and summaries alike. */
export interface DocumentView {
  frontMatter: FrontMatter;
  title: Block;
  opening: Block[];
  sections: SectionView[];
  attachments: AttachmentPageView[];
}

export interface ComposedTree {
  frontMatter: FrontMatter;
  /** the body: title, text, attachment pages; no front matter node */
  root: Root;
}

export function documentTree(view: DocumentView): ComposedTree {
  const blocks = [
    view.title,
    ...view.opening,
    ...view.sections.flatMap(sectionBlocks),
    ...view.attachments.flatMap((page) => [page.rule, page.label, page.title, ...page.body]),
  ];
  return { frontMatter: view.frontMatter, root: { type: 'root', children: blocks.filter((block) => !isEmptyBlock(block)) } };
}

/** templates/partials/section.hbs */
function sectionBlocks(section: SectionView): Block[] {
  return [
    section.heading,
    ...section.body,
    ...(section.taskInfo ? [section.taskInfo] : []),
    ...section.children.flatMap(sectionBlocks),
    ...section.closing,
  ];
}

/** The .md of a composed tree: each block on its own, one blank line between blocks. */
export function treeMarkdown(tree: ComposedTree): string {
  return joinBlocks([frontMatterText(tree.frontMatter), ...tree.root.children.map(stringifyMarkdown)]);
}

export function frontMatterText(frontMatter: FrontMatter): string {
  return `---\n${stringifyYaml(withoutBlankLines(frontMatter.data), frontMatter.yaml).trimEnd()}\n---`;
}

/**
 * A value holding a blank line would be written as a quoted scalar folded
 * over two blank lines, which normaliseBlankLines then shortens by one; in
 * double quotes the line breaks are written as escapes on one line instead.
 */
function withoutBlankLines(value: unknown): unknown {
  if (typeof value === 'string' && /\n[ \t]*\n/.test(value)) return Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });
  if (Array.isArray(value)) return value.map(withoutBlankLines);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBlankLines(v)]));
  return value;
}

/**
 * Templates leave blank lines wherever an optional part is empty; a Markdown
 * block is separated by exactly one. User text cannot contain a blank line
 * here: remark-stringify writes its line breaks as character references.
 */
export function normaliseBlankLines(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function joinBlocks(blocks: string[]): string {
  return normaliseBlankLines(blocks.join('\n\n'));
}

// ---- the view as user templates see it: every block as finished Markdown ----

export interface MarkdownSectionView extends Omit<SectionView, 'heading' | 'body' | 'taskInfo' | 'children' | 'closing'> {
  heading: string;
  body: string[];
  /** "" when the node has no task furniture */
  taskInfo: string;
  children: MarkdownSectionView[];
  closing: string[];
}

/** The view with its blocks written as Markdown, for handlebars; other keys (plan, progress) pass through. */
export function markdownView<V extends DocumentView>(view: V): object {
  return {
    ...view,
    frontMatter: frontMatterText(view.frontMatter),
    title: stringifyMarkdown(view.title),
    opening: view.opening.map(stringifyMarkdown),
    sections: view.sections.map(markdownSection),
    attachments: view.attachments.map((page) => ({
      rule: stringifyMarkdown(page.rule),
      label: stringifyMarkdown(page.label),
      title: stringifyMarkdown(page.title),
      body: page.body.map(stringifyMarkdown),
    })),
  };
}

function markdownSection(section: SectionView): MarkdownSectionView {
  return {
    ...section,
    heading: stringifyMarkdown(section.heading),
    body: section.body.map(stringifyMarkdown),
    taskInfo: section.taskInfo ? stringifyMarkdown(section.taskInfo) : '',
    children: section.children.map(markdownSection),
    closing: section.closing.map(stringifyMarkdown),
  };
}
