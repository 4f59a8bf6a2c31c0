// Two rendered bodies → one body in which every difference is a tracked
// revision: the new document's paragraphs and tables as rendered, the old
// one's deleted paragraphs between them, wording changes inside a paragraph
// as inserted and deleted runs (the diff's character alignment), whole
// paragraphs and table rows inserted or deleted with their paragraph mark or
// row, and paragraphs that moved as a move (moveFrom/moveTo ranges).
import { diffText, similarity, type TextEdit } from '../../diff/text.js';
import { align, type Step } from './align.js';
import { withoutNumber, type Atom, type Block, type CellBlock, type ParagraphBlock, type RowBlock, type TableBlock } from './blocks.js';
import {
  deletedParagraphProperties, markRevisionXml, sameFormatting, withFormattingChange, withMarkRevision, withRowRevision,
  type MarkPresence, type Revisions,
} from './marks.js';

interface Move {
  name: string;
  fromRange: number;
  toRange: number;
}

type MergeStep =
  | Step<Block>
  | { op: 'moveFrom'; old: ParagraphBlock; move: Move; opens?: boolean; closes?: boolean }
  | { op: 'moveTo'; new: ParagraphBlock; move: Move; opens?: boolean; closes?: boolean };

const BLOCK_RULES = {
  key: (block: Block) => block.key,
  resemblance(older: Block, newer: Block): number {
    if (older.kind !== newer.kind) return 0;
    // two tables between the same paragraphs are one table changed
    if (older.kind === 'tbl') return Math.max(0.5, similarity(older.text, newer.text));
    return similarity(withoutNumber(older.text), withoutNumber(newer.text));
  },
};

const ROW_RULES = {
  key: (row: RowBlock) => `${row.cells.length}\u0000${row.text}`,
  resemblance: (older: RowBlock, newer: RowBlock) => (older.cells.length === newer.cells.length ? similarity(older.text, newer.text) : 0),
};

/** The merged content of a container (w:body, w:tc); moves are looked for in the body only. */
export function mergeBlocks(older: Block[], newer: Block[], revisions: Revisions, options: { moves: boolean }): string {
  const aligned: MergeStep[] = align(older, newer, BLOCK_RULES);
  const steps = options.moves ? withMoves(aligned, revisions) : aligned;
  const marks = lastMarkKept(steps.map(markPresence));
  return steps.map((step, index) => writeStep(step, marks[index], revisions)).join('');
}

// ---- moves --------------------------------------------------------------------

/**
 * A deleted paragraph whose text (numbers aside) comes back as an inserted one
 * elsewhere moved. Neighbouring paragraphs that moved together share one
 * move range.
 */
function withMoves(steps: MergeStep[], revisions: Revisions): MergeStep[] {
  const deleted = new Map<string, number[]>();
  steps.forEach((step, index) => {
    if (step.op === 'deleted' && isMovable(step.old)) deleted.set(step.old.key, [...(deleted.get(step.old.key) ?? []), index]);
  });
  const partner = new Map<number, number>();
  steps.forEach((step, index) => {
    if (step.op !== 'inserted' || !isMovable(step.new)) return;
    const from = deleted.get(step.new.key)?.shift();
    if (from === undefined) return;
    partner.set(from, index);
    partner.set(index, from);
  });
  const result = [...steps];
  let previousFrom = -2;
  let move: Move | undefined;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const to = partner.get(index);
    if (step.op !== 'deleted' || to === undefined) continue;
    const continues = move && previousFrom === index - 1 && partner.get(index - 1) === to - 1;
    if (!continues) move = { name: revisions.moveName(), fromRange: revisions.takeId(), toRange: revisions.takeId() };
    result[index] = { op: 'moveFrom', old: step.old as ParagraphBlock, move: move! };
    result[to] = { op: 'moveTo', new: (steps[to] as { new: ParagraphBlock }).new, move: move! };
    previousFrom = index;
  }
  return markRangeEnds(result);
}

/** Each side of a move is one range: opened in its first paragraph, closed in its last. */
function markRangeEnds(steps: MergeStep[]): MergeStep[] {
  const moveOf = (step: MergeStep | undefined, op: string) => (step && step.op === op && 'move' in step ? step.move : undefined);
  return steps.map((step, index) => {
    if (step.op !== 'moveFrom' && step.op !== 'moveTo') return step;
    return { ...step, opens: moveOf(steps[index - 1], step.op) !== step.move, closes: moveOf(steps[index + 1], step.op) !== step.move };
  });
}

function isMovable(block: Block): block is ParagraphBlock {
  return block.kind === 'p' && withoutNumber(block.text).trim().length > 0;
}

// ---- paragraph marks ------------------------------------------------------------

/** Where a step's block is: its paragraph mark, or a table (which has no mark to give up). */
interface BlockPresence extends MarkPresence {
  table: boolean;
}

