// What a rendered paragraph is made of, piece by piece: text typed in a YAML
// field (a literal piece maps one to one onto the field's source), text a
// citation [[id]] printed, and text plandoc adds itself (heading numbers, the
// run-in mark). Rebuilt from the plan the way compose prints it, and checked
// against the paragraph of the original rendering: a mismatch means the
// paragraph cannot be mapped piece by piece.
import type { Plan, Section } from '../../model/plan.js';
import { numberSections, type NumberedSection } from '../../derive/numbering.js';
import { buildCitationIndex, type CitationIndex } from '../../compose/text.js';
import { chineseDate } from '../../compose/view.js';
import type { PlanPath } from '../anchors.js';

export type Piece =
  | { kind: 'fixed'; text: string }
  | { kind: 'literal'; text: string; field: number }
  | { kind: 'cite'; text: string; field: number; id: string; before: string };

export interface Field {
  path: PlanPath;
  /** text: citations expanded; plain: as typed; date: ISO in the YAML, Chinese on the page */
  kind: 'text' | 'plain' | 'date';
  source: string;
}

export interface Layout {
  pieces: Piece[];
  fields: Field[];
}

/** What the layouts of one plan share. */
export interface PlanLayouts {
  plan: Plan;
  citations: CitationIndex;
  sections: Map<string, NumberedSection>;
}

export function planLayouts(plan: Plan): PlanLayouts {
  const sections = new Map<string, NumberedSection>();
  const visit = (node: NumberedSection): void => {
    sections.set(pathKey(node.path), node);
    node.children.forEach(visit);
  };
  numberSections(plan.sections ?? [], plan.numbering).forEach(visit);
  return { plan, citations: buildCitationIndex(plan.metrics, plan.basis), sections };
}

export function pathKey(path: PlanPath): string {
  return path.join('.');
}

export function valueAt(data: unknown, path: PlanPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The layout of the paragraph anchored at `path`; undefined for paragraphs that map to no field (the task line). */
export function layoutOf(layouts: PlanLayouts, path: PlanPath): Layout | undefined {
  const last = path[path.length - 1];
  const builder = new LayoutBuilder(layouts);
  if (last === 'heading') return builder.heading(path.slice(0, -1));
  if (last === 'taskInfo') return undefined;
  const value = valueAt(layouts.plan, path);
  if (typeof value !== 'string') return undefined;
  if (path.length === 1 && last === 'date') return builder.field(path, 'date', value).done();
  if (last === 'title' || (path.length === 1 && last === 'issuer')) return builder.field(path, 'plain', value).done();
  return builder.field(path, 'text', value).done();
}

class LayoutBuilder {
  private readonly pieces: Piece[] = [];
  private readonly fields: Field[] = [];

  constructor(private readonly layouts: PlanLayouts) {}

  done(): Layout {
    return { pieces: this.pieces.filter((p) => p.kind !== 'fixed' || p.text !== ''), fields: this.fields };
  }

  fixed(text: string): this {
    this.pieces.push({ kind: 'fixed', text });
    return this;
  }

  field(path: PlanPath, kind: Field['kind'], source: string): this {
    const field = this.fields.push({ path, kind, source }) - 1;
    if (kind === 'date') this.pieces.push({ kind: 'literal', text: chineseDate(source.trim()), field });
    else if (kind === 'plain') this.pieces.push({ kind: 'literal', text: source.trim(), field });
    else this.pieces.push(...textPieces(source, field, this.layouts.citations));
    return this;
  }

  /** compose/view.ts headingAndRest: number + title [+ mark + first paragraph], or number + first paragraph. */
  heading(sectionPath: PlanPath): Layout | undefined {
    const node = this.layouts.sections.get(pathKey(sectionPath));
    if (!node) return undefined;
    const section = node.section;
    const first = firstParagraph(section, sectionPath);
    this.fixed(node.number);
    if (section.title === undefined) {
      if (first) this.field(first.path, 'text', first.text);
      return this.done();
    }
    this.field([...sectionPath, 'title'], 'plain', section.title);
    const mark = runInMark(section, this.layouts.plan);
    if (mark) {
      this.fixed(mark);
      if (first) this.field(first.path, 'text', first.text);
    }
    return this.done();
  }
}

/** The section's first text block when it is a paragraph: a run-in or untitled heading prints it. */
export function firstParagraph(section: Section, sectionPath: PlanPath): { path: PlanPath; text: string } | undefined {
  const text = section.text;
  if (typeof text === 'string') return { path: [...sectionPath, 'text'], text };
  if (Array.isArray(text) && typeof text[0] === 'string') return { path: [...sectionPath, 'text', 0], text: text[0] };
  return undefined;
}

export function runInMark(section: Section, plan: Plan): '。' | '：' | undefined {
  if (section.runIn === true) return plan.numbering?.runInMark ?? '。';
  return section.runIn || undefined;
}

const CITATION = /\\\[\[|\[\[([^\[\]\s]+)\]\]/g;

/** compose/text.ts prepareText, as pieces: literal text between citations, each citation's printed text. */
function textPieces(source: string, field: number, citations: CitationIndex): Piece[] {
  const text = source.replace(/\r\n?/g, '\n');
  const pieces: Piece[] = [];
  let literal = '';
  let at = 0;
  for (const match of text.matchAll(CITATION)) {
    literal += text.slice(at, match.index);
    at = match.index + match[0].length;
    const id = match[1];
    const cited = id === undefined ? undefined : citations.byId.get(id);
    if (!cited) {
      literal += id === undefined ? '[[' : match[0];
      continue;
    }
    pieces.push({ kind: 'literal', text: literal, field });
    literal = '';
    pieces.push({ kind: 'cite', text: cited.text(text.slice(Math.max(0, match.index - 4), match.index)), field, id: id!, before: text.slice(Math.max(0, match.index - 4), match.index) });
  }
  pieces.push({ kind: 'literal', text: literal + text.slice(at), field });
  return trimPieces(pieces);
}

/** prepareText trims the printed text: the first and last literal lose their outer white space. */
function trimPieces(pieces: Piece[]): Piece[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first?.kind === 'literal') first.text = first.text.trimStart();
  if (last?.kind === 'literal') last.text = last.text.trimEnd();
  return pieces;
}

export function layoutText(layout: Layout): string {
  return layout.pieces.map((p) => p.text).join('');
}

/** A field's new YAML source from its pieces: literal text escapes "[[", citations stay [[id]]. */
export function fieldSource(layout: Layout, field: number, texts: readonly string[]): string {
  return layout.pieces
    .map((piece, i) => {
      if (piece.kind === 'fixed' || piece.field !== field) return '';
      if (piece.kind === 'cite') return `[[${piece.id}]]`;
      return layout.fields[field]!.kind === 'text' ? texts[i]!.replaceAll('[[', '\\[[') : texts[i]!;
    })
    .join('');
}
