// One test per construct the importer recognises, on snippets of the
// reference documents (or shaped like them).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importText } from '../../src/import/index.js';
import { findMetricCandidates } from '../../src/import/metrics.js';
import { loadPlanSource } from '../../src/load/index.js';
import type { Section } from '../../src/model/plan.js';
import { composePlanMarkdown } from '../../src/compose/index.js';

function imported(text: string, file = 'in.txt') {
  const outcome = importText(text, file);
  const loaded = loadPlanSource(outcome.yaml, 'out.yaml');
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return outcome;
}

const TITLE = '松涛镇2022年度巩固脱贫攻坚成果同乡村振兴有效衔接工作方案';

describe('title, kind and year', () => {
  it('takes a short first line as the title and derives kind and year from it', () => {
    const { plan } = imported(`${TITLE}\n一、总体要求\n坚持稳中求进。\n`);
    expect(plan).toMatchObject({ title: TITLE, kind: '工作方案', year: 2022 });
  });

  it('does not take a long first sentence as the title, and says so', () => {
    const { plan, notes, yaml } = imported('为进一步巩固拓展脱贫攻坚成果，推进乡村全面振兴，特制定本方案。\n一、总体要求\n坚持稳中求进。\n');
    expect(plan.title).toBe('（请填写标题）');
    expect(notes.some((n) => n.kind === 'warning' && n.message.includes('没有找到标题'))).toBe(true);
    expect(yaml).toContain('# 导入时推测：没有从标题或日期里找到年度');
  });
});

describe('政务公开 metadata and web debris', () => {
  it('reads "• key:value" lines (000) into publication', () => {
    const text = '• 索 引 号:113/2026-2354051\n  • 发布机构:长寿镇\n  • 生成日期:2026-01-14 10:54:56.0\n  • 公开日期:2026-01-14\n  • 公开方式:政府网站\n  • 公开范围:全部公开\n\n长寿镇2026年工作计划\n\n来源:长寿镇 2026-01-14 10:54\n| | | |\n\n  一、总体要求\n\n坚持稳中求进。\n';
    const { plan, notes, yaml } = imported(text);
    expect(plan.publication).toEqual({ indexNo: '113/2026-2354051', publisher: '长寿镇', generated: '2026-01-14 10:54:56', published: '2026-01-14', openness: '政府网站', scope: '全部公开' });
    expect(plan.title).toBe('长寿镇2026年工作计划');
    expect(yaml).not.toMatch(/来源|\| \|/);
    expect(notes.find((n) => n.message.startsWith('删去网页或 Word 残留'))?.message).toContain('2 行');
  });

  it('reads the "| key: | value |" table (001), including an empty 成文日期 cell', () => {
    const text = '| 索引号: | 11341802003285507Y/202510-00043 | 组配分类: | 年度计划 |\n| 发布机构: | 贵池区牌楼镇人民政府 | 主题分类: | 民政、扶贫、救灾 |\n| 名称: | 牌楼镇2025年工作计划 | 文号: | 无 |\n| 成文日期: | 发布日期: | 2025-10-20 | |\n| 生效日期: | 废止日期: |\n一、工作安排\n坚持稳中求进。\n扫一扫在手机打开当前页\n';
    const { plan, yaml } = imported(text);
    expect(plan.publication).toEqual({ indexNo: '11341802003285507Y/202510-00043', category: '年度计划', publisher: '贵池区牌楼镇人民政府', topic: '民政、扶贫、救灾', published: '2025-10-20' });
    expect(plan.title).toBe('牌楼镇2025年工作计划');
    expect(plan.docNumber).toBeUndefined();
    expect(yaml).not.toContain('扫一扫');
  });

  it('drops the Word bookmark and keeps the text it was glued to', () => {
    const { plan } = imported(`${TITLE}\n一、重点任务\n[bookmark: _GoBack]1.落实帮扶机制。严格执行方案。\n`);
    expect(plan.sections[0]!.children![0]).toMatchObject({ title: '落实帮扶机制', text: '严格执行方案。' });
  });
});

