// The DOCX package is written from the docx library's XML text, without the
// library's own zip (src/docx/package.ts), and the bundle replaces one of the
// library's ES5 helpers with native code (scripts/build.mjs). Neither may
// change a byte: every example and fixture is packed both ways in one run,
// and rendered by the bundle and by the sources (the sources use the library
// unmodified).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Document } from 'docx';
import type { PackageFixes } from '../../src/docx/package.js';
import { prepareRender } from '../../src/render/index.js';
import { markdownToDocx, renderPlanInMemory } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

const route = vi.hoisted(() => ({ current: 'text' as 'text' | 'zip', used: { text: 0, zip: 0 } }));

vi.mock('../../src/docx/package.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/docx/package.js')>();
  return {
    ...actual,
    packDocument: (document: Document, fixes: PackageFixes) => {
      route.used[route.current]++;
      return route.current === 'zip' ? actual.packThroughLibraryZip(document, fixes) : actual.packDocument(document, fixes);
    },
  };
});

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-package-route-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesIn(dir: string, extension: RegExp): string[] {
  const full = join(ROOT, dir);
  return existsSync(full) ? readdirSync(full).filter((name) => extension.test(name)).map((name) => `${dir}/${name}`) : [];
}

const yamlInputs = ['plans', 'tests/fixtures', 'tests/fixtures/summary', 'tests/fixtures/crashers', 'tests/diff/fixtures'].flatMap((dir) => filesIn(dir, /\.ya?ml$/));
const markdownInputs = ['tests/fixtures/md', 'tests/fixtures/crashers'].flatMap((dir) => filesIn(dir, /\.md$/));

async function docxOf(relative: string, packRoute: 'text' | 'zip'): Promise<Uint8Array | undefined> {
  route.current = packRoute;
  const input = join(ROOT, relative);
  if (relative.endsWith('.md')) return markdownToDocx(readFileSync(input, 'utf8'), { file: input });
  const prepared = await prepareRender(input, { outDir: join(scratch, 'out'), formats: ['docx'] });
  const docx = prepared.files.find((file) => file.path.endsWith('.docx'))?.data;
  return typeof docx === 'string' ? Buffer.from(docx) : docx;
}

describe('DOCX package written from the library text, without its zip', () => {
  it.each([...yamlInputs, ...markdownInputs])('%s: same bytes as through the library zip', async (relative) => {
    const text = await docxOf(relative, 'text');
    const zip = await docxOf(relative, 'zip');
    expect(text === undefined).toBe(zip === undefined);
    // fixtures that fail in the loader write no DOCX; the count below makes sure the others did
    if (text && zip) expect(Buffer.from(text).equals(Buffer.from(zip))).toBe(true);
  });

  it('compared real packages both ways', () => {
    // the examples and Markdown fixtures alone make more than 10 documents; both routes ran for each
    expect(route.used.text).toBeGreaterThanOrEqual(10);
    expect(route.used.zip).toBe(route.used.text);
  });
});

describe('the bundle (native helpers for docx) writes the bytes the sources write', () => {
  const bundle = join(ROOT, 'dist', 'index.js');
  const plans = [...filesIn('plans', /\.ya?ml$/), ...filesIn('tests/fixtures', /\.ya?ml$/)];

  it('rewrote the helper it was meant to', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('({...acc,[key]:');
    expect(code).not.toMatch(/_objectSpread2\(_objectSpread2\(\{\},acc\)/);
  });

  it('formats a header or footer once when there are no images, and defines class fields per call site', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code.split('Media.Array.length===0?"":').length - 1).toBe(2);
    // the sites the bundle keeps (others are tree-shaken away)
    expect(code.match(/_defineField\d+\(this,/g)?.length).toBeGreaterThan(100);
  });

  it.each([...plans, ...markdownInputs])('%s', async (relative) => {
    route.current = 'text';
    const built = (await import(bundle)) as typeof import('../../src/index.js');
    const input = join(ROOT, relative);
    const source = readFileSync(input, 'utf8');
    if (relative.endsWith('.md')) {
      const fromBundle = await built.markdownToDocx(source, { file: input });
      const fromSources = await markdownToDocx(source, { file: input });
      expect(fromSources.length).toBeGreaterThan(0);
      expect(Buffer.from(fromBundle).equals(Buffer.from(fromSources))).toBe(true);
      return;
    }
    const fromBundle = await built.renderPlanInMemory(source, input);
    const fromSources = await renderPlanInMemory(source, input);
    expect(fromBundle.diagnostics).toEqual(fromSources.diagnostics);
    expect(Buffer.from(fromBundle.docx).equals(Buffer.from(fromSources.docx))).toBe(true);
  });
});
