// Anchors (issue #17): every rendered body paragraph carries a hidden bookmark
// naming the plan element it came from; the bookmark changes nothing on the
// page and survives a LibreOffice re-save.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { findSoffice, fontconfigFile } from '../../src/docx/pdf.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { renderPlanInMemory } from '../../src/index.js';
import { composePlan } from '../../src/compose/index.js';
import { loadPlanSource } from '../../src/load/index.js';
import { treeToDocx } from '../../src/render/index.js';
import { decodeAnchor, encodeAnchor, type PlanPath } from '../../src/review/anchors.js';
import { ROOT } from '../helpers/cli.js';
import { checkProperty } from '../fuzz/support.js';
import { canRender, documentXml, paragraphsOf, resaveWithLibreOffice } from './support.js';

const EXAMPLES = ['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml', 'tests/fixtures/minimal-plan.yaml', 'tests/fixtures/tables-plan.yaml'];

async function rendered(relative: string) {
  const source = readFileSync(join(ROOT, relative), 'utf8');
  const result = await renderPlanInMemory(source, relative);
  expect(result.docx.length, relative).toBeGreaterThan(0);
  return { source, docx: result.docx, plan: loadPlanSource(source, relative).value! };
}

function valueAt(data: unknown, path: PlanPath): unknown {
  return path.reduce<unknown>((value, key) => (value === undefined || value === null ? undefined : (value as Record<string | number, unknown>)[key]), data);
}

/** Body paragraphs outside tables that print text. */
function textParagraphs(docx: Uint8Array) {
  return paragraphsOf(docx).filter((p) => p.text !== '');
}

describe('anchor names', () => {
  it('encode a data path compactly and decode back', () => {
    expect(encodeAnchor(['sections', 1, 'children', 0, 'text', 2, 'list', 3])).toBe('_pd_s1c0x2l3');
    expect(encodeAnchor(['title'])).toBe('_pd_t');
    expect(decodeAnchor('_pd_s1c0x2l3')).toEqual(['sections', 1, 'children', 0, 'text', 2, 'list', 3]);
    expect(decodeAnchor('_pd_s12h')).toEqual(['sections', 12, 'heading']);
  });

  it('refuse what Word would not keep or what is not theirs', () => {
    // Word keeps names of at most 40 characters: a path that long gets no anchor
    expect(encodeAnchor(Array.from({ length: 13 }, () => ['children', 10]).flat())).toBeUndefined();
    expect(encodeAnchor(['sections', 0, 'lead'])).toBeUndefined();
    expect(decodeAnchor('_GoBack')).toBeUndefined();
    expect(decodeAnchor('_pd_')).toBeUndefined();
    expect(decodeAnchor('_pd_q1')).toBeUndefined();
    expect(decodeAnchor('_pd_s1-')).toBeUndefined();
  });

  it('round-trip any path of known keys, letters, digits and underscore only', async () => {
    const key = fc.constantFrom('title', 'opening', 'sections', 'children', 'text', 'list', 'closing', 'attachments', 'heading', 'taskInfo');
    await checkProperty(fc.property(fc.array(fc.oneof(key, fc.nat(999)), { minLength: 1, maxLength: 12 }), (path) => {
      const name = encodeAnchor(path);
      if (name === undefined) return;
      expect(name).toMatch(/^_[A-Za-z0-9_]{1,39}$/);
      // numbers directly after numbers merge, so only paths with a key before each index round-trip
      if (path.every((part, i) => typeof part === 'string' || typeof path[i - 1] === 'string')) expect(decodeAnchor(name)).toEqual(path);
    }), 200);
  });
});