function markPresence(step: MergeStep): BlockPresence {
  const block = 'new' in step ? step.new : step.old;
  return { table: block.kind === 'tbl', accepted: step.op !== 'deleted' && step.op !== 'moveFrom', rejected: step.op !== 'inserted' && step.op !== 'moveTo' };
}

/**
 * The last paragraph mark of a container cannot go (Word and LibreOffice keep
 * it). When it would go on accepting or rejecting, it stays, and the mark that
 * ends the previous paragraph of that version goes instead: the paragraphs in
 * between are empty in that version, so the text reads the same.
 */
function lastMarkKept(blocks: BlockPresence[]): Array<MarkPresence | undefined> {
  const result = blocks.map((block) => ({ ...block }));
  const last = result.at(-1);
  if (!last || last.table) return result.map((block) => (block.table ? undefined : block));
  for (const side of ['accepted', 'rejected'] as const) {
    if (last[side]) continue;
    for (let index = result.length - 2; index >= 0; index--) {
      const block = result[index]!;
      // a table that stays in this version keeps the paragraphs apart; one that goes does not
      if (block.table && block[side]) break;
      if (block.table || !block[side]) continue;
      block[side] = false;
      last[side] = true;
      break;
    }
  }
  return result.map((block) => (block.table ? undefined : block));
}

function isPlain(mark: MarkPresence | undefined): boolean {
  return !mark || (mark.accepted && mark.rejected);
}

// ---- writing ------------------------------------------------------------------------

function writeStep(step: MergeStep, mark: MarkPresence | undefined, revisions: Revisions): string {
  switch (step.op) {
    case 'same':
      // equal but for a heading number (renumbered) or for its formatting: that is the change
      if (step.new.kind === 'p' && !isUnchanged(step.old as ParagraphBlock, step.new)) return changedParagraph(step.old as ParagraphBlock, step.new, mark!, revisions);
      return step.new.kind === 'p' && !isPlain(mark) ? withMark(step.new, mark!, revisions) : step.new.xml;
    case 'changed':
      return step.new.kind === 'tbl'
        ? mergeTable(step.old as TableBlock, step.new, revisions)
        : changedParagraph(step.old as ParagraphBlock, step.new, mark!, revisions);
    case 'deleted':
      return step.old.kind === 'tbl' ? wholeTable(step.old, 'del', revisions) : deletedParagraph(step.old, mark!, revisions);
    case 'inserted':
      return step.new.kind === 'tbl' ? wholeTable(step.new, 'ins', revisions) : insertedParagraph(step.new, mark!, revisions);
    case 'moveFrom':
      return deletedParagraph(step.old, mark!, revisions, step);
    case 'moveTo':
      return insertedParagraph(step.new, mark!, revisions, step);
  }
}

function openTag(paragraph: ParagraphBlock): string {
  return /^<w:p\b[^>]*?(?=\/?>)/.exec(paragraph.xml)![0] + '>';
}

function markXml(mark: MarkPresence, revisions: Revisions, move?: 'moveFrom' | 'moveTo'): string {
  return isPlain(mark) ? '' : markRevisionXml(mark, revisions, move);
}

/** An unchanged paragraph whose mark takes over a revision from the container's last one. */
function withMark(paragraph: ParagraphBlock, mark: MarkPresence, revisions: Revisions): string {
  const open = openTag(paragraph);
  const pPr = withMarkRevision(paragraph.pPr, markXml(mark, revisions));
  if (paragraph.xml.endsWith('/>') && !paragraph.xml.includes('</w:p>')) return `${open}${pPr}</w:p>`;
  const rest = paragraph.xml.slice(open.length);
  return open + pPr + (paragraph.pPr ? rest.replace(paragraph.pPr, '') : rest);
}

function isUnchanged(older: ParagraphBlock, newer: ParagraphBlock): boolean {
  return older.text === newer.text && sameFormatting(newer.pPr, older.pPr);
}

/** New text and formatting, with the old as revisions: changed runs, and the old paragraph formatting when it differs. */
function changedParagraph(older: ParagraphBlock, newer: ParagraphBlock, mark: MarkPresence, revisions: Revisions): string {
  const pPr = withFormattingChange(withMarkRevision(newer.pPr, markXml(mark, revisions)), older.pPr, revisions);
  return `${openTag(newer)}${pPr}${editedContent(older.atoms, newer, diffText(older.text, newer.text), revisions, 'ins')}</w:p>`;
}

/** Where a paragraph stands in a move: its range is opened and closed in the paragraphs at its ends. */
interface MovePlace {
  move: Move;
  opens?: boolean;
  closes?: boolean;
}

function rangeMarkers(kind: 'moveFrom' | 'moveTo', place: MovePlace | undefined, revisions: Revisions): [string, string] {
  if (!place) return ['', ''];
  const id = kind === 'moveFrom' ? place.move.fromRange : place.move.toRange;
  return [place.opens ? revisions.rangeStart(kind, id, place.move.name) : '', place.closes ? revisions.rangeEnd(kind, id) : ''];
}

