// Each writing-convention rule on real snippets from the reference documents:
// the finding's code, severity, position, message and suggested fix.
import { describe, expect, it } from 'vitest';
import { fixText, lintText, type TextFinding } from '../../src/lint/rules.js';

function only(text: string, code: string, role?: Parameters<typeof lintText>[1]): TextFinding[] {
  return lintText(text, role).filter((f) => f.code === code);
}

function spans(text: string, findings: TextFinding[]): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}

describe('TX-01 half-width punctuation next to Chinese', () => {
  // 000 指导思想 (web copy uses half-width commas throughout)
  const text = '以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大和二十届历次全会精神,全面落实';

  it('flags each comma as an error at its offset, with the full-width fix', () => {
    const findings = only(text, 'TX-01');
    expect(findings.map((f) => f.start)).toEqual([text.indexOf(','), text.lastIndexOf(',')]);
    expect(findings[0]).toMatchObject({ severity: 'warning', fix: { replacement: '，', safe: true } });
    expect(findings[0]!.message).toContain('半角标点“,”');
    expect(findings[0]!.hint).toContain('改为“，”');
  });

  it('converts colons, parentheses and the blank after them', () => {
    expect(fixText('1. 底线坚守:健全防止返贫动态监测帮扶机制')).toBe('1. 底线坚守：健全防止返贫动态监测帮扶机制');
    expect(fixText('协调抓好治理, 实施行动')).toBe('协调抓好治理，实施行动');
    expect(fixText('资阳市《建设五年行动方案(2021—2025年)》')).toBe('资阳市《建设五年行动方案（2021—2025年）》');
  });

  it('leaves ASCII-only text, times and thousands alone', () => {
    expect(only('APP (v2.1), see: http://x.cn', 'TX-01')).toEqual([]);
    expect(only('生成日期2026-01-14 10:54', 'TX-01')).toEqual([]);
    expect(only('共1,000人', 'TX-01')).toEqual([]);
  });
});

describe('TX-02 dashes, ellipses and ranges', () => {
  it('turns numeric ranges typed with a hyphen or tilde into — and ～ (000 "3-5名", "2~3个")', () => {
    const text = '每个行政村培养3-5名懂技术、会经营的带头人,建设标准化产业基地2~3个';
    const findings = only(text, 'TX-02');
    expect(spans(text, findings)).toEqual(['3-5', '2~3']);
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['3—5', '2～3']);
    expect(findings.every((f) => f.severity === 'warning' && f.fix?.safe)).toBe(true);
  });

  it('fixes year ranges and time ranges with 年 on both ends', () => {
    expect(fixText('2021-2025年规划')).toBe('2021—2025年规划');
    expect(fixText('工作总结(2021年-2025年)')).toBe('工作总结（2021年—2025年）');
  });

  it('warns when a percentage range drops the first % and suggests repeating it', () => {
    const [finding] = only('覆盖率提高15-30%', 'TX-02');
    expect(finding).toMatchObject({ severity: 'warning', fix: { replacement: '15%～30%' } });
    expect(only('覆盖率提高15%～30%', 'TX-02')).toEqual([]);
  });

  it('fixes dashes and ellipses', () => {
    expect(fixText('注意--这样')).toBe('注意——这样');
    expect(fixText('产业、就业...等')).toBe('产业、就业……等');
    expect(fixText('产业、就业。。。等')).toBe('产业、就业……等');
    expect(fixText('产业、就业…等')).toBe('产业、就业……等');
    expect(only('产业、就业……等', 'TX-02')).toEqual([]);
  });

  it('only suggests (never applies) a double dash for a single — between Chinese, which may be a place range', () => {
    const [finding] = only('北京—上海', 'TX-02');
    expect(finding).toMatchObject({ severity: 'warning', fix: { replacement: '——', safe: false } });
    expect(fixText('北京—上海')).toBe('北京—上海');
  });

  it('does not touch dates, index numbers or proper ranges', () => {
    expect(only('公开日期2026-01-14', 'TX-02')).toEqual([]);
    expect(only('索引号113/2026-2354051', 'TX-02')).toEqual([]);
    expect(only('培育壮大1—2个特色主导产业', 'TX-02')).toEqual([]);
  });
});

