// Post-processing of the package the docx library writes, for determinism and
// for the parts it cannot express: our own styles.xml, a font table with
// substitution hints, core.xml dates taken from the document's date, every
// element's children in schema order (ISO/IEC 29500), and zip entries with a
// fixed time in a fixed order.
// The parts come from the library's XML compiler as text: its zip (JSZip,
// each part UTF-8 encoded, then read back asynchronously and decoded) was a
// round trip with nothing to keep.
// Node's own zlib deflates, because deflate in JavaScript was the largest
// single cost of a cold render in the profile (29 ms of 280; zlib takes about
// 1 ms for the same parts), and ./zip.ts frames the entries. The bytes are then
// those of Node's bundled zlib (process.versions.zlib): identical on every
// machine with the same Node release, not across Node releases.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { reorderXml } from './reorder.js';
import { fontsNamedIn, fontTableXml } from './fonts.js';
import { styleSectionParagraphs } from './sections.js';
import { zipDeflated, type DeflatedEntry } from './zip.js';

/** core.xml dates when the document has no date of its own. */
const NO_DATE = '1980-01-01T00:00:00Z';

export interface PackageFixes {
  stylesXml: string;
  /** substitutes for fonts (fontTable altName) that override the built-in ones */
  fontAltNames?: Record<string, string>;
  /** ISO date of the document (成文日期), e.g. 2026-01-14 */
  date?: string;
}

/** A part as text (XML the library wrote) or bytes (media, or parts read back from a zip). */
type Part = string | Uint8Array;
type PartMap = Record<string, Part>;

interface JsZipLike {
  files: Record<string, { dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }>;
}

interface XmlPart {
  path: string;
  data: string;
}

/**
 * docx 9.7.1 keeps its compiler as a static field. `xmlifyFile` gives every
 * XML part as text; `compile` puts those into a JSZip (UTF-8 encoding each)
 * and adds media and embedded fonts.
 */
interface DocxCompiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): JsZipLike;
  xmlifyFile(file: Document, prettify?: unknown): Record<string, XmlPart | XmlPart[] | undefined>;
}

/** What `compile` adds besides the XML parts (docx 9.7.1 File internals). */
interface FileBinaries {
  Media?: { Array?: unknown[] };
  FontTable?: { fontOptionsWithKey?: unknown[] };
}

const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;

/** The document as a finished .docx: parts fixed, fixed order and times, deflated once. */
export async function packDocument(document: Document, fixes: PackageFixes): Promise<Uint8Array> {
  if (!compiler || hasBinaries(document)) return packThroughLibraryZip(document, fixes);
  const parts = xmlParts(compiler, document);
  // One turn of the event loop per document, as the library's asynchronous zip
  // gave: V8 runs its GC tasks there, and a caller rendering document after
  // document in one promise chain otherwise grew to 3x the peak memory.
  await nextTurn();
  return zipParts(parts, fixes);
}

/**
 * The same package through the library's own zip, read back: for documents
 * with media or embedded fonts, and the reference the text route is tested
 * against (tests/docx/package-route.test.ts).
 */
export async function packThroughLibraryZip(document: Document, fixes: PackageFixes): Promise<Uint8Array> {
  if (!compiler) return finishPackage(new Uint8Array(await Packer.toBuffer(document)), fixes);
  return zipParts(await zippedParts(compiler, document), fixes);
}

function hasBinaries(document: Document): boolean {
  const file = document as unknown as FileBinaries;
  return (file.Media?.Array?.length ?? 0) > 0 || (file.FontTable?.fontOptionsWithKey?.length ?? 0) > 0;
}

/**
 * The XML parts as `compile` would put them in its zip, without the zip: a
 * later part with the same path replaces an earlier one, as in JSZip, and the
 * text is made well-formed as its UTF-8 encode/decode round trip would
 * (lone surrogates become U+FFFD), so the bytes are the same.
 */
function xmlParts(docx: DocxCompiler, document: Document): PartMap {
  const parts: PartMap = {};
  for (const entry of Object.values(docx.xmlifyFile(document, undefined))) {
    for (const part of entry === undefined ? [] : [entry].flat()) parts[part.path] = wellFormed(part.data);
  }
  return parts;
}

async function zippedParts(docx: DocxCompiler, document: Document): Promise<PartMap> {
  const zip = docx.compile(document, undefined, []);
  const parts: PartMap = {};
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts[name] = await entry.async('uint8array');
  }
  return parts;
}

function wellFormed(text: string): string {
  return (text as unknown as { toWellFormed(): string }).toWellFormed();
}

function textOf(part: Part): string {
  return typeof part === 'string' ? part : utf8Decoder.decode(part);
}