function insertedParagraph(paragraph: ParagraphBlock, mark: MarkPresence, revisions: Revisions, move?: MovePlace): string {
  const kind = move ? 'moveTo' : 'ins';
  const pPr = withMarkRevision(paragraph.pPr, markXml(mark, revisions, move && 'moveTo'));
  const [start, end] = rangeMarkers('moveTo', move, revisions);
  const content = editedContent([], paragraph, [{ op: 'insert', text: paragraph.text }], revisions, kind);
  return `${openTag(paragraph)}${pPr}${start}${content}${end}</w:p>`;
}

/** An old paragraph, kept in place with its text deleted and its mark deleted (its bookmarks stay behind). */
function deletedParagraph(paragraph: ParagraphBlock, mark: MarkPresence, revisions: Revisions, move?: MovePlace): string {
  const kind = move ? 'moveFrom' : 'del';
  const pPr = withMarkRevision(deletedParagraphProperties(paragraph.pPr), markXml(mark, revisions, move && 'moveFrom'));
  const [start, end] = rangeMarkers('moveFrom', move, revisions);
  return `${openTag(paragraph)}${pPr}${start}${revisions.wrap(kind, paragraph.atoms)}${end}</w:p>`;
}

/**
 * The runs of a changed paragraph: equal text in the new paragraph's runs,
 * deleted text in the old one's runs, inserted text in the new one's; the new
 * paragraph's bookmarks and other non-run children at their places.
 */
function editedContent(oldAtoms: Atom[], newer: ParagraphBlock, edits: TextEdit[], revisions: Revisions, insertKind: 'ins' | 'moveTo'): string {
  let out = '';
  let oldAt = 0;
  let newAt = 0;
  let extra = 0;
  const extrasUpTo = (offset: number) => {
    while (extra < newer.extras.length && newer.extras[extra]!.offset <= offset) out += newer.extras[extra++]!.xml;
  };
  for (const edit of edits) {
    const length = edit.text.length;
    if (edit.op === 'delete') {
      out += revisions.wrap('del', oldAtoms.slice(oldAt, oldAt + length));
      oldAt += length;
      continue;
    }
    const kind = edit.op === 'insert' ? insertKind : undefined;
    const end = newAt + length;
    extrasUpTo(newAt);
    while (extra < newer.extras.length && newer.extras[extra]!.offset < end) {
      const at = newer.extras[extra]!.offset;
      out += revisions.wrap(kind, newer.atoms.slice(newAt, at));
      newAt = at;
      extrasUpTo(at);
    }
    out += revisions.wrap(kind, newer.atoms.slice(newAt, end));
    newAt = end;
    if (edit.op === 'equal') oldAt += length;
  }
  extrasUpTo(Number.POSITIVE_INFINITY);
  return out;
}

// ---- tables ---------------------------------------------------------------------------

function mergeTable(older: TableBlock, newer: TableBlock, revisions: Revisions): string {
  const rows = align(older.rows, newer.rows, ROW_RULES).map((step) => {
    switch (step.op) {
      case 'same':
        return step.new.xml;
      case 'changed':
        return changedRow(step.old, step.new, revisions);
      case 'deleted':
        return wholeRow(step.old, 'del', revisions);
      case 'inserted':
        return wholeRow(step.new, 'ins', revisions);
    }
  });
  return `${newer.head}${rows.join('')}</w:tbl>`;
}

function changedRow(older: RowBlock, newer: RowBlock, revisions: Revisions): string {
  const cells = newer.cells.map((cell, index) => cellXml(cell, mergeBlocks(older.cells[index]!.blocks, cell.blocks, revisions, { moves: false })));
  return `${newer.open}${newer.trPr}${cells.join('')}</w:tr>`;
}

/** A row that is only in one version: the row itself marked, every cell's content with it. */
function wholeRow(row: RowBlock, kind: 'ins' | 'del', revisions: Revisions): string {
  const trPr = withRowRevision(row.trPr, kind, revisions);
  const cells = row.cells.map((cell) => cellXml(cell, kind === 'ins'
    ? mergeBlocks([], cell.blocks, revisions, { moves: false })
    : mergeBlocks(cell.blocks, [], revisions, { moves: false })));
  return `${row.open}${trPr}${cells.join('')}</w:tr>`;
}

function wholeTable(table: TableBlock, kind: 'ins' | 'del', revisions: Revisions): string {
  return `${table.head}${table.rows.map((row) => wholeRow(row, kind, revisions)).join('')}</w:tbl>`;
}

function cellXml(cell: CellBlock, content: string): string {
  return `<w:tc>${cell.tcPr}${content}</w:tc>`;
}
