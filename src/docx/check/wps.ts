// The WPS self-check (FN-11, TB-02): what WPS needs to show a document as
// Word does. No theme fonts (they win over named fonts and make WPS report a
// missing font); every w:rFonts names an eastAsia font; every table has a
// w:tblGrid with a fixed w:gridCol per column (WPS lays out by gridCol, not
// tblW) and a fixed layout; rows grow with their text (atLeast), never exact.
import type { Element } from '@xmldom/xmldom';
import { attr, childElements, elements, parseXml, W, type XmlParts } from './package.js';

export function wpsProblems(parts: XmlParts): string[] {
  const problems: string[] = [];
  for (const [part, xml] of Object.entries(parts)) {
    if (!part.endsWith('.xml')) continue;
    if (/\b(?:ascii|hAnsi|eastAsia|cs)Theme=/.test(xml)) problems.push(`${part}: theme font`);
    if (!part.startsWith('word/')) continue;
    for (const element of elements(parseXml(xml, part).documentElement!)) {
      if (element.localName === 'rFonts' && !attr(element, 'eastAsia')) problems.push(`${part}: w:rFonts without w:eastAsia`);
      if (element.localName === 'tbl') problems.push(...tableProblems(element).map((p) => `${part}: ${p}`));
    }
  }
  if (parts['word/theme/theme1.xml']) problems.push('word/theme/theme1.xml: a theme part');
  return problems;
}

function tableProblems(table: Element): string[] {
  const problems: string[] = [];
  const kids = childElements(table);
  const grid = kids.find((k) => k.localName === 'tblGrid');
  const columns = grid ? childElements(grid).filter((c) => c.localName === 'gridCol') : [];
  const widest = Math.max(0, ...kids.filter((k) => k.localName === 'tr').map((row) => cellSpan(row)));
  if (!grid) problems.push('table without w:tblGrid');
  else if (columns.length < widest) problems.push(`w:tblGrid has ${columns.length} w:gridCol for ${widest} columns`);
  for (const column of columns) if (!(Number(attr(column, 'w')) > 0)) problems.push('w:gridCol without a width');
  const layout = table.getElementsByTagNameNS(W, 'tblLayout')[0];
  if (attr(layout, 'type') !== 'fixed') problems.push('table layout is not fixed');
  for (const row of kids.filter((k) => k.localName === 'tr')) {
    const height = row.getElementsByTagNameNS(W, 'trHeight')[0];
    if (attr(height, 'hRule') !== 'atLeast') problems.push(`row height rule ${attr(height, 'hRule') ?? '(none)'} instead of atLeast`);
  }
  return problems;
}

/** Columns a row spans (gridSpan counted). */
function cellSpan(row: Element): number {
  return childElements(row).filter((c) => c.localName === 'tc').reduce((sum, cell) => {
    const span = cell.getElementsByTagNameNS(W, 'gridSpan')[0];
    return sum + (span ? Number(attr(span, 'val')) : 1);
  }, 0);
}