describe('opening and cited documents', () => {
  it('moves 《标题》（文号） into basis and cites it, normalising the 文号 brackets', () => {
    const { plan } = imported(`${TITLE}\n\n为推进乡村全面振兴,根据《关于做好2022年衔接工作的实施意见》(资农领办[2022]11号)和《乡村振兴促进法》精神,特制定本方案。\n一、总体要求\n坚持稳中求进。\n`);
    expect(plan.basis).toEqual([{ id: 'b1', title: '关于做好2022年衔接工作的实施意见', number: '资农领办〔2022〕11号' }]);
    expect(plan.opening).toBe('为推进乡村全面振兴，根据[[b1]]和《乡村振兴促进法》精神，特制定本方案。');
  });

  it('recognises 主送机关 after the title', () => {
    const { plan } = imported(`${TITLE}\n各村（社区）、镇直各部门:\n为推进工作，制定本方案。\n一、总体要求\n坚持稳中求进。\n`);
    // 、 separates names within a group: the group stays one entry, so it prints with its 、
    expect(plan.recipients).toEqual(['各村（社区）、镇直各部门']);
    expect(plan.opening).toBe('为推进工作，制定本方案。');
  });

  it('does not take an introducing sentence for 主送机关', () => {
    const { plan } = imported(`${TITLE}\n现将上半年工作总结如下:\n一、总体要求\n坚持稳中求进。\n`);
    expect(plan.recipients).toBeUndefined();
    expect(plan.opening).toBe('现将上半年工作总结如下：');
  });
});

function shape(sections: Section[]): unknown[] {
  return sections.map((s) => [s.title ?? null, s.runIn ?? false, ...(s.children ? [shape(s.children)] : [])]);
}

describe('headings', () => {
  it('nests 一、 (一) 1. （1） by their numbering, half-width forms included', () => {
    const text = `${TITLE}\n一、总体要求\n(一)指导思想\n坚持稳中求进。\n(二)工作目标\n1、底线坚守\n（1）监测帮扶\n加强监测。\n二、保障措施\n`;
    const { plan } = imported(text);
    expect(shape(plan.sections)).toEqual([
      ['总体要求', false, [['指导思想', false], ['工作目标', false, [['底线坚守', false, [['监测帮扶', false]]]]]]],
      ['保障措施', false],
    ]);
    expect(plan.sections[0]!.children![1]!.children![0]!.children![0]!.text).toBe('加强监测。');
  });

  it('splits run-in headings at 。 (004) and ： (000), and keeps standalone ones', () => {
    const text = `${TITLE}\n一、重点任务\n（一）推进防止返贫监测行动\n1.落实防止返贫动态监测和帮扶机制。严格执行工作方案。\n2. 底线坚守:健全防止返贫动态监测帮扶机制。\n`;
    const { plan } = imported(text);
    const [first, second] = plan.sections[0]!.children![0]!.children!;
    expect(first).toMatchObject({ title: '落实防止返贫动态监测和帮扶机制', runIn: true, text: '严格执行工作方案。' });
    expect(second).toMatchObject({ title: '底线坚守', runIn: '：', text: '健全防止返贫动态监测帮扶机制。' });
    expect(plan.sections[0]!.children![0]!.runIn).toBeUndefined();
  });

  it('keeps a heading that ends with 。 alone on its line, with the paragraphs after it as its items (001)', () => {
    const { plan } = imported(`${TITLE}\n一、工作安排\n(一)持续强化监测帮扶,坚决守住不发生规模性返贫底线。\n一是优化监测预警体系。\n二是严格落实上级部署。\n`);
    expect(plan.sections[0]!.children![0]).toMatchObject({
      title: '持续强化监测帮扶，坚决守住不发生规模性返贫底线',
      runIn: true,
      text: [{ list: ['一是优化监测预警体系。', '二是严格落实上级部署。'] }],
    });
  });

  it('keeps 一是/二是 enumerations as text', () => {
    const { plan } = imported(`${TITLE}\n一、工作安排\n一是优化体系。二是落实部署。\n`);
    expect(plan.sections[0]).toMatchObject({ title: '工作安排', text: '一是优化体系。二是落实部署。' });
    expect(plan.sections[0]!.children).toBeUndefined();
  });

  it('imports a numbered sentence that has no title as text, with a comment (001 "1.2021年以来…")', () => {
    const { plan, yaml } = imported(`${TITLE}\n一、工作总结\n1.2021年以来帮扶学生申请雨露计划共362人次,发放资金共54.3万元。\n`);
    expect(plan.sections[0]!.children![0]).toEqual({ id: 's1-1', text: '2021年以来帮扶学生申请雨露计划共362人次，发放资金共54.3万元。' });
    expect(yaml).toContain('# 导入时推测：这一条原文没有单独的标题，整段作为正文');
  });

  it('puts paragraphs after the children into closing', () => {
    const { plan } = imported(`${TITLE}\n一、工作目标\n（一）增收\n增收提质。\n`);
    expect(plan.sections[0]!.closing).toBeUndefined();
    const withClosing = imported(`${TITLE}\n一、工作目标\n1.增收。提质增效。\n2.建设。提速。\n以上目标要全面完成。\n`).plan;
    expect(withClosing.sections[0]!.children![1]!.text).toEqual(['提速。', '以上目标要全面完成。']);
  });
});

