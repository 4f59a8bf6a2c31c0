// plandoc diff … --track-changes: the 修订稿 is the new revision as rendered,
// with the changes as Word revisions. Accepting every revision must give the
// new revision's rendered text, rejecting every one the old revision's; the
// layout (paragraph and section properties) is the new revision's.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { trackedChangesDocx } from '../../src/review/track/index.js';
import { schemaOrderIssues } from '../../src/docx/check/order.js';
import { xmlParts } from '../../src/docx/check/package.js';
import { wpsProblems } from '../../src/docx/check/wps.js';
import {
  documentXml, paragraphProperties, paragraphTexts, parse, renderText, resolve, revisionCount, sectionProperties, textsOf,
} from './track-support.js';

const PLAN = 'plans/changshou-2026.yaml';
const ORIGINAL = readFileSync(PLAN, 'utf8');

function cut(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`cannot cut ${from}`);
  return text.slice(0, start) + text.slice(end);
}

function replaceOnce(text: string, before: string, after: string): string {
  if (!text.includes(before)) throw new Error(`missing ${before}`);
  return text.replace(before, after);
}

/** A leader's round of edits: a reworded sentence, a deleted item, a new item, a moved section, a changed target. */
function editedPlan(): string {
  let text = replaceOnce(ORIGINAL, '奋力打造具有长寿镇特色的', '全力打造具有长寿镇鲜明特色的');
  text = cut(text, '          - id: goal-construction', '          - id: goal-governance');
  text = replaceOnce(text, '          - id: five-guarantees', '          - id: new-task\n            title: 新增修订测试任务\n            runIn: true\n            text: 这是新插入的一段文字，用于检查修订稿。\n\n          - id: five-guarantees');
  const supervision = text.slice(text.indexOf('      - id: supervision'), text.indexOf('      - id: inner-motivation'));
  text = cut(text, '      - id: supervision', '      - id: inner-motivation');
  text = replaceOnce(text, '      - id: leadership', `${supervision}      - id: leadership`);
  return replaceOnce(text, 'kind: atLeast\n      value: 300\n    task: employment-scale', 'kind: atLeast\n      value: 400\n    task: employment-scale');
}

