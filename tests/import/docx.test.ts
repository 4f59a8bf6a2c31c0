// Importing a Word document: a small .docx generated here with the docx
// library (paragraphs, run-split text, a table, a signature), read back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importBlocks, importFile } from '../../src/import/index.js';
import { composePlanMarkdown } from '../../src/compose/index.js';
import { markdownToDocx } from '../../src/docx/index.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { Plan } from '../../src/model/plan.js';
import { markdownLines } from '../plans/plain-text.js';
import { docxToBlocks } from '../../src/import/docx.js';
import { loadPlanSource } from '../../src/load/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const TITLE = '松涛镇2022年度巩固脱贫攻坚成果同乡村振兴有效衔接工作方案';

function para(...runs: string[]): Paragraph {
  return new Paragraph({ children: runs.map((text) => new TextRun(text)) });
}

function cell(text: string): TableCell {
  return new TableCell({ children: [para(text)] });
}

async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(TITLE)] }),
          para('为进一步巩固拓展脱贫攻坚成果，根据《关于做好衔接工作的实施意见》（资农领办〔2022〕11号）精神，特制定本方案。'),
          para('一、总体要求'),
          para('坚持以习近平新时代中国特色社会主义思想为指导', '，深入贯彻党的十九大精神。'),
          para('二、目标任务'),
          para('确保脱贫人口家庭经营性收入户均同比增长10%以上。'),
          new Table({ rows: [new TableRow({ children: [cell('指标'), cell('目标')] }), new TableRow({ children: [cell('培训'), cell('300人次')] })] }),
          para('三、重点任务'),
          para('（一）推进防止返贫监测行动'),
          para('1.落实防止返贫动态监测和帮扶机制。严格执行工作方案 & 制度。'),
          para(''),
          para('松涛镇人民政府'),
          para('2022年3月1日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-import-docx-'));
  file = join(dir, '松涛镇2022年工作方案.docx');
  writeFileSync(file, await sampleDocx());
});

describe('reading a .docx', () => {
  it('gives its paragraphs and tables in order, joining runs and decoding entities', async () => {
    const blocks = await docxToBlocks(await sampleDocx());
    expect(blocks.map((b) => (b.kind === 'para' ? b.text : `table:${b.rows.map((r) => r.join('/')).join(';')}`))).toEqual([
      TITLE,
      '为进一步巩固拓展脱贫攻坚成果，根据《关于做好衔接工作的实施意见》（资农领办〔2022〕11号）精神，特制定本方案。',
      '一、总体要求',
      '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大精神。',
      '二、目标任务',
      '确保脱贫人口家庭经营性收入户均同比增长10%以上。',
      'table:指标/目标;培训/300人次',
      '三、重点任务',
      '（一）推进防止返贫监测行动',
      '1.落实防止返贫动态监测和帮扶机制。严格执行工作方案 & 制度。',
      '松涛镇人民政府',
      '2022年3月1日',
    ]);
  });

  it('imports it into a valid plan', async () => {
    const { plan, yaml, notes } = await importFile(file);
    expect(loadPlanSource(yaml, 'out.yaml').diagnostics).toEqual([]);
    expect(plan).toMatchObject({ title: TITLE, kind: '工作方案', year: 2022, issuer: '松涛镇人民政府', date: '2022-03-01', opening: '为进一步巩固拓展脱贫攻坚成果，根据[[b1]]精神，特制定本方案。' });
    expect(plan.sections.map((s) => s.title)).toEqual(['总体要求', '目标任务', '重点任务']);
    expect(plan.sections[2]!.children![0]!.children![0]).toMatchObject({ title: '落实防止返贫动态监测和帮扶机制', runIn: true, text: '严格执行工作方案 & 制度。' });
    expect(plan.metrics).toEqual([{ id: 'm1', name: '脱贫人口家庭经营性收入户均', unit: '%', target: { kind: 'growth', rate: 10 }, task: 's2' }]);
    expect(plan.sections[1]!.text).toContainEqual({ table: { columns: ['指标', '目标'], rows: [['培训', '300人次']] } });
    expect(yaml).toContain('            - [ 培训, 300人次 ]');
    expect(notes.some((n) => n.message.includes('表格 1 个'))).toBe(true);
  });

  it('takes section levels from Word heading styles when the numbers are not typed', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(TITLE)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('总体要求')] }),
          para('坚持稳中求进。'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('指导思想')] }),
          para('以新思想为指导。'),
        ],
      }],
    });
    const blocks = await docxToBlocks(await Packer.toBuffer(doc));
    expect(blocks.map((b) => (b.kind === 'para' ? b.headingLevel : 'table'))).toEqual([0, 1, undefined, 2, undefined]);
    const path = join(dir, 'styled.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const { plan } = await importFile(path);
    expect(plan.title).toBe(TITLE);
    expect(plan.sections).toEqual([{ id: 's1', title: '总体要求', text: '坚持稳中求进。', children: [{ id: 's1-1', title: '指导思想', text: '以新思想为指导。' }] }]);
  });

  it('rejects a file that is not a .docx with a Chinese message and exit 1', () => {
    const fake = join(dir, 'fake.docx');
    writeFileSync(fake, 'not a zip');
    const result = runCli(['import', fake, '-o', '-']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不是有效的 .docx');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('importing the DOCX plandoc writes', () => {
  const lines = (plan: Plan) => markdownLines(parseMarkdown(composePlanMarkdown(plan).markdown).root);

  it.each(['plans/changshou-2026.yaml', 'plans/songtao-2022.yaml'])('gives back a plan that renders the same text (%s)', async (file) => {
    const original = parse(readFileSync(join(ROOT, file), 'utf8')) as Plan;
    const docx = await markdownToDocx(composePlanMarkdown(original).markdown);
    const { plan, yaml } = importBlocks(await docxToBlocks(docx));
    expect(loadPlanSource(yaml, 'imported.yaml').diagnostics).toEqual([]);
    expect(lines(plan)).toEqual(lines(original));
    expect({ title: plan.title, issuer: plan.issuer, date: plan.date }).toEqual({ title: original.title, issuer: original.issuer, date: original.date });
  });
});