describe('broken numbering', () => {
  it('names a skipped （三） and keeps the structure', () => {
    const { plan, notes, yaml } = imported(`${TITLE}\n一、工作总结\n（一）机制健全\n守住底线。\n（三）产业兴旺\n动能增强。\n（四）乡村建设\n环境改善。\n`);
    expect(plan.sections[0]!.children!.map((s) => s.title)).toEqual(['机制健全', '产业兴旺', '乡村建设']);
    expect(notes.filter((n) => n.kind === 'warning').map((n) => [n.line, n.message])).toEqual([
      [5, '编号从“（一）”跳到“（三）”，缺少“（二）”；导入后按结构重新编号为“（二）”，请核对'],
    ]);
    expect(yaml).toContain('# 导入时推测：原文编号为“（三）”，编号从“（一）”跳到“（三）”，缺少“（二）”');
  });

  it('reports a repeated number', () => {
    const { notes } = imported(`${TITLE}\n一、任务\n二、措施\n二、要求\n`);
    expect(notes.find((n) => n.kind === 'warning')?.message).toBe('编号“二、”重复或倒退（这里应是“三、”）；导入后按结构重新编号为“三、”，请核对');
  });

  it('detects level-3 numbering that continues across level-2 sections', () => {
    const { plan, notes } = imported(`${TITLE}\n一、任务\n（一）监测\n1.排查。排查风险。\n2.帮扶。落实帮扶。\n（二）增收\n3.产业。发展产业。\n`);
    expect(plan.numbering?.level3).toBe('continue');
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
  });

  it('keeps a level the document skips on purpose (1、 directly under 一、, as summaries do) instead of renumbering it', () => {
    const { plan, yaml, notes } = imported(`${TITLE}\n一、上半年工作情况\n1、全力稳定粮油生产。完成粮食播种。\n2、抓好项目建设。开工项目5个。\n二、下半年工作计划\n（一）抓落实。落实责任。\n`);
    expect(plan.sections[0]).toMatchObject({ title: '上半年工作情况', childNumbering: '1.' });
    expect(plan.sections[0]!.children!.map((c) => c.title)).toEqual(['全力稳定粮油生产', '抓好项目建设']);
    expect(plan.sections[1]!.childNumbering).toBeUndefined();
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
    expect(yaml).toContain('# 导入时推测：原文这一节的下级直接用“1.”编号（跳过了一层），按原文保留');
    expect(loadPlanSource(yaml, 'x.yaml').diagnostics).toEqual([]);
    expect(composePlanMarkdown(plan).markdown.replace(/\*\*/g, '')).toContain('1.全力稳定粮油生产。完成粮食播种。');
  });

  it('keeps a document that starts at （一） (工作要点) as numbering.start', () => {
    const { plan, yaml, notes } = imported(`${TITLE}\n（一）抓党建\n1.加强学习。深化理论武装。\n（二）抓发展\n1.壮大产业。培育龙头企业。\n`);
    expect(plan.numbering).toEqual({ start: '（一）', runInMark: '。' });
    expect(plan.sections.map((s) => s.title)).toEqual(['抓党建', '抓发展']);
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
    expect(yaml).toContain('# 导入时推测：原文正文没有“一、”一层，从“（一）”开始编号，按原文保留');
    const markdown = composePlanMarkdown(plan).markdown;
    expect(markdown).toMatch(/^### （一）抓党建$/m);
    expect(markdown).not.toContain('一、');
  });

  it('still renumbers a real error: siblings at mixed levels', () => {
    const { notes } = imported(`${TITLE}\n一、任务\n（一）排查\n1.排查。排查风险。\n二、保障\n1.领导。加强领导。\n（一）督查\n`);
    expect(notes.find((n) => n.kind === 'warning')?.message).toContain('与同级标题的编号层次不一致');
  });
});

describe('lists, tables, attachments, signature', () => {
  it('collects "- " items into a list block (000 五项保障)', () => {
    const { plan } = imported(`${TITLE}\n一、任务\n3. 巩固“五项保障”成果:\n- 教育帮扶:健全控辍保学机制。\n- 健康帮扶:参保率达100%。\n`);
    const section = plan.sections[0]!.children![0]!;
    expect(section).toMatchObject({ title: '巩固“五项保障”成果', runIn: true });
    expect(plan.numbering?.runInMark).toBe('：');
    expect(section.text).toEqual([{ list: ['教育帮扶：健全控辍保学机制。', '健康帮扶：参保率达[[m1]]。'] }]);
  });

  it('keeps a Markdown table as a table block in its section, one row a line in the YAML', () => {
    const md = `# ${TITLE}\n\n## 一、主要指标\n\n| 指标 | 目标 |\n|---|---|\n| 培训 | 300人次 |\n`;
    const { plan, yaml, notes } = imported(md, 'in.md');
    expect(plan.sections[0]!.text).toEqual([{ table: { columns: ['指标', '目标'], rows: [['培训', '300人次']] } }]);
    expect(yaml).toContain('    text:\n      - table:\n          columns: [ 指标, 目标 ]\n          rows:\n            - [ 培训, 300人次 ]\n');
    expect(notes).toContainEqual({ line: 5, kind: 'found', message: '表格 1 个（2 格），按原样放在所在章节的 table 里' });
  });

  it('reads a Markdown file: front matter furniture, # title, ## headings, **run-in**', () => {
    const md = `---\ntitle: ${TITLE}\nissuer: 松涛镇\ndate: 2022-03-01\nyear: 2022\n---\n\n# ${TITLE}\n\n## 一、重点任务\n\n**1. 落实机制。**严格执行方案。\n`;
    const { plan } = imported(md, 'in.md');
    expect(plan).toMatchObject({ title: TITLE, issuer: '松涛镇', date: '2022-03-01', year: 2022 });
    expect(plan.sections[0]!.children![0]).toMatchObject({ title: '落实机制', runIn: true, text: '严格执行方案。' });
  });

  it('takes the levels of unnumbered Markdown headings from their # depth', () => {
    const md = `# ${TITLE}\n\n## 总体要求\n\n坚持稳中求进。\n\n### 指导思想\n\n以新思想为指导。\n\n## 保障措施\n\n加强领导。\n`;
    const { plan, notes } = imported(md, 'in.md');
    expect(shape(plan.sections)).toEqual([['总体要求', false, [['指导思想', false]]], ['保障措施', false]]);
    expect(notes.filter((n) => n.kind === 'warning')).toEqual([]);
  });

  it('recognises 附件, 署名 and 成文日期 at the end', () => {
    const { plan } = imported(`${TITLE}\n一、任务\n坚持稳中求进。\n附件:1.主要指标表\n2.责任分工表\n牌楼镇乡村振兴工作站\n2025年10月20日\n`);
    expect(plan).toMatchObject({ issuer: '牌楼镇乡村振兴工作站', date: '2025-10-20', attachments: [{ title: '主要指标表' }, { title: '责任分工表' }] });
    expect(plan.sections[0]!.text).toBe('坚持稳中求进。');
  });
});

describe('attachment pages', () => {
  it('takes the pages after the signature as attachments with their content', () => {
    const { plan } = imported(`${TITLE}\n一、任务\n坚持稳中求进。\n附件:1.责任分工表\n2.进度安排\n松涛镇人民政府\n2022年3月1日\n附件1\n责任分工表\n镇农业办牵头,各村配合。\n附件2\n进度安排\n3月底前完成摸排。\n`);
    expect(plan.attachments).toEqual([
      { title: '责任分工表', text: '镇农业办牵头，各村配合。' },
      { title: '进度安排', text: '3月底前完成摸排。' },
    ]);
    expect(plan).toMatchObject({ issuer: '松涛镇人民政府', date: '2022-03-01' });
    expect(plan.sections[0]!.text).toBe('坚持稳中求进。');
  });
});

describe('metric candidates', () => {
  const cases: Array<[string, string, object, string | undefined]> = [
    ['完成转移就业培训300人次以上', '300人次以上', { kind: 'atLeast', value: 300, wording: '以上' }, '人次'],
    ['满意度均达到90%以上', '90%以上', { kind: 'atLeast', value: 90, wording: '以上' }, '%'],
    ['财政衔接资金不低于65%投入产业发展', '不低于65%', { kind: 'atLeast', value: 65, wording: '不低于' }, '%'],
    ['举办专场招聘会2—3场', '2—3场', { kind: 'range', min: 2, max: 3, separator: '—' }, '场'],
    ['建设标准化产业基地2～3个', '2～3个', { kind: 'range', min: 2, max: 3, separator: '～' }, '个'],
    ['收入全部稳定在10万元以上', '10万元以上', { kind: 'atLeast', value: 10, wording: '以上' }, '万元'],
    ['户均同比增长10%以上', '增长10%以上', { kind: 'growth', rate: 10 }, '%'],
    ['集体经济收入同比增长10%', '增长10%', { kind: 'growth', rate: 10, orMore: false }, '%'],
    ['确保岗位数量不低于上年度规模', '不低于上年度规模', { kind: 'vsLastYear', relation: 'notBelow' }, undefined],
    ['完善站点建设，实现“村村通快递”全覆盖', '实现“村村通快递”全覆盖', { kind: 'achieve', statement: '实现“村村通快递”全覆盖' }, undefined],
    ['有劳动能力的搬迁户至少1人稳定就业', '至少1人', { kind: 'atLeast', value: 1, wording: '至少' }, '人'],
    ['基本医疗保险参保率达100%', '100%', { kind: 'exact', value: 100 }, '%'],
    ['扶持资金107.5万元以上', '107.5万元以上', { kind: 'atLeast', value: 107.5, wording: '以上' }, '万元'],
  ];

  it.each(cases)('%s → %s', (text, phrase, target, unit) => {
    const [candidate, ...rest] = findMetricCandidates(text);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({ phrase, target, start: text.indexOf(phrase) });
    expect(candidate!.unit).toBe(unit);
  });

  it('leaves facts and numbers without a target wording alone', () => {
    expect(findMetricCandidates('累计消除返贫致贫风险15户48人，每月开展1次数据比对，人均纯收入1万元以下')).toEqual([]);
  });

  it('moves the number into a metric attached to its section and cites it', () => {
    const { plan, yaml } = imported(`${TITLE}\n一、任务\n（一）就业\n1. 扩大就业规模:完成转移就业培训300人次以上,稳定就业。\n`);
    expect(plan.metrics).toEqual([{ id: 'm1', name: '转移就业培训', unit: '人次', target: { kind: 'atLeast', value: 300, wording: '以上' }, task: 's1-1-1' }]);
    expect(plan.sections[0]!.children![0]!.children![0]!.text).toBe('完成转移就业培训[[m1]]，稳定就业。');
    expect(yaml).toContain('# 导入时推测：由原文“300人次以上”识别出的指标，名称取自上下文，请核对');
  });
});

describe('the YAML file', () => {
  it('starts with the schema line, parses back to the plan, and normalises punctuation', () => {
    const { yaml, plan } = imported(`${TITLE}\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导,深入贯彻党的十九大精神(全文)。\n`);
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(plan.sections[0]!.text).toBe('以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大精神（全文）。');
  });

  it('quotes text that would otherwise be YAML syntax', () => {
    const { yaml, plan } = imported(`${TITLE}\n一、任务\n- [[x]]: 不是引用\n# 不是注释\n`);
    expect(plan.sections[0]!.text).toEqual([{ list: ['\\[[x]]：不是引用'] }, '# 不是注释']);
    expect(parse(yaml).sections[0].text).toEqual(plan.sections[0]!.text);
  });
});