describe('tracked-change 修订稿 of one round of edits', () => {
  let older: Uint8Array;
  let newer: Uint8Array;
  let tracked: Uint8Array;
  let xml: string;

  beforeAll(async () => {
    older = await renderText(PLAN, ORIGINAL);
    newer = await renderText(PLAN, editedPlan());
    tracked = trackedChangesDocx(older, newer, { author: '办公室', date: '2026-03-01T09:30:00' }).docx;
    xml = documentXml(tracked);
  });

  it('accepting every revision gives the new revision\'s rendered paragraphs exactly', () => {
    expect(paragraphTexts(resolve(xml, 'accept'))).toEqual(textsOf(newer));
  });

  it('rejecting every revision gives the old revision\'s rendered paragraphs exactly', () => {
    expect(paragraphTexts(resolve(xml, 'reject'))).toEqual(textsOf(older));
  });

  it('marks a reworded sentence inside its paragraph: deleted and inserted runs, the rest plain', () => {
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*力打造具有长寿镇(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)?.[0] ?? '';
    expect(paragraph).toMatch(/<w:del w:id="\d+" w:author="办公室" w:date="2026-03-01T09:30:00"><w:r><w:rPr>.*?<\/w:rPr><w:delText xml:space="preserve">奋<\/w:delText><\/w:r><\/w:del>/);
    expect(paragraph).toMatch(/<w:ins [^>]*><w:r><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">全<\/w:t><\/w:r><\/w:ins>/);
    expect(paragraph).toMatch(/<w:ins [^>]*><w:r><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">鲜明<\/w:t><\/w:r><\/w:ins>/);
    // the unchanged text around the change is plain runs
    expect(paragraph).toMatch(/<w:r><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">以习近平新时代/);
  });

  it('marks a deleted item as deleted text with a deleted paragraph mark, an inserted one with an inserted mark', () => {
    const deleted = /<w:p><w:pPr>(?:(?!<\/w:p>).)*<\/w:pPr>(?:(?!<\/w:p>).)*建设提速(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)?.[0] ?? '';
    expect(deleted).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="办公室"[^>]*\/>/);
    expect(deleted).not.toMatch(/<w:t[ >]/);
    const inserted = /<w:p><w:pPr>(?:(?!<\/w:p>).)*新增修订测试任务(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)?.[0] ?? '';
    expect(inserted).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="办公室"[^>]*\/>/);
    expect(inserted).toContain('新增修订测试任务');
    // every run of the new item is inside an insertion
    expect(inserted.replace(/<w:ins [^>]*>.*?<\/w:ins>/gs, '')).not.toMatch(/<w:t[ >]/);
  });

  it('marks a moved section as a move: moveFrom and moveTo ranges with one name around heading and text', () => {
    const fromStart = /<w:moveFromRangeStart w:id="(\d+)" w:name="(\w+)" w:author="办公室"[^>]*\/>/.exec(xml);
    const toStart = /<w:moveToRangeStart w:id="(\d+)" w:name="(\w+)" w:author="办公室"[^>]*\/>/.exec(xml);
    expect(fromStart?.[2]).toBeDefined();
    expect(toStart?.[2]).toBe(fromStart?.[2]);
    expect(xml).toContain(`<w:moveFromRangeEnd w:id="${fromStart![1]}"/>`);
    expect(xml).toContain(`<w:moveToRangeEnd w:id="${toStart![1]}"/>`);
    // moved to the front of 保障措施: the moveTo range comes first and holds the heading and its text
    const toRange = xml.slice(xml.indexOf(toStart![0]), xml.indexOf(`<w:moveToRangeEnd w:id="${toStart![1]}"/>`));
    expect(toRange).toContain('（一）严格督导考核');
    expect(toRange).toContain('建立健全工作考核评价机制');
    expect(xml.indexOf(toStart![0])).toBeLessThan(xml.indexOf(fromStart![0]));
    const fromRange = xml.slice(xml.indexOf(fromStart![0]), xml.indexOf(`<w:moveFromRangeEnd w:id="${fromStart![1]}"/>`));
    expect(fromRange).toContain('（三）严格督导考核');
  });

  it('marks renumbered headings as a revision of the number only', () => {
    // 加强组织领导 was （一） and is （二） now
    const heading = /<w:p>(?:(?!<\/w:p>).)*加强组织领导(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)?.[0] ?? '';
    expect(heading).toMatch(/<w:delText xml:space="preserve">一<\/w:delText>/);
    expect(heading).toMatch(/<w:t xml:space="preserve">二<\/w:t><\/w:r><\/w:ins>/);
    expect(heading).toMatch(/<w:t xml:space="preserve">）加强组织领导<\/w:t>/);
  });

  it('marks a changed target where the text cites it', () => {
    expect(xml).toMatch(/<w:delText xml:space="preserve">300<\/w:delText>/);
    expect(xml).toMatch(/<w:t xml:space="preserve">400<\/w:t><\/w:r><\/w:ins>/);
  });

  it('keeps the new revision\'s layout: paragraph and section properties as the plain render has them', () => {
    const accepted = resolve(xml, 'accept');
    const plain = parse(documentXml(newer));
    const withoutEmptyMarkRPr = (list: string[]) => list.map((pPr) => pPr.replace(/<w:rPr\/>/g, ''));
    expect(withoutEmptyMarkRPr(paragraphProperties(accepted))).toEqual(paragraphProperties(plain));
    expect(sectionProperties(accepted)).toEqual(sectionProperties(plain));
    expect(sectionProperties(parse(xml))).toEqual(sectionProperties(plain));
  });

  it('leaves every other part as render writes it and turns on tracking for the reviewer', () => {
    const trackedParts = unzipSync(tracked);
    const plainParts = unzipSync(newer);
    expect(Object.keys(trackedParts).sort()).toEqual(Object.keys(plainParts).sort());
    for (const name of Object.keys(plainParts)) {
      if (name === 'word/document.xml' || name === 'word/settings.xml') continue;
      expect(strFromU8(trackedParts[name]!), name).toBe(strFromU8(plainParts[name]!));
    }
    expect(strFromU8(trackedParts['word/settings.xml']!)).toContain('<w:trackRevisions/>');
  });

  it('passes the Word/WPS package checks (schema order of revision elements, WPS self-check)', () => {
    const parts = xmlParts(tracked);
    expect(schemaOrderIssues(parts)).toEqual([]);
    expect(wpsProblems(parts)).toEqual([]);
  });

  it('gives revision ids unique in the document and the same bytes for the same inputs', () => {
    const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo)\b[^>]*\sw:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const again = trackedChangesDocx(older, newer, { author: '办公室', date: '2026-03-01T09:30:00' }).docx;
    expect(Buffer.from(again).equals(Buffer.from(tracked))).toBe(true);
  });

  it('leaves w:date out when no date is given', () => {
    const undated = documentXml(trackedChangesDocx(older, newer, { author: 'plandoc' }).docx);
    expect(revisionCount(undated).ins).toBeGreaterThan(0);
    expect(undated).not.toContain('w:date=');
  });

  it('writes no revision at all for two equal revisions', () => {
    const same = trackedChangesDocx(older, older, { author: 'plandoc' }).docx;
    expect(revisionCount(documentXml(same))).toEqual({ ins: 0, del: 0, moveFrom: 0, moveTo: 0 });
    expect(documentXml(same)).toBe(documentXml(older));
  });
});

describe('tracked changes in titles and tables', () => {
  it('a longer title that breaks differently: accept and reject give each version\'s title lines', async () => {
    const older = await renderText(PLAN, ORIGINAL);
    const newer = await renderText(PLAN, replaceOnce(ORIGINAL, 'title: 长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划', 'title: 长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作计划'));
    const xml = documentXml(trackedChangesDocx(older, newer, { author: 'plandoc' }).docx);
    expect(paragraphTexts(resolve(xml, 'accept'))).toEqual(textsOf(newer));
    expect(paragraphTexts(resolve(xml, 'reject'))).toEqual(textsOf(older));
  });

  it('a summary with tables (progress file): rows added and cells changed are row and run revisions', async () => {
    const file = 'plans/changshou-2026-h1.yaml';
    const text = readFileSync(file, 'utf8');
    const older = await renderText(file, text);
    const edited = text.replace(/value: 180, unit: 人次/, 'value: 210, unit: 人次');
    expect(edited).not.toBe(text);
    const newer = await renderText(file, edited);
    const xml = documentXml(trackedChangesDocx(older, newer, { author: 'plandoc' }).docx);
    expect(revisionCount(xml).ins).toBeGreaterThan(0);
    expect(paragraphTexts(resolve(xml, 'accept'))).toEqual(textsOf(newer));
    expect(paragraphTexts(resolve(xml, 'reject'))).toEqual(textsOf(older));
  });
});