/** Re-packs a .docx the docx library wrote. */
export async function finishPackage(docx: Uint8Array, fixes: PackageFixes): Promise<Uint8Array> {
  // only a library without its compiler takes this route: fflate is loaded for it alone
  const { unzipSync } = await import('fflate');
  const parts = unzipSync(docx, { filter: (file) => !file.name.endsWith('/') });
  return zipParts(parts, fixes);
}

function zipParts(parts: PartMap, fixes: PackageFixes): Uint8Array {
  const fontTable = fontTableXml(usedFonts(parts, fixes), fixes.fontAltNames);
  const entries: Record<string, DeflatedEntry> = {};
  for (const [name, data] of Object.entries(parts)) entries[name] = finishedEntry(name, data, { ...fixes, fontTable });
  return zipEntries(entries);
}

/** Finished parts as a .docx: fixed entry order and time, so equal parts give equal bytes. */
export function zipPackage(parts: Record<string, Uint8Array>): Uint8Array {
  const entries: Record<string, DeflatedEntry> = {};
  for (const [name, data] of Object.entries(parts)) entries[name] = deflatedEntry(data);
  return zipEntries(entries);
}

function deflatedEntry(data: Uint8Array): DeflatedEntry {
  return { size: data.length, crc: crc32(data), deflated: deflateRawSync(data, { level: 6 }) };
}

function zipEntries(entries: Record<string, DeflatedEntry>): Uint8Array {
  const names = Object.keys(entries);
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml').sort()];
  return zipDeflated(ordered.flatMap((name) => (entries[name] ? [[name, entries[name]] as const] : [])));
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Every font named by the document's parts (styles.xml as plandoc writes it). */
function usedFonts(parts: PartMap, fixes: PackageFixes): string[] {
  const xml = Object.entries(parts).filter(([name]) => /^word\/[^/]+\.xml$/.test(name) && name !== 'word/styles.xml').map(([, data]) => textOf(data));
  return [fixes.stylesXml, ...xml].flatMap(fontsNamedIn);
}

type PartFixes = PackageFixes & { fontTable: string };

/**
 * Most parts are the same text in every document of a build (numbering,
 * settings, footers, styles of one profile…): their finished entries (schema
 * order, UTF-8, deflate, CRC) are kept by their text, a few per part name.
 * The document body is different every time and is not kept.
 */
const finishedByText = new Map<string, Map<string, DeflatedEntry>>();
const KEPT_PER_PART = 4;

function finishedEntry(name: string, data: Part, fixes: PartFixes): DeflatedEntry {
  const text = partText(name, data, fixes);
  if (typeof text !== 'string') return deflatedEntry(text);
  const finish = () => deflatedEntry(utf8Encoder.encode(isWordXml(name) ? reorderXml(text) : text));
  if (name === 'word/document.xml') return finish();
  let kept = finishedByText.get(name);
  if (!kept) finishedByText.set(name, (kept = new Map()));
  let entry = kept.get(text);
  if (!entry) {
    if (kept.size >= KEPT_PER_PART) kept.clear();
    entry = finish();
    kept.set(text, entry);
  }
  return entry;
}

/** A part as it should read before its children are put in schema order: text, or bytes kept as they are. */
function partText(name: string, data: Part, fixes: PartFixes): Part {
  if (name === 'docProps/core.xml') return fixCoreDates(textOf(data), fixes.date);
  return isWordXml(name) ? wordPart(name, data, fixes) : data;
}

function isWordXml(name: string): boolean {
  return name.startsWith('word/') && name.endsWith('.xml');
}

/** A part of word/ as it should read, before its children are put in schema order. */
function wordPart(name: string, data: Part, fixes: PartFixes): string {
  if (name === 'word/styles.xml') return fixes.stylesXml;
  if (name === 'word/fontTable.xml') return fixes.fontTable;
  if (name === 'word/settings.xml') return fixSettings(textOf(data));
  if (name === 'word/document.xml') return styleSectionParagraphs(textOf(data));
  return textOf(data);
}

function fixCoreDates(xml: string, date: string | undefined): string {
  const stamp = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : normaliseDate(date);
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
}

function normaliseDate(date: string | undefined): string {
  const match = date ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date) : null;
  if (!match) return NO_DATE;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}T00:00:00Z`;
}

/**
 * Full-width punctuation keeps its full character width (GR-02 counts 28 per
 * line): without doNotCompress LibreOffice squeezes it and fits 29.
 */
function fixSettings(xml: string): string {
  if (xml.includes('w:characterSpacingControl')) return xml;
  return xml.replace(/<w:compat>/, '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>');
}
