// "达到[[x]]" with the wording 不低于 must not print "达到不低于92%" (issue 13 item 8).
import { describe, expect, it } from 'vitest';
import { buildCitationIndex, expandCitations } from '../../src/compose/text.js';
import type { Metric, TargetWording } from '../../src/model/plan.js';

function metric(kind: 'atLeast' | 'atMost', wording?: TargetWording): Metric {
  return { id: 'x', name: '满意度', unit: '%', target: { kind, value: 92, ...(wording ? { wording } : {}) } } as Metric;
}

const expand = (text: string, m: Metric): string => expandCitations(text, buildCitationIndex([m]), ['text'], []);

describe('a cited target after a verb', () => {
  it.each([
    ['群众满意度达到[[x]]。', metric('atLeast', '不低于'), '群众满意度达到92%以上。'],
    ['群众满意度达到[[x]]。', metric('atLeast', '至少'), '群众满意度达到92%以上。'],
    ['群众满意度达到[[x]]。', metric('atLeast', '达到'), '群众满意度达到92%。'],
    ['发生率控制在[[x]]。', metric('atMost', '不超过'), '发生率控制在92%以下。'],
    ['群众满意度达到[[x]]。', metric('atLeast'), '群众满意度达到92%以上。'],
  ])('%s with %j', (text, m, expected) => {
    expect(expand(text, m)).toBe(expected);
  });

  it('keeps the prefix wording where no verb comes before it', () => {
    expect(expand('群众满意度[[x]]。', metric('atLeast', '不低于'))).toBe('群众满意度不低于92%。');
  });
});