describe('rendered plans carry anchors', () => {
  it.each(EXAMPLES)('%s: every text paragraph outside tables names its plan element, once', async (relative) => {
    const { docx, plan } = await rendered(relative);
    const paragraphs = textParagraphs(docx);
    const names = paragraphs.flatMap((p) => p.anchors.filter((a) => a.startsWith('_pd_')));
    expect(new Set(names).size).toBe(names.length);
    for (const paragraph of paragraphs) {
      const anchors = paragraph.anchors.filter((a) => a.startsWith('_pd_'));
      if (anchors.length === 0) {
        // furniture plandoc writes itself: 附件 label and 附件说明, 版头, 主送, 版记, table captions
        expect(paragraph.text, relative).toMatch(/^(附件|抄送|.*印发$|.*〔\d{4}〕\d+号$|.*：$|.*表$)/u);
        continue;
      }
      expect(anchors).toHaveLength(1);
      const path = decodeAnchor(anchors[0]!)!;
      const last = path.at(-1);
      if (last === 'heading' || last === 'taskInfo') {
        expect(valueAt(plan, path.slice(0, -1)), anchors[0]).toBeTypeOf('object');
      } else {
        const value = valueAt(plan, path);
        expect(value, anchors[0]).toBeTypeOf('string');
        // text without citations prints as typed (dates print in Chinese)
        if (!String(value).includes('[[') && last !== 'date') expect(paragraph.text.replace(/\n/g, '')).toBe(String(value).trim().replace(/\n/g, ''));
      }
    }
    expect(names).toContain('_pd_t');
    expect(names).toContain('_pd_s0h');
  });

  it('the anchors change no paragraph or run property: the document is the anchor-free one plus bookmarks', async () => {
    for (const relative of EXAMPLES) {
      const { docx, plan } = await rendered(relative);
      const composed = composePlan(plan, { file: relative });
      const tree = (composed.document as { tree: Parameters<typeof treeToDocx>[0] }).tree;
      stripPaths(tree.root);
      const bare = await treeToDocx(tree, { file: relative });
      const withoutBookmarks = documentXml(docx).replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '');
      // the furniture anchors (署名, 日期) are written by the furniture code, not from the tree
      expect(withoutBookmarks).toBe(documentXml(bare.docx).replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, ''));
      expect(documentXml(bare.docx)).not.toMatch(/_pd_s/);
    }
  });

  it('render twice gives the same bytes, bookmark ids included', async () => {
    const first = await rendered(EXAMPLES[0]!);
    const second = await rendered(EXAMPLES[0]!);
    expect(Buffer.from(first.docx).equals(Buffer.from(second.docx))).toBe(true);
    const ids = [...documentXml(first.docx).matchAll(/<w:bookmarkStart\b[^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.runIf(canRender)('put every word where it is without them in LibreOffice (PDF word boxes identical)', async () => {
    for (const relative of ['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml']) {
      const { docx } = await rendered(relative);
      const bare = withoutBookmarks(docx);
      expect(bare).not.toEqual(docx);
      expect(wordBoxes(docx, 'anchored'), relative).toEqual(wordBoxes(bare, 'bare'));
    }
  }, 120_000);

  it.runIf(canRender)('survive a LibreOffice re-save on the same paragraphs', async () => {
    const { docx } = await rendered('plans/changshou-2026.yaml');
    const before = textParagraphs(docx).map((p) => [p.anchors.filter((a) => a.startsWith('_pd_')), p.text]);
    const after = textParagraphs(resaveWithLibreOffice(docx)).map((p) => [p.anchors.filter((a) => a.startsWith('_pd_')), p.text]);
    expect(after).toEqual(before);
  }, 120_000);
});

function withoutBookmarks(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']!).replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '');
  return zipSync({ ...parts, 'word/document.xml': strToU8(xml) });
}

/** Every word LibreOffice prints, with its page and box. */
function wordBoxes(docx: Uint8Array, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-anchor-layout-'));
  try {
    writeFileSync(join(dir, `${name}.docx`), docx);
    execFileSync(findSoffice()!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE: fontconfigFile() ?? '' } });
    const bbox = execFileSync('pdftotext', ['-bbox', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
    return bbox.split('\n').filter((line) => line.includes('<word') || line.includes('<page')).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function stripPaths(node: Nodes): void {
  if (node.data) delete (node.data as { planPath?: unknown }).planPath;
  if ('children' in node) node.children.forEach(stripPaths);
}