describe('TX-03 full-width digits', () => {
  it('flags and fixes them to ASCII digits', () => {
    const [finding] = only('完成培训３００人次', 'TX-03');
    expect(finding).toMatchObject({ start: 4, end: 7, severity: 'warning', fix: { replacement: '300', safe: true } });
  });
});

describe('TX-04 suspicious forms', () => {
  it('flags the Chinese 一 typed as a range dash (004 "2021一2025年")', () => {
    const text = '建设五年行动方案(2021一2025年)';
    const [finding] = only(text, 'TX-04');
    expect(text.slice(finding!.start, finding!.end)).toBe('一');
    expect(finding!.fix).toEqual({ replacement: '—', safe: true });
  });

  it('removes stray blanks in Chinese text (000 "早处置 。", 004 "深度挖掘 “乡愁元素”")', () => {
    expect(fixText('做到风险隐患早发现、早处置 。')).toBe('做到风险隐患早发现、早处置。');
    expect(fixText('深度挖掘 “乡愁元素”')).toBe('深度挖掘“乡愁元素”');
    expect(only('防止返贫监测APP和政府救助平台', 'TX-04')).toEqual([]);
    expect(fixText('深度挖掘\u00a0“乡愁元素”，完成\u3000任务')).toBe('深度挖掘“乡愁元素”，完成任务');
  });

  it('removes a Word-style full-width indent at the start of a paragraph', () => {
    const [finding] = only('\u3000\u3000为进一步巩固拓展脱贫攻坚成果', 'TX-04');
    expect(finding).toMatchObject({ start: 0, end: 2, fix: { replacement: '', safe: true } });
    expect(finding!.message).toContain('段首');
  });
});

describe('TX-05 doubled punctuation and unbalanced pairs', () => {
  it('reports "，。" (004) as an error with an unsafe suggestion', () => {
    const text = '全面完成年度改厕目标任务，。坚持政府引导';
    const [finding] = only(text, 'TX-05');
    expect(text.slice(finding!.start, finding!.end)).toBe('，。');
    expect(finding).toMatchObject({ severity: 'warning', fix: { replacement: '。', safe: false } });
    expect(fixText(text)).toBe(text);
  });

  it('safely collapses a repeated mark', () => {
    expect(fixText('加强领导。。坚持')).toBe('加强领导。坚持');
  });

  it('reports an unmatched closing quote (004 "推进十四五”")', () => {
    const text = '《扎实推进十四五”农村厕所革命的实施方案》';
    const findings = only(text, 'TX-05');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ start: text.indexOf('”'), severity: 'warning' });
    expect(findings[0]!.message).toContain('缺少与之配对的““”');
  });

  it('reports unclosed brackets and book-title marks', () => {
    expect(only('根据《实施意见精神', 'TX-05')[0]!.message).toContain('“《”后面缺少');
    expect(only('（牵头单位：镇农业办', 'TX-05')[0]!.message).toContain('“（”后面缺少');
    expect(only('坚守“不发生规模性返贫”底线', 'TX-05')).toEqual([]);
  });
});

describe('TX-06 document numbers', () => {
  it('fixes brackets, leading zeros and 第 in a 文号', () => {
    expect(fixText('（资农领办[2022]11号）')).toBe('（资农领办〔2022〕11号）');
    expect(fixText('长府发【2026】3号')).toBe('长府发〔2026〕3号');
    expect(fixText('长府发(2026)3号')).toBe('长府发〔2026〕3号');
    expect(fixText('长府发〔2022〕011号')).toBe('长府发〔2022〕11号');
    expect(fixText('长府发〔2022〕第11号')).toBe('长府发〔2022〕11号');
    const [finding] = only('资农领办[2022]011号', 'TX-06');
    expect(finding!.message).toContain('〔〕');
    expect(finding!.message).toContain('前导 0');
    expect(finding!.severity).toBe('warning');
  });

  it('accepts a correct 文号', () => {
    expect(only('根据《实施意见》（资农领办〔2022〕11号）精神', 'TX-06')).toEqual([]);
  });
});

