// What a reader sees in a .docx but the text does not say: Word list numbers
// (numbering.xml), heading styles renamed by Chinese Word, outline levels,
// footnotes, text boxes, and a document that is only a table.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToBlocks } from '../../src/import/docx.js';
import { importBlocks } from '../../src/import/index.js';
import { loadPlanSource } from '../../src/load/index.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(parts: { body: string; numbering?: string; styles?: string; footnotes?: string }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W}><w:body>${parts.body}</w:body></w:document>`);
  if (parts.numbering) zip.file('word/numbering.xml', `<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.footnotes) zip.file('word/footnotes.xml', `<w:footnotes ${W}>${parts.footnotes}</w:footnotes>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const p = (text: string, props = '', runProps = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r>${runProps ? `<w:rPr>${runProps}</w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;
const listed = (text: string, numId: number, ilvl: number) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const texts = (blocks: Awaited<ReturnType<typeof docxToBlocks>>) => blocks.map((b) => (b.kind === 'para' ? b.text : `表:${b.rows.map((r) => r.join('|')).join(';')}`));

// 一、 / （一） / 1. as Word's Chinese outline list defines them
const OUTLINE_LIST = `<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>`;

describe('Word list numbering', () => {
  it('puts the numbers Word draws back in front of the text, counting levels as Word does', async () => {
    const blocks = await docxToBlocks(await docx({
      numbering: OUTLINE_LIST,
      body: [p('长寿镇2026年工作计划'), listed('总体要求', 3, 0), p('坚持稳中求进。'), listed('重点任务', 3, 0), listed('发展产业', 3, 1), listed('培育特色产业。', 3, 2), listed('壮大集体经济。', 3, 2), listed('改善民生', 3, 1), listed('办好民生实事。', 3, 2), listed('要点一', 4, 0)].join(''),
    }));
    expect(texts(blocks)).toEqual(['长寿镇2026年工作计划', '一、总体要求', '坚持稳中求进。', '二、重点任务', '（一）发展产业', '1.培育特色产业。', '2.壮大集体经济。', '（二）改善民生', '1.办好民生实事。', '要点一']);
    expect(blocks.at(-1)).toMatchObject({ list: true });
    const { plan, yaml } = importBlocks(blocks);
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.sections.map((s) => s.title)).toEqual(['总体要求', '重点任务']);
    expect(plan.sections[1]!.children!.map((s) => [s.title, s.children!.length])).toEqual([['发展产业', 2], ['改善民生', 1]]);
  });

  it('numbers through a style that carries the list (numPr in styles.xml) and honours startOverride', async () => {
    const blocks = await docxToBlocks(await docx({
      numbering: `${OUTLINE_LIST}<w:num w:numId="9"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>`,
      styles: '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="List Heading"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>',
      body: [p('甲', '<w:pStyle w:val="a5"/>'), p('乙', '<w:pStyle w:val="a5"/>'), listed('丙', 9, 0)].join(''),
    }));
    expect(texts(blocks)).toEqual(['一、甲', '二、乙', '三、丙']);
  });
});

describe('heading styles and outline levels', () => {
  it('reads heading levels from style names ("heading 2", "标题 3") whatever the style id, and from outline levels', async () => {
    const styles = [
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="标题 3"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="My Sub"/><w:basedOn w:val="2"/></w:style>',
    ].join('');
    const blocks = await docxToBlocks(await docx({
      styles,
      body: [p('标题行'), p('总体要求', '<w:outlineLvl w:val="0"/>'), p('指导思想', '<w:pStyle w:val="2"/>'), p('细则', '<w:pStyle w:val="a7"/>'), p('派生', '<w:pStyle w:val="a8"/>'), p('正文。')].join(''),
    }));
    expect(blocks.map((b) => (b.kind === 'para' ? b.headingLevel : 't'))).toEqual([undefined, 1, 2, 3, 2, undefined]);
  });
});

describe('footnotes, text boxes, deleted text and tables', () => {
  it('places a footnote after the paragraph that cites it, reads a text box once, drops deleted text', async () => {
    const textBox = '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' + p('框内说明') + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' + p('框内说明') + '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const blocks = await docxToBlocks(await docx({
      footnotes: '<w:footnote w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>数据来源：镇统计站。</w:t></w:r></w:p></w:footnote>',
      body: [
        '<w:p><w:r><w:t>全年新增就业200人以上</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>。</w:t></w:r></w:p>',
        `<w:p><w:r><w:t>正文</w:t></w:r>${textBox}</w:p>`,
        '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>',
      ].join(''),
    }));
    expect(texts(blocks)).toEqual(['全年新增就业200人以上。', '注：数据来源：镇统计站。', '正文', '框内说明', '保留']);
  });

  it('imports a document that is only a table into a valid plan, keeping every cell', async () => {
    const cell = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const blocks = await docxToBlocks(await docx({
      body: [p('长寿镇2026年重点工作任务分解表'), p('重点工作任务分解表'), `<w:tbl>${row('序号', '工作任务', '责任单位')}${row('1', '新建高标准农田1000亩', '农业服务中心')}${row('2', '改造农村户厕120户', '')}</w:tbl>`].join(''),
    }));
    const { plan, yaml } = importBlocks(blocks);
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]!.title).toBe('重点工作任务分解表');
    expect(plan.sections[0]!.text).toEqual([{ table: { columns: ['序号', '工作任务', '责任单位'], rows: [[1, '新建高标准农田1000亩', '农业服务中心'], [2, '改造农村户厕120户', '']] } }]);
    // a task breakdown with no task in the text: the table is the content, its rows are not printed again as tasks
    expect(plan.sections[0]!.children ?? []).toEqual([]);
  });
});
