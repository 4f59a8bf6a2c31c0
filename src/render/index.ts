// render: plan .yaml / progress .yaml / .md → DIR/<name>.md, .docx, .pdf.
// Everything is produced in memory first; nothing is written while any input
// has an error, and every file is written atomically.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { hasErrors, type Diagnostic } from '../load/diagnostic.js';
import type { StyleProfileOverrides } from '../docx/profile.js';
import type { ParsedYaml } from '../load/yaml.js';
import { writeFileAtomic } from '../io/write.js';
import { OutputRoot } from '../io/output.js';
import type { ComposedDocument, ComposedTree } from '../compose/index.js';

export type OutputFormat = 'md' | 'docx' | 'pdf';

export interface RenderOptions {
  outDir: string;
  formats: OutputFormat[];
  templatesDir?: string;
  profile?: StyleProfileOverrides;
}

export interface PlannedFile {
  /** the path as shown to the user: DIR/<name>.<ext> */
  path: string;
  data: string | Uint8Array;
}

export interface PreparedRender {
  input: string;
  files: PlannedFile[];
  /** the .docx to convert to PDF after writing, when pdf was asked for */
  pdf?: { docx: PlannedFile; keepDocx: boolean };
  diagnostics: Diagnostic[];
  /** file name → text, for printing diagnostics with the offending line */
  sources: Map<string, string>;
}

export async function renderFile(inputPath: string, options: RenderOptions): Promise<{ outputs: string[]; diagnostics: Diagnostic[] }> {
  const prepared = await prepareRender(inputPath, options);
  if (hasErrors(prepared.diagnostics)) return { outputs: [], diagnostics: prepared.diagnostics };
  const outputs = await writePrepared(prepared, await OutputRoot.open(options.outDir));
  return { outputs, diagnostics: prepared.diagnostics };
}

/** Composes and converts one input without writing anything. */
export async function prepareRender(inputPath: string, options: RenderOptions): Promise<PreparedRender> {
  const name = outputBaseName(inputPath);
  const prepared: PreparedRender = { input: inputPath, files: [], diagnostics: [], sources: new Map() };
  const outPath = (ext: string) => join(options.outDir, `${name}.${ext}`);
  const { document, parsed } = await composeInput(inputPath, options, prepared);
  if (document === undefined || hasErrors(prepared.diagnostics)) return prepared;
  await addConventionWarnings(inputPath, prepared, parsed);
  if (options.formats.includes('md') && !isMarkdownInput(inputPath)) {
    const { documentMarkdown } = await import('../compose/index.js');
    prepared.files.push({ path: outPath('md'), data: documentMarkdown(document) });
  }
  if (options.formats.includes('docx') || options.formats.includes('pdf')) {
    const docx = await convertToDocx(document, isMarkdownInput(inputPath) ? inputPath : outPath('md'), options.profile, prepared);
    if (!docx) return prepared;
    const file = { path: outPath('docx'), data: docx };
    if (options.formats.includes('docx')) prepared.files.push(file);
    if (options.formats.includes('pdf')) prepared.pdf = { docx: file, keepDocx: options.formats.includes('docx') };
  }
  return prepared;
}

/**
 * One revision of a plan or progress file (a git revision, say) as the DOCX
 * `render` writes: `text` is composed as if it were the file at inputPath
 * (a progress file's plan is found beside that path).
 */
export async function renderSourceDocx(inputPath: string, text: string, options: Omit<RenderOptions, 'outDir' | 'formats'> = {}): Promise<{ docx?: Uint8Array; diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const prepared: PreparedRender = { input: inputPath, files: [], diagnostics: [], sources: new Map() };
  const renderOptions: RenderOptions = { ...options, outDir: '.', formats: ['docx'] };
  const { isProgressSource } = await import('../load/index.js');
  const { document } = isProgressSource(text) ? await composeProgress(inputPath, text, renderOptions, prepared) : await composePlan(inputPath, text, renderOptions, prepared);
  if (document === undefined || hasErrors(prepared.diagnostics)) return { diagnostics: prepared.diagnostics, sources: prepared.sources };
  const docx = await convertToDocx(document, inputPath, options.profile, prepared);
  return { docx: hasErrors(prepared.diagnostics) ? undefined : docx, diagnostics: prepared.diagnostics, sources: prepared.sources };
}

