// The library API of plandoc: the same pipeline the command uses, without I/O.
import { hasErrors, type Diagnostic } from './load/diagnostic.js';
import { loadPlanSource } from './load/index.js';
import { composePlan, documentMarkdown } from './compose/index.js';
import { renderDocx } from './docx/index.js';
import { treeToDocx } from './render/index.js';

export type { Plan, Section, Metric, Target, Furniture } from './model/plan.js';
export type { Diagnostic, Severity } from './load/diagnostic.js';
export { loadPlanSource } from './load/index.js';
export { composePlanMarkdown } from './compose/index.js';
export { markdownToDocx } from './docx/index.js';

export interface InMemoryRender {
  /** '' when the plan has errors */
  markdown: string;
  /** empty when the plan has errors */
  docx: Uint8Array;
  diagnostics: Diagnostic[];
}

/** Plan YAML text → Markdown and DOCX bytes, without touching the file system. */
export async function renderPlanInMemory(source: string, file: string): Promise<InMemoryRender> {
  const loaded = loadPlanSource(source, file);
  const diagnostics = [...loaded.diagnostics];
  const failed = (): InMemoryRender => ({ markdown: '', docx: new Uint8Array(), diagnostics });
  if (!loaded.value) return failed();
  const composed = composePlan(loaded.value, { file });
  diagnostics.push(...composed.diagnostics);
  if (hasErrors(diagnostics) || !composed.document) return failed();
  const document = composed.document;
  const markdown = documentMarkdown(document);
  const rendered = 'tree' in document ? await treeToDocx(document.tree, { file }) : await renderDocx(markdown, { file });
  diagnostics.push(...rendered.diagnostics);
  return { markdown, docx: rendered.docx, diagnostics };
}
