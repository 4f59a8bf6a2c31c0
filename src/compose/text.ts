// User text on its way into the document: XML-invalid control characters are
// removed (with a warning) and citations [[id]] are expanded. The result is
// plain text; escaping for Markdown happens when it becomes an mdast node.
import type { BasisDocument, Metric } from '../model/plan.js';
import { targetPhrase } from '../derive/targets.js';
import { stripUnsafeChars } from '../io/sanitize.js';

export type DataPath = Array<string | number>;

/** A problem found while composing, located by its path in the plan data. */
export interface ComposeProblem {
  path: DataPath;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint?: string;
}

/** What a citation prints, and where in the plan that text comes from. */
interface Citable {
  /** `before`: the sentence up to the citation (a verb there changes a target's wording) */
  text: (before: string) => string;
  path: DataPath;
}

export interface CitationIndex {
  byId: ReadonlyMap<string, Citable>;
}

/** A metric wins over a basis document with the same id. */
export function buildCitationIndex(metrics: readonly Metric[] = [], basis: readonly BasisDocument[] = []): CitationIndex {
  const byId = new Map<string, Citable>();
  metrics.forEach((metric, i) => {
    if (!byId.has(metric.id)) byId.set(metric.id, { text: (before) => targetPhrase(metric, before), path: ['metrics', i] });
  });
  basis.forEach((document, i) => {
    if (document.id && !byId.has(document.id)) byId.set(document.id, { text: () => basisCitation(document), path: ['basis', i] });
  });
  return { byId };
}

/**
 * Removes what plandoc's one sanitiser removes (C0/C1 controls, DEL, lone
 * surrogates, U+FFFE/U+FFFF), so the composed tree is already clean and the
 * DOCX writer has nothing left to strip; reports it once per field.
 */
export function removeInvalidCharacters(text: string, path: DataPath, problems: ComposeProblem[]): string {
  const { text: cleaned, removed } = stripUnsafeChars(text.replace(/\r\n?/g, '\n'));
  if (removed.length) {
    problems.push({
      path,
      severity: 'warning',
      code: 'invalid-character',
      message: '文字中有不可见的控制字符，已删除。',
      hint: '这些字符通常是从别处复制时带进来的；请在编辑器里删掉它们。',
    });
  }
  return cleaned;
}

const CITATION = /\\\[\[|\[\[([^\[\]\s]+)\]\]/g;

/**
 * "[[m-income]]" → "10万元以上", "[[doc-11]]" → "《标题》（文号）", "\[[" → "[[".
 * The cited text is cleaned like typed text, reported where it is defined.
 */
export function expandCitations(text: string, index: CitationIndex, path: DataPath, problems: ComposeProblem[]): string {
  return text.replace(CITATION, (match, id: string | undefined, offset: number) => {
    if (id === undefined) return '[[';
    const cited = index.byId.get(id);
    if (cited) return removeInvalidCharacters(cited.text(text.slice(Math.max(0, offset - 4), offset)), cited.path, problems);
    problems.push({
      path,
      severity: 'error',
      code: 'unknown-citation',
      message: `引用 [[${id}]] 找不到对应的指标（metrics）或上级文件（basis）。`,
      hint: '检查 id 是否写错；如果想原样印出 “[[”，请写成 “\\[[”。',
    });
    return match;
  });
}

/** TX-06: 《标题》（文号）. */
export function basisCitation(basis: BasisDocument): string {
  return basis.number ? `《${basis.title}》（${basis.number}）` : `《${basis.title}》`;
}

/** Everything a text field goes through before it is printed. */
export function prepareText(text: string, index: CitationIndex, path: DataPath, problems: ComposeProblem[]): string {
  return expandCitations(removeInvalidCharacters(text, path, problems), index, path, problems).trim();
}

/** Plain fields (titles, names): no citations, only character clean-up. */
export function preparePlain(text: string, path: DataPath, problems: ComposeProblem[]): string {
  return removeInvalidCharacters(text, path, problems).trim();
}