describe('PL-11 dates', () => {
  it('drops leading zeros in month and day', () => {
    const [finding] = only('2026年01月05日印发', 'PL-11');
    expect(finding).toMatchObject({ start: 0, end: 11, severity: 'warning', fix: { replacement: '2026年1月5日', safe: true } });
    expect(fixText('6月05日前完成')).toBe('6月5日前完成');
    expect(only('2025年10月20日', 'PL-11')).toEqual([]);
  });
});

describe('PL-06 heading-number forms', () => {
  it('rewrites 1、 (1) ⑴ (一) in text', () => {
    expect(fixText('1、加强组织领导')).toBe('1.加强组织领导');
    expect(fixText('(1)抓落实；⑵抓督查')).toBe('（1）抓落实；（2）抓督查');
    expect(fixText('(一)指导思想')).toBe('（一）指导思想');
    const [finding] = only('(一)指导思想', 'PL-06');
    expect(finding).toMatchObject({ start: 0, end: 3, severity: 'warning' });
    expect(only('(一)指导思想', 'TX-01')).toEqual([]);
  });

  it('does not treat an enumeration inside a sentence as a heading number', () => {
    expect(only('第1、2批项目', 'PL-06')).toEqual([]);
  });

  it('flags numbers typed into a section title and removes them', () => {
    for (const [title, typed] of [['一、总体要求', '一、'], ['（一）指导思想', '（一）'], ['1.底线坚守', '1.'], ['(1)抓落实', '(1)']]) {
      const [finding] = only(title!, 'PL-06', 'sectionTitle');
      expect(title!.slice(finding!.start, finding!.end)).toBe(typed);
      expect(finding!.message).toContain('编号由结构自动生成');
    }
    expect(fixText('一、总体要求', 'sectionTitle')).toBe('总体要求');
    expect(only('2026年重点工作', 'PL-06', 'sectionTitle')).toEqual([]);
  });
});

describe('PL-07 titles without terminal punctuation', () => {
  it('flags a final mark in a title and removes it', () => {
    const [finding] = only('持续强化监测帮扶，坚决守住不发生规模性返贫底线。', 'PL-07', 'sectionTitle');
    expect(finding).toMatchObject({ severity: 'warning', fix: { replacement: '', safe: true } });
    expect(fixText('巩固“五项保障”成果:', 'sectionTitle')).toBe('巩固“五项保障”成果');
    expect(lintText('巩固“五项保障”成果:', 'sectionTitle').map((f) => f.code)).toEqual(['PL-07']);
  });

  it('leaves prose and titles ending in a closing quote or bracket alone', () => {
    expect(only('加强领导。', 'PL-07')).toEqual([]);
    expect(only('实施“百日攻坚”', 'PL-07', 'sectionTitle')).toEqual([]);
  });
});

describe('citations', () => {
  it('never reports inside a [[id]] citation, but does around it', () => {
    // ids may hold Han characters and hyphens: "培训1-2人" would otherwise look like a range
    const findings = lintText('完成培训[[培训1-2人]]场,[[m1.value]]');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'TX-01', start: 15 });
  });
});

describe('fixText', () => {
  it('normalises a whole line of the 000 web copy and is idempotent', () => {
    const line = '4. 加强易地搬迁后续扶持:深化“点长制”管理,完善安置区基础设施和公共服务配套,开展就业帮扶专项行动,确保有劳动能力且有就业意愿的搬迁户至少1人稳定就业,就业率保持在90%以上 。';
    const fixed = fixText(line);
    expect(fixed).toBe('4. 加强易地搬迁后续扶持：深化“点长制”管理，完善安置区基础设施和公共服务配套，开展就业帮扶专项行动，确保有劳动能力且有就业意愿的搬迁户至少1人稳定就业，就业率保持在90%以上。');
    expect(fixText(fixed)).toBe(fixed);
    expect(lintText(fixed)).toEqual([]);
  });
});
