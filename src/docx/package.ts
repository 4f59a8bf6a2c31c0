// Post-processing of the package the docx library writes, for determinism and
// for the parts it cannot express: our own styles.xml, core.xml dates taken
// from the document's date, and zip entries with a fixed time in a fixed order.
import JSZip from 'jszip';

/** DOS time starts in 1980; every entry gets this timestamp. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
/** core.xml dates when the document has no date of its own. */
const NO_DATE = '1980-01-01T00:00:00Z';

export interface PackageFixes {
  stylesXml: string;
  /** ISO date of the document (成文日期), e.g. 2026-01-14 */
  date?: string;
}

export async function finishPackage(docx: Uint8Array, fixes: PackageFixes): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(docx);
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml').sort()];
  const target = new JSZip();
  for (const name of ordered) {
    const file = source.file(name);
    if (!file) continue;
    let content = await file.async('string');
    if (name === 'word/styles.xml') content = fixes.stylesXml;
    if (name === 'docProps/core.xml') content = fixCoreDates(content, fixes.date);
    if (name === 'word/settings.xml') content = fixSettings(content);
    target.file(name, content, { date: ZIP_TIME, createFolders: false });
  }
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
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
