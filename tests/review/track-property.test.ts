// Random rounds of edits to a real plan (reworded text, deleted, inserted and
// moved sections, changed targets): the 修订稿 accepts to the edited plan's
// rendered text and rejects to the original's, every time.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { trackedChangesDocx } from '../../src/review/track/index.js';
import { documentXml, paragraphProperties, paragraphTexts, parse, renderText, resolve, textsOf } from './track-support.js';

const PLAN = 'plans/changshou-2026.yaml';
const ORIGINAL = readFileSync(PLAN, 'utf8');

interface Section {
  id?: string;
  title?: string;
  text?: unknown;
  runIn?: boolean;
  children?: Section[];
}

interface PlanData {
  sections: Section[];
  metrics: Array<{ id: string; task?: string; target: { value?: number } }>;
}

type Edit =
  | { kind: 'reword'; section: number; at: number; remove: number; insert: string }
  | { kind: 'delete'; section: number }
  | { kind: 'insert'; section: number; title: string; text: string }
  | { kind: 'move'; section: number; to: number }
  | { kind: 'retarget'; metric: number; value: number };

const WORDS = ['加强', '全面', '推进', '乡村', '振兴', '产业', '，', '群众', '增收', '机制', '2026年', '30', '项目'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(''));

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('reword' as const), section: fc.nat(), at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constant(''), phrase) }),
  fc.record({ kind: fc.constant('delete' as const), section: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), section: fc.nat(), title: phrase, text: phrase.map((text) => `${text}。`) }),
  fc.record({ kind: fc.constant('move' as const), section: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), metric: fc.nat(), value: fc.integer({ min: 1, max: 99 }) }),
);

/** Every sibling list with its sections, in document order. */
function siblingLists(sections: Section[]): Array<{ list: Section[]; index: number }> {
  return sections.flatMap((section, index) => [{ list: sections, index }, ...siblingLists(section.children ?? [])]);
}

function ids(section: Section): string[] {
  return [section.id ?? '', ...(section.children ?? []).flatMap(ids)];
}

function applyEdit(plan: PlanData, change: Edit, serial: number): void {
  const places = siblingLists(plan.sections);
  const place = places[('section' in change ? change.section : 0) % places.length]!;
  const section = place.list[place.index]!;
  if (change.kind === 'reword') {
    if (typeof section.text !== 'string') return;
    const at = change.at % (section.text.length + 1);
    // citations ([[id]]) stay whole
    const head = section.text.slice(0, at);
    const tail = section.text.slice(at + change.remove);
    if (/\[\[[^\]]*$/.test(head) || /^[^[]*\]\]/.test(tail)) return;
    section.text = head + change.insert + tail;
  } else if (change.kind === 'delete') {
    const tasks = new Set(plan.metrics.map((metric) => metric.task));
    if (place.list.length > 1 && !ids(section).some((id) => tasks.has(id))) place.list.splice(place.index, 1);
  } else if (change.kind === 'insert') {
    place.list.splice(place.index, 0, { id: `added-${serial}`, title: change.title, text: change.text, ...(section.runIn ? { runIn: true } : {}) });
  } else if (change.kind === 'move') {
    place.list.splice(place.index, 1);
    place.list.splice(change.to % (place.list.length + 1), 0, section);
  } else {
    const numeric = plan.metrics.filter((metric) => typeof metric.target.value === 'number');
    numeric[change.metric % numeric.length]!.target.value = change.value;
  }
}

describe('tracked changes of random edits', () => {
  let older: Uint8Array;
  beforeAll(async () => {
    older = await renderText(PLAN, ORIGINAL);
  });

  it('accept all → the edited plan as rendered; reject all → the original as rendered; layout of the edited plan', async () => {
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
      const plan = parseYaml(ORIGINAL) as PlanData;
      edits.forEach((change, serial) => applyEdit(plan, change, serial));
      const newer = await renderText(PLAN, stringify(plan));
      const xml = documentXml(trackedChangesDocx(older, newer, { author: 'plandoc' }).docx);
      const accepted = resolve(xml, 'accept');
      expect(paragraphTexts(accepted)).toEqual(textsOf(newer));
      const rejected = resolve(xml, 'reject');
      expect(paragraphTexts(rejected)).toEqual(textsOf(older));
      const normalised = (list: string[]) => list.map((pPr) => pPr.replace(/<w:rPr\/>/g, ''));
      expect(normalised(paragraphProperties(accepted))).toEqual(paragraphProperties(parse(documentXml(newer))));
      expect(normalised(paragraphProperties(rejected))).toEqual(paragraphProperties(parse(documentXml(older))));
    }), { numRuns: 15 });
  }, 120_000);
});