/** The output paths `prepared` will write, as shown to the user. */
export function plannedOutputs(prepared: PreparedRender): string[] {
  const paths = prepared.files.map((file) => file.path);
  if (prepared.pdf) paths.push(pdfPathFor(prepared.pdf.docx.path));
  return paths;
}

/** Writes the prepared files through the output root; returns the paths written, in order. */
export async function writePrepared(prepared: PreparedRender, root: OutputRoot): Promise<string[]> {
  const written: string[] = [];
  for (const file of prepared.files) {
    await root.write(file.path, file.data);
    written.push(file.path);
  }
  if (prepared.pdf) written.push(await writePdf(prepared.pdf, root));
  return written;
}

// ---- inputs -----------------------------------------------------------------

export function isMarkdownInput(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/** "plans/changshou-2026.yaml" → "changshou-2026"; never a path, never empty. */
export function outputBaseName(inputPath: string): string {
  const base = basename(inputPath);
  const name = base.slice(0, base.length - extname(base).length).replace(/[\\/]/g, '_');
  return name === '' || name === '.' || name === '..' ? 'document' : name;
}

/** The composed document, and the YAML the loader parsed for it (the convention warnings read its prose). */
interface ComposedInput {
  document?: ComposedDocument;
  parsed?: ParsedYaml;
}

async function composeInput(inputPath: string, options: RenderOptions, prepared: PreparedRender): Promise<ComposedInput> {
  if (isMarkdownInput(inputPath)) {
    const markdown = await readMarkdown(inputPath, prepared);
    return { document: markdown === undefined ? undefined : { markdown } };
  }
  const { readSourceFile } = await import('../load/source.js');
  const read = await readSourceFile(inputPath);
  if (read.text === undefined) {
    prepared.diagnostics.push(...read.diagnostics);
    return {};
  }
  const { isProgressSource } = await import('../load/index.js');
  return isProgressSource(read.text) ? composeProgress(inputPath, read.text, options, prepared) : composePlan(inputPath, read.text, options, prepared);
}

async function readMarkdown(inputPath: string, prepared: PreparedRender): Promise<string | undefined> {
  const { readSourceFile } = await import('../load/source.js');
  const read = await readSourceFile(inputPath);
  prepared.diagnostics.push(...read.diagnostics);
  if (read.text !== undefined) prepared.sources.set(inputPath, read.text);
  return read.text;
}

async function composePlan(inputPath: string, text: string, options: RenderOptions, prepared: PreparedRender): Promise<ComposedInput> {
  const { loadPlanSource } = await import('../load/index.js');
  const { composePlan } = await import('../compose/index.js');
  const loaded = loadPlanSource(text, inputPath);
  prepared.sources.set(inputPath, loaded.source);
  prepared.diagnostics.push(...loaded.diagnostics);
  if (!loaded.value) return {};
  const composed = composePlan(loaded.value, { templatesDir: options.templatesDir, file: inputPath, locate: await locator(loaded) });
  prepared.diagnostics.push(...composed.diagnostics);
  return { document: composed.document, parsed: loaded.parsed };
}

async function composeProgress(inputPath: string, text: string, options: RenderOptions, prepared: PreparedRender): Promise<ComposedInput> {
  const { loadProgressSource, composeSummary } = await import('../summary/index.js');
  const loaded = await loadProgressSource(text, inputPath);
  prepared.sources.set(inputPath, loaded.source);
  if (loaded.planFile && loaded.planSource !== undefined) prepared.sources.set(loaded.planFile, loaded.planSource);
  prepared.diagnostics.push(...loaded.diagnostics);
  if (!loaded.value) return {};
  const composed = composeSummary(loaded.value, loaded.plan, { templatesDir: options.templatesDir, file: inputPath, locate: await locator(loaded) });
  prepared.diagnostics.push(...composed.diagnostics);
  return { document: composed.document, parsed: loaded.parsed };
}

/** The writing-convention warnings check gives for the same input, so render does not hide them. */
async function addConventionWarnings(inputPath: string, prepared: PreparedRender, parsed: ParsedYaml | undefined): Promise<void> {
  const source = prepared.sources.get(inputPath);
  if (source === undefined) return;
  const { conventionFindings } = await import('../lint/conventions.js');
  prepared.diagnostics.push(...(await conventionFindings(source, inputPath, prepared.diagnostics, parsed)));
}

/** Positions for compose's diagnostics, from the document the loader parsed. */
async function locator(loaded: { parsed?: ParsedYaml }) {
  const { locate } = await import('../load/yaml.js');
  const parsed = loaded.parsed;
  return (path: Array<string | number>) => (parsed ? locate(parsed, path) : { line: 0, column: 0 });
}

// ---- outputs ----------------------------------------------------------------

async function convertToDocx(document: ComposedDocument, file: string, profile: StyleProfileOverrides | undefined, prepared: PreparedRender): Promise<Uint8Array | undefined> {
  const { renderDocx, ProfileError } = await import('../docx/index.js');
  try {
    const result = 'tree' in document ? await treeToDocx(document.tree, { profile, file }) : await renderDocx(document.markdown, { profile, file, anchorsFrom: document.anchorsFrom });
    prepared.diagnostics.push(...result.diagnostics);
    return result.docx;
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    prepared.diagnostics.push({ file, line: 0, column: 0, severity: 'error', code: 'profile', message: error.message, hint: '改正配置文件里的 profile 设置。' });
    return undefined;
  }
}

/** The composed tree straight to DOCX: no Markdown text in between (the furniture from the front matter data). */
export async function treeToDocx(tree: ComposedTree, options: { profile?: StyleProfileOverrides; file: string }) {
  const { mdastToDocx } = await import('../docx/index.js');
  const { documentFurniture } = await import('../markdown/furniture.js');
  const diagnostics: Diagnostic[] = [];
  const furniture = documentFurniture(tree.frontMatter.data, tree.root, () => ({ line: 0, col: 0 }), options.file, diagnostics);
  const result = await mdastToDocx(tree.root, furniture, options);
  return { docx: result.docx, diagnostics: [...diagnostics, ...result.diagnostics] };
}

function pdfPathFor(docxPath: string): string {
  return docxPath.replace(/\.docx$/, '.pdf');
}

/**
 * The PDF of the previous run is removed first, and the converter's real
 * result (a PDF file that was not there before) is checked: LibreOffice can
 * fail and still exit 0.
 */
async function writePdf(pdf: NonNullable<PreparedRender['pdf']>, root: OutputRoot): Promise<string> {
  const { docxToPdf } = await import('../docx/pdf.js');
  const shown = pdfPathFor(pdf.docx.path);
  const target = await root.removeStale(shown);
  if (pdf.keepDocx) {
    await docxToPdf(await root.target(pdf.docx.path), dirname(target));
    return shown;
  }
  // only a PDF was asked for: convert from a DOCX in a scratch directory
  const scratch = await mkdtemp(join(tmpdir(), `plandoc-pdf-${process.pid}-`));
  try {
    const docxPath = join(scratch, basename(pdf.docx.path));
    await writeFileAtomic(docxPath, pdf.docx.data);
    await docxToPdf(docxPath, dirname(target));
    return shown;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The absolute path of an output, refusing anything that would land outside DIR. */
export function insideDir(outDir: string, path: string): string {
  const dir = resolve(outDir);
  const target = resolve(path);
  const rel = relative(dir, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new Error(`输出文件 ${path} 不在输出目录 ${outDir} 里`);
  return target;
}
