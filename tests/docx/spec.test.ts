// One assertion group per GB/T 9704 rule of /work/shared/spec/gbt9704.md, read
// from the DOCX XML (after resolving inherited properties).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { all, attr, bodyParagraphs, child, findParagraph, isBold, paraProp, paragraphText, parseXml, renderMd, runProp, runText, textRuns, type DocxParts } from './xml.js';

const FULL = readFileSync(new URL('../fixtures/md/full.md', import.meta.url), 'utf8');
const TITLE = '长寿镇2026年巩固拓展脱贫攻坚成果同乡村振兴有效衔接年初工作计划';

let docx: DocxParts;
let footers: Record<'default' | 'even', Element>;

beforeAll(async () => {
  docx = await renderMd(FULL);
  footers = await footerParagraphs(docx);
});

async function footerParagraphs(parts: DocxParts): Promise<Record<'default' | 'even', Element>> {
  const rels = parseXml(await parts.text('word/_rels/document.xml.rels'));
  const targets = new Map(Array.from(rels.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const result: Partial<Record<'default' | 'even', Element>> = {};
  // the body's section (the 版记 has its own, without numbers: FU-05)
  for (const ref of all(all(parts.document, 'sectPr')[0]!, 'footerReference')) {
    const type = attr(ref, 'type') as 'default' | 'even';
    const id = ref.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const xml = parseXml(await parts.text(`word/${targets.get(id)}`));
    result[type] = all(xml, 'p')[0]!;
  }
  return result as Record<'default' | 'even', Element>;
}

function sectPr(): Element {
  return all(docx.document, 'sectPr')[0]!;
}

function para(text: string): Element {
  return findParagraph(docx.document, (t) => t === text);
}

function paraStarting(text: string): Element {
  return findParagraph(docx.document, (t) => t.startsWith(text));
}

function firstRun(p: Element): Element {
  return textRuns(p)[0]!;
}

function fonts(run: Element) {
  return {
    ascii: runProp(docx, run, 'rFonts', 'ascii'),
    hAnsi: runProp(docx, run, 'rFonts', 'hAnsi'),
    eastAsia: runProp(docx, run, 'rFonts', 'eastAsia'),
    cs: runProp(docx, run, 'rFonts', 'cs'),
  };
}

function titleParagraph(): Element {
  return bodyParagraphs(docx.document).find((p) => paragraphText(p) === TITLE)!;
}

describe('page (PG)', () => {
  it('PG-01 A4 portrait', () => {
    const size = child(sectPr(), 'pgSz');
    expect([attr(size, 'w'), attr(size, 'h')]).toEqual(['11906', '16838']);
    expect(attr(size, 'orient')).not.toBe('landscape');
  });
  it('PG-02 top margin 37 mm', () => expect(attr(child(sectPr(), 'pgMar'), 'top')).toBe('2098'));
  it('PG-03 left margin 28 mm, no gutter', () => {
    const margin = child(sectPr(), 'pgMar');
    expect([attr(margin, 'left'), attr(margin, 'gutter')]).toEqual(['1587', '0']);
  });
  it('PG-04 type area 156 × 225 mm', () => {
    const margin = child(sectPr(), 'pgMar')!;
    const mm = 1440 / 25.4;
    // right 1474 (26 mm): 11906 - 1587 - 1474 = 8845 twips, 156.0 mm
    expect(Math.abs((11906 - Number(attr(margin, 'left')) - Number(attr(margin, 'right'))) / mm - 156)).toBeLessThan(0.5);
    expect(Math.abs((16838 - Number(attr(margin, 'top')) - Number(attr(margin, 'bottom'))) / mm - 225)).toBeLessThan(0.5);
    expect([attr(margin, 'right'), attr(margin, 'bottom')]).toEqual(['1474', '1984']);
  });
});

describe('grid (GR)', () => {
  it('GR-01 exact 579 twip pitch on every body paragraph', () => {
    const p = paraStarting('为巩固拓展脱贫攻坚成果');
    expect(paraProp(docx, p, 'spacing', 'line')).toBe('579');
    expect(paraProp(docx, p, 'spacing', 'lineRule')).toBe('exact');
    const withText = bodyParagraphs(docx.document).filter((body) => paragraphText(body) && paragraphText(body) !== '长寿镇人民政府文件');
    expect(withText.length).toBeGreaterThan(25);
    for (const body of withText) {
      expect(paraProp(docx, body, 'spacing', 'line'), paragraphText(body)).toBe('579');
      expect(paraProp(docx, body, 'spacing', 'lineRule'), paragraphText(body)).toBe('exact');
    }
  });
  it('GR-01 house pitch 560 comes from the profile', async () => {
    const house = await renderMd('# 标题\n\n正文。', { grid: { linePitch: 560 } });
    expect(paraProp(house, findParagraph(house.document, (t) => t === '正文。'), 'spacing', 'line')).toBe('560');
  });
  it('GR-02 16 pt body runs are squeezed with w:spacing -5', () => {
    for (const run of textRuns(paraStarting('为巩固拓展脱贫攻坚成果'))) {
      expect(runProp(docx, run, 'sz')).toBe('32');
      expect(runProp(docx, run, 'spacing')).toBe('-5');
    }
  });
  it('GR-03 the title does not use a line grid (no docGrid type=lines), so it cannot snap', () => {
    const grid = child(sectPr(), 'docGrid');
    expect(attr(grid, 'type') ?? 'default').not.toMatch(/lines/);
    expect(paraProp(docx, titleParagraph(), 'spacing', 'lineRule')).toBe('exact');
  });
  it('GR-04 no space before or after body paragraphs; blank lines are empty paragraphs', () => {
    // FU-01: the 发文机关标志 alone has space before it, putting it 35 mm below the top of the type area
    for (const p of bodyParagraphs(docx.document).filter((x) => paragraphText(x) !== '长寿镇人民政府文件')) {
      expect(paraProp(docx, p, 'spacing', 'before') ?? '0').toBe('0');
      expect(paraProp(docx, p, 'spacing', 'after') ?? '0').toBe('0');
    }
    const paragraphs = bodyParagraphs(docx.document);
    const titleIndex = paragraphs.indexOf(titleParagraph());
    expect(paragraphText(paragraphs[titleIndex + 1]!)).toBe('');
  });
});

describe('fonts (FN)', () => {
  it('FN-01 body text 仿宋_GB2312 3号 in all four slots, digits Times New Roman (FN-09)', () => {
    const run = firstRun(paraStarting('为巩固拓展脱贫攻坚成果'));
    expect(fonts(run)).toEqual({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' });
    expect(runProp(docx, run, 'rFonts', 'hint')).toBe('eastAsia');
    expect(runProp(docx, run, 'lang', 'eastAsia')).toBe('zh-CN');
    expect(runProp(docx, run, 'sz')).toBe('32');
  });
  it('FN-01 主送机关, 附件说明, 署名, 成文日期 in 仿宋 3号', () => {
    for (const text of ['各村（社区），镇直各部门：', '长寿镇人民政府', '2026年1月14日']) {
      const run = firstRun(para(text));
      expect(fonts(run).eastAsia).toBe('仿宋_GB2312');
      expect(runProp(docx, run, 'sz')).toBe('32');
    }
    expect(fonts(firstRun(paraStarting('附件：'))).eastAsia).toBe('仿宋_GB2312');
  });
  it('FN-02 title 方正小标宋简体 2号, not bold, all four slots', () => {
    const run = firstRun(titleParagraph());
    expect(new Set(Object.values(fonts(run)))).toEqual(new Set(['方正小标宋简体']));
    expect(runProp(docx, run, 'sz')).toBe('44');
    expect(isBold(docx, run)).toBe(false);
  });
  it('FN-03 level 1 heading 黑体 3号, not bold', () => {
    const run = firstRun(para('一、总体要求'));
    expect(fonts(run).eastAsia).toBe('黑体');
    expect(runProp(docx, run, 'sz')).toBe('32');
    expect(isBold(docx, run)).toBe(false);
  });
  it('FN-04 level 2 heading 楷体_GB2312, bold off by default and on by house profile', async () => {
    const run = firstRun(para('（一）指导思想'));
    expect(fonts(run).eastAsia).toBe('楷体_GB2312');
    expect(isBold(docx, run)).toBe(false);
    const house = await renderMd('# 标题\n\n### （一）指导思想', { bold: { heading2: true } });
    expect(isBold(house, firstRun(findParagraph(house.document, (t) => t === '（一）指导思想')))).toBe(true);
  });
  it('FN-05 level 3 heading 仿宋_GB2312 3号', () => {
    const run = firstRun(para('1. 工作目标'));
    expect(fonts(run).eastAsia).toBe('仿宋_GB2312');
    expect(runProp(docx, run, 'sz')).toBe('32');
  });
  it('FN-06 level 4 heading 仿宋_GB2312 3号', () => {
    const run = firstRun(para('（1）监测帮扶'));
    expect(fonts(run).eastAsia).toBe('仿宋_GB2312');
    expect(runProp(docx, run, 'sz')).toBe('32');
  });
  it('FN-07 page number 宋体 4号 in all four slots, on the PAGE field run too', () => {
    for (const p of Object.values(footers)) {
      for (const run of all(p, 'r')) {
        expect(new Set(Object.values(fonts(run)))).toEqual(new Set(['宋体']));
        expect(runProp(docx, run, 'sz')).toBe('28');
      }
      const fieldRun = all(p, 'r').find((r) => all(r, 'instrText').length > 0)!;
      expect(all(fieldRun, 'instrText')[0]!.textContent?.trim()).toBe('PAGE');
    }
  });
  it('FN-08 版记 text 仿宋 4号', () => {
    const run = firstRun(paraStarting('抄送：'));
    expect(fonts(run).eastAsia).toBe('仿宋_GB2312');
    expect(runProp(docx, run, 'sz')).toBe('28');
  });
  it('FN-09 digits font is a house setting: null keeps 仿宋 in every slot', async () => {
    const house = await renderMd('# 标题\n\n2026年。', { fonts: { digits: null } });
    const run = firstRun(findParagraph(house.document, (t) => t === '2026年。'));
    expect(runProp(house, run, 'rFonts', 'ascii')).toBe('仿宋_GB2312');
    expect(runProp(house, run, 'rFonts', 'hAnsi')).toBe('仿宋_GB2312');
  });
  it('FN-10 every run is black except the red 版头', () => {
    const colors = new Set(all(docx.document, 'r').map((r) => runProp(docx, r, 'color')));
    expect([...colors].sort()).toEqual(['000000', 'FF0000']);
    expect(runProp(docx, firstRun(para('长寿镇人民政府文件')), 'color')).toBe('FF0000');
  });
  it('FN-11 no theme fonts anywhere, no Calibri/Cambria defaults', async () => {
    for (const name of Object.keys(docx.zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await docx.text(name);
      expect(xml, name).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
      expect(xml, name).not.toMatch(/Calibri|Cambria|minorHAnsi|majorHAnsi/);
    }
    expect(docx.zip.file('word/theme/theme1.xml')).toBeNull();
  });
});

describe('placement (PL)', () => {
  it('PL-01 title centred and broken into trapezoid lines of at most 20 characters', () => {
    const p = titleParagraph();
    expect(paraProp(docx, p, 'jc', 'val')).toBe('center');
    const lines = textRuns(p).map(runText);
    expect(lines).toEqual(['长寿镇2026年巩固拓展脱贫攻坚成果', '同乡村振兴有效衔接年初工作计划']);
    expect(all(p, 'br')).toHaveLength(1);
  });
  it('PL-02 one blank line between title and 主送机关', () => {
    const paragraphs = bodyParagraphs(docx.document);
    const i = paragraphs.indexOf(titleParagraph());
    expect(paragraphs.slice(i + 1, i + 3).map(paragraphText)).toEqual(['', '各村（社区），镇直各部门：']);
  });
  it('PL-03 主送机关 flush left, full-width colon, body on the next line', () => {
    const p = para('各村（社区），镇直各部门：');
    expect(paraProp(docx, p, 'ind', 'firstLine') ?? '0').toBe('0');
    expect(paraProp(docx, p, 'ind', 'left') ?? '0').toBe('0');
    const paragraphs = bodyParagraphs(docx.document);
    expect(paragraphText(paragraphs[paragraphs.indexOf(p) + 1]!)).toMatch(/^为巩固/);
  });
  it('PL-04 body paragraphs: 2-character first-line indent, justified', () => {
    const p = paraStarting('为巩固拓展脱贫攻坚成果');
    expect(paraProp(docx, p, 'ind', 'firstLineChars')).toBe('200');
    expect(paraProp(docx, p, 'ind', 'firstLine')).toBe('640');
    expect(paraProp(docx, p, 'jc', 'val')).toBe('both');
  });
  it('PL-05 headings take the same 2-character indent', () => {
    for (const text of ['一、总体要求', '（一）指导思想', '1. 工作目标', '（1）监测帮扶']) {
      expect(paraProp(docx, para(text), 'ind', 'firstLineChars')).toBe('200');
    }
  });
  it('PL-06 heading numbers reach the DOCX exactly as written by compose', () => {
    const texts = bodyParagraphs(docx.document).map(paragraphText);
    expect(texts).toEqual(expect.arrayContaining(['一、总体要求', '（一）指导思想', '1. 工作目标', '（1）监测帮扶']));
  });
  it('PL-07 run-in headings at every level: heading font for the heading, 仿宋 for the text', () => {
    const cases: Array<[string, string, string]> = [
      ['一、单独成段的一级标题。', '黑体', '一级标题也可以与正文同段。'],
      ['（二）工作原则。', '楷体_GB2312', '坚持稳中求进。'],
      ['1. 优化动态监测机制：', '仿宋_GB2312', '整合农户信息。'],
      ['（1）落实帮扶措施。', '仿宋_GB2312', '按月跟踪。'],
    ];
    for (const [heading, font, rest] of cases) {
      const p = para(heading + rest);
      const runs = textRuns(p);
      const headingRuns = runs.filter((r) => fonts(r).eastAsia === font && heading.includes(runText(r)));
      expect(headingRuns.map(runText).join('')).toBe(heading);
      const restRun = runs.find((r) => runText(r) === rest)!;
      expect(fonts(restRun).eastAsia).toBe('仿宋_GB2312');
      expect(isBold(docx, restRun)).toBe(false);
      for (const r of headingRuns) expect(isBold(docx, r)).toBe(false);
    }
  });
  it('PL-08 附件说明: blank line, "附件：" two characters in, numbered, hanging indent', () => {
    const first = paraStarting('附件：1.');
    const paragraphs = bodyParagraphs(docx.document);
    const i = paragraphs.indexOf(first);
    expect(paragraphText(paragraphs[i - 1]!)).toBe('');
    expect(paragraphText(first)).toBe('附件：1.\t主要指标完成情况表');
    const second = paragraphs[i + 1]!;
    expect(paragraphText(second)).toMatch(/^2\.\t重点任务责任分工表/);
    const ind = (p: Element, n: string) => Number(paraProp(docx, p, 'ind', n) ?? 0);
    // first line starts two characters in; wrapped lines align with the name's first character
    expect(ind(first, 'left') - ind(first, 'hanging')).toBe(640);
    expect(ind(second, 'left') - ind(second, 'hanging')).toBe(640 + 3 * 320);
    expect(ind(second, 'left')).toBe(ind(first, 'left'));
    expect(paragraphText(first)).not.toMatch(/[。；，]$/);
  });
  it('PL-09 sealed: date right indent 4 characters, 署名 centred over it', async () => {
    const sealed = await renderMd('---\ntitle: 标题\nissuer: 长寿镇人民政府\ndate: 2026-01-14\nsealed: true\n---\n\n# 标题\n\n正文。');
    const right = (t: string) => Number(paraProp(sealed, findParagraph(sealed.document, (x) => x === t), 'ind', 'right'));
    expect(right('2026年1月14日')).toBe(1280);
    // 署名 width 7, date width 6.5: centred means the 署名 sits 0.25 character further left... of the date's centre
    expect(right('长寿镇人民政府') + 7 * 320 / 2).toBeCloseTo(1280 + 6.5 * 320 / 2, 0);
  });
  it('PL-10 unsealed: 署名 right 2 characters, date starts 2 characters right of the 署名', () => {
    const issuer = para('长寿镇人民政府');
    const date = para('2026年1月14日');
    expect(paraProp(docx, issuer, 'jc', 'val')).toBe('right');
    expect(paraProp(docx, issuer, 'ind', 'right')).toBe('640');
    // 署名 7 wide starts 9 from the right edge; the date (6.5) starts 7 from it: right indent 0.5
    expect(paraProp(docx, date, 'ind', 'right')).toBe('160');
    const paragraphs = bodyParagraphs(docx.document);
    expect(paragraphs.indexOf(date)).toBe(paragraphs.indexOf(issuer) + 1);
    // Word's automatic space between Chinese and digits would widen the date beyond 6.5
    expect(attr(child(child(date, 'pPr'), 'autoSpaceDN'), 'val')).toMatch(/^(0|false)$/);
  });
  it('PL-10 a date longer than the 署名 gets right 2 and the 署名 moves left', async () => {
    const short = await renderMd('---\ntitle: 标题\nissuer: 长寿镇\ndate: 2026-01-14\n---\n\n# 标题\n\n正文。');
    const right = (t: string) => Number(paraProp(short, findParagraph(short.document, (x) => x === t), 'ind', 'right'));
    expect(right('2026年1月14日')).toBe(640);
    expect(right('长寿镇')).toBe((2 + 2 + 6.5 - 3) * 320);
  });
  it('PL-11 成文日期 printed with full year, no leading zeros', async () => {
    const doc = await renderMd('---\ntitle: 标题\nissuer: 长寿镇\ndate: 2026-03-05\n---\n\n# 标题\n\n正文。');
    expect(findParagraph(doc.document, (t) => t === '2026年3月5日')).toBeDefined();
  });
  it('PL-13 附注 on the line after the date, 2 characters in, in full-width parentheses', () => {
    const paragraphs = bodyParagraphs(docx.document);
    const note = para('（此件公开发布）');
    expect(paragraphs.indexOf(note)).toBe(paragraphs.indexOf(para('2026年1月14日')) + 1);
    expect(paraProp(docx, note, 'ind', 'firstLineChars')).toBe('200');
  });
  it('PL-14 attachment pages: new page, "附件1" 3号黑体 flush left, title centred 2号小标宋 on the third line', () => {
    const paragraphs = bodyParagraphs(docx.document);
    for (const [label, title] of [['附件1', '主要指标完成情况表'], ['附件2', '重点任务责任分工表']] as const) {
      const labelP = para(label);
      const i = paragraphs.indexOf(labelP);
      expect(child(child(labelP, 'pPr'), 'pageBreakBefore')).toBeDefined();
      expect(fonts(firstRun(labelP)).eastAsia).toBe('黑体');
      expect(runProp(docx, firstRun(labelP), 'sz')).toBe('32');
      expect(paraProp(docx, labelP, 'ind', 'firstLine') ?? '0').toBe('0');
      expect(paragraphText(paragraphs[i + 1]!)).toBe('');
      const titleP = paragraphs[i + 2]!;
      expect(paragraphText(titleP)).toBe(title);
      expect(paraProp(docx, titleP, 'jc', 'val')).toBe('center');
      expect(fonts(firstRun(titleP)).eastAsia).toBe('方正小标宋简体');
      expect(runProp(docx, firstRun(titleP), 'sz')).toBe('44');
    }
    // page numbers continue: the attachments are in the body's section (the second is the 版记's, FU-05), no restart
    expect(all(docx.document, 'sectPr')).toHaveLength(2);
    for (const section of all(docx.document, 'sectPr')) expect(attr(child(section, 'pgNumType'), 'start')).toBeUndefined();
  });
});

describe('page numbers (PN)', () => {
  it('PN-01 odd/even footers, evenAndOddHeaders, no title page', () => {
    expect(all(docx.settings, 'evenAndOddHeaders')).toHaveLength(1);
    for (const section of all(docx.document, 'sectPr')) expect(all(section, 'footerReference').map((r) => attr(r, 'type')).sort()).toEqual(['default', 'even']);
    expect(all(docx.document, 'titlePg')).toHaveLength(0);
  });
  it('PN-02 odd footer right, one character in, first-line indent 0', () => {
    const p = footers.default;
    expect(attr(child(child(p, 'pPr'), 'jc'), 'val')).toBe('right');
    expect(attr(child(child(p, 'pPr'), 'ind'), 'right')).toBe('280');
    expect(attr(child(child(p, 'pPr'), 'ind'), 'firstLine')).toBe('0');
  });
  it('PN-03 even footer left, one character in', () => {
    const p = footers.even;
    expect(attr(child(child(p, 'pPr'), 'jc'), 'val')).toBe('left');
    expect(attr(child(child(p, 'pPr'), 'ind'), 'left')).toBe('280');
  });
  it('PN-04 "— N —": an em dash each side of the PAGE field, which carries a cached number', () => {
    const field = (r: Element) => {
      const type = attr(all(r, 'fldChar')[0], 'fldCharType');
      if (type) return { begin: '{', separate: '=', end: '}' }[type];
      return all(r, 'instrText').map((t) => t.textContent!.trim()).join('') || runText(r);
    };
    expect(all(footers.default, 'r').map(field).join('')).toBe('\u2014 {PAGE=1} \u2014');
    expect(all(footers.even, 'r').map(field).join('')).toBe('\u2014 {PAGE=2} \u2014');
  });
  it('PN-04 fields are not marked for update on open (Word would ask the writer every time)', async () => {
    expect(all(docx.settings, 'updateFields')).toHaveLength(0);
    for (const p of Object.values(footers)) for (const c of all(p, 'fldChar')) expect(attr(c, 'dirty')).toBeUndefined();
  });
  it('PN-05 footer distance about 1400 twips (7 mm below the type area; measured in the render test)', () => {
    expect(Number(attr(child(sectPr(), 'pgMar'), 'footer'))).toBe(1400);
  });
});

describe('tables, lists, furniture', () => {
  it('tables: 仿宋 4号 cells, 黑体 header row, tblGrid widths summing to the type area, single spacing in cells', () => {
    const table = all(docx.document, 'tbl').find((t) => paragraphText(t as unknown as Element).includes('脱贫人口收入增速'))!;
    const grid = all(table, 'gridCol').map((c) => Number(attr(c, 'w')));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    const rows = all(table, 'tr');
    const headerRun = textRuns(rows[0]!)[0]!;
    expect(fonts(headerRun).eastAsia).toBe('黑体');
    expect(runProp(docx, headerRun, 'sz')).toBe('28');
    const cellRun = textRuns(rows[1]!)[0]!;
    expect(fonts(cellRun).eastAsia).toBe('仿宋_GB2312');
    const cellP = all(rows[1]!, 'p')[0]!;
    expect(paraProp(docx, cellP, 'spacing', 'lineRule')).toBe('auto');
    expect(paraProp(docx, cellP, 'spacing', 'line')).toBe('240');
    expect(child(child(rows[0]!, 'trPr'), 'tblHeader')).toBeDefined();
  });
  it('lists: items are indented body paragraphs, no bullet glyph, ordered items numbered', () => {
    for (const text of ['强化组织保障', '1.第一项', '2.第二项']) {
      const p = para(text);
      expect(paraProp(docx, p, 'ind', 'firstLineChars')).toBe('200');
      expect(child(child(p, 'pPr'), 'numPr')).toBeUndefined();
    }
  });
  it('版头: red 小标宋 organ name centred, 文号 centred with a red rule under it', () => {
    const organ = para('长寿镇人民政府文件');
    expect(paraProp(docx, organ, 'jc', 'val')).toBe('center');
    expect(fonts(firstRun(organ)).eastAsia).toBe('方正小标宋简体');
    const number = para('长府发〔2026〕3号');
    expect(paraProp(docx, number, 'jc', 'val')).toBe('center');
    expect(attr(child(child(child(number, 'pPr'), 'pBdr'), 'bottom'), 'color')).toBe('FF0000');
    const paragraphs = bodyParagraphs(docx.document);
    expect(paragraphs.indexOf(organ)).toBe(0);
    expect(paragraphs.indexOf(number)).toBeLessThan(paragraphs.indexOf(titleParagraph()));
  });
  it('版记: 抄送 and 印发 lines between a thick first rule, thin middle rule and thick last rule, framed on the bottom of the type area', () => {
    const copy = paraStarting('抄送：');
    const printed = paraStarting('长寿镇党政办公室');
    expect(paragraphText(copy)).toBe('抄送：县乡村振兴局，县农业农村局。');
    expect(paragraphText(printed)).toBe('长寿镇党政办公室\t2026年1月15日印发');
    const border = (p: Element, side: string) => attr(child(child(child(p, 'pPr'), 'pBdr'), side), 'sz');
    expect([border(copy, 'top'), border(copy, 'bottom'), border(printed, 'top'), border(printed, 'bottom')]).toEqual(['8', '6', undefined, '8']);
    // 抄送 one character in each side (4号 = 280 twips is less than the 320 used; 1 body character);
    // FU-04: wrapped lines hang after "抄送：" (three 4号 characters)
    expect(paraProp(docx, copy, 'ind', 'left')).toBe(String(320 + 3 * 280));
    expect(paraProp(docx, copy, 'ind', 'hanging')).toBe(String(3 * 280));
    expect(paraProp(docx, copy, 'ind', 'right')).toBe('320');
    const frame = (p: Element) => child(child(p, 'pPr'), 'framePr');
    const y = (p: Element) => Number(attr(frame(p), 'y'));
    const h = (p: Element) => Number(attr(frame(p), 'h'));
    expect(attr(frame(printed), 'vAnchor')).toBe('margin');
    expect(y(printed) + h(printed)).toBe(16838 - 2098 - 1984);
    expect(y(copy) + h(copy)).toBe(y(printed));
    // the 版记 comes after the attachments, last in the document
    const paragraphs = bodyParagraphs(docx.document);
    expect(paragraphs.indexOf(copy)).toBeGreaterThan(paragraphs.indexOf(para('责任分工正文。')));
  });
  it('publication metadata goes to docProps/custom.xml; core.xml dates come from the front matter', async () => {
    const custom = await docx.text('docProps/custom.xml');
    expect(custom).toContain('name="索引号"><vt:lpwstr>113/2026-2354051</vt:lpwstr>');
    expect(custom).toContain('name="文号"><vt:lpwstr>长府发〔2026〕3号</vt:lpwstr>');
    const core = await docx.text('docProps/core.xml');
    expect(core).toMatch(/<dcterms:created[^>]*>2026-01-14T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-01-14T00:00:00Z</);
  });
  it('a hand-written .md without front matter still gets its # title', async () => {
    const doc = await renderMd('# 关于做好春节期间安全生产工作的通知\n\n正文。');
    const p = bodyParagraphs(doc.document)[0]!;
    expect(paragraphText(p)).toBe('关于做好春节期间安全生产工作的通知');
    expect(paraProp(doc, p, 'jc', 'val')).toBe('center');
  });
});
