// The DOCX path reads the composed tree directly; the Markdown path writes the
// tree as text and parses it back. Both must give the same bytes for every
// example and fixture, so the .md and the .docx always say the same thing and
// a user who copies the built-in templates to override them gets the same
// document. Compared in one run, so the guard holds when the output changes
// on purpose.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareRender, treeToDocx, type PreparedRender } from '../../src/render/index.js';
import { builtinTemplatesDir, composePlan, treeMarkdown } from '../../src/compose/index.js';
import { mdastToDocx, renderDocx } from '../../src/docx/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { stringifyMarkdown } from '../../src/markdown/stringify.js';
import { ROOT } from '../helpers/cli.js';
import { planArbitrary } from '../fuzz/arbitraries.js';
import { checkProperty } from '../fuzz/support.js';

const scratch = mkdtempSync(join(tmpdir(), 'plandoc-direct-tree-'));
/** A user's templates directory holding copies of every built-in template: forces the Markdown route. */
const copiedTemplates = join(scratch, 'templates');
cpSync(builtinTemplatesDir(), copiedTemplates, { recursive: true });

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIXTURE_DIRS = ['plans', 'tests/fixtures', 'tests/fixtures/bad', 'tests/fixtures/crashers', 'tests/fixtures/md', 'tests/diff/fixtures'];

function inputs(extension: RegExp): string[] {
  return FIXTURE_DIRS.flatMap((dir) =>
    existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).filter((name) => extension.test(name)).map((name) => join(ROOT, dir, name)) : [],
  );
}

async function render(input: string, templatesDir?: string): Promise<PreparedRender> {
  return prepareRender(input, { outDir: join(scratch, 'out'), formats: ['md', 'docx'], templatesDir });
}

/** Inputs that render (the bad fixtures fail in the loader, before compose). */
const yamlInputs = inputs(/\.ya?ml$/);

describe('the composed tree reaches the DOCX without a Markdown round trip', () => {
  it('covers the examples and fixtures', async () => {
    const rendered = [];
    for (const input of yamlInputs) if ((await render(input)).files.length) rendered.push(input);
    // every example plan and progress file, the fixture plans
    expect(rendered.length).toBeGreaterThanOrEqual(8);
    for (const example of readdirSync(join(ROOT, 'plans')).filter((n) => n.endsWith('.yaml'))) {
      expect(rendered).toContain(join(ROOT, 'plans', example));
    }
  });

  it.each(yamlInputs.map((input) => [input.slice(ROOT.length)]))('%s: same .md and .docx as through the templates and Markdown', async (relative) => {
    const input = join(ROOT, relative);
    const direct = await render(input);
    const viaMarkdown = await render(input, copiedTemplates);
    expect(direct.diagnostics).toEqual(viaMarkdown.diagnostics);
    expect(direct.files.map((f) => f.path)).toEqual(viaMarkdown.files.map((f) => f.path));
    direct.files.forEach((file, i) => expect(Buffer.from(file.data).equals(Buffer.from(viaMarkdown.files[i]!.data)), file.path).toBe(true));
  });

  it.each(inputs(/\.md$/).map((input) => [input.slice(ROOT.length)]))('%s: the Markdown writer keeps a hand-written document as it is', async (relative) => {
    const parsed = parseMarkdown(readFileSync(join(ROOT, relative), 'utf8'));
    const fromTree = await mdastToDocx(parsed.root, parsed.furniture);
    const fromText = await renderDocx(stringifyMarkdown(parsed.root));
    expect(Buffer.from(fromTree.docx).equals(Buffer.from(fromText.docx))).toBe(true);
  });

  it('random plans: the DOCX of the tree equals the DOCX of its Markdown', async () => {
    await checkProperty(fc.asyncProperty(planArbitrary, async (plan) => {
      const composed = composePlan(plan, { file: 'fuzz.yaml' });
      if (!composed.document || !('tree' in composed.document)) throw new Error('compose gave no tree');
      const { tree } = composed.document;
      const direct = await treeToDocx(tree, { file: 'fuzz.md' });
      // the Markdown route takes the plan anchors from the composed tree, as render does for a user template
      const viaMarkdown = await renderDocx(treeMarkdown(tree), { file: 'fuzz.md', anchorsFrom: tree.root });
      expect(direct.diagnostics).toEqual(viaMarkdown.diagnostics);
      expect(Buffer.from(direct.docx).equals(Buffer.from(viaMarkdown.docx))).toBe(true);
    }), 60);
  });
});
