// Column widths of official tables: short cells such as "100.0%" or "超额完成"
// must stay on one line, and the columns fill the type area exactly.
import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { columnWidths } from '../../src/docx/table.js';

const TYPE_AREA = 8845;
const CHAR = 280; // 4号 table text: 14 pt = 280 twips a character
const MARGIN = 80;

function table(markdown: string): Table {
  const node = parseMarkdown(markdown).root.children.find((child) => child.type === 'table');
  if (!node || node.type !== 'table') throw new Error('no table parsed');
  return node;
}

const SUMMARY = table(`| 序号 | 指标 | 单位 | 目标 | 完成 | 完成率 | 状态 |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | 财政衔接资金投入产业发展比例很长很长的指标名称 | % | 不低于65% | 66.8 | 102.8% | 超额完成 |
`);

describe('table column widths (tblGrid, WPS uses them)', () => {
  it('sum exactly to the type-area width', () => {
    const widths = columnWidths(SUMMARY, 7, TYPE_AREA, CHAR, MARGIN);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TYPE_AREA);
  });

  it('give every short cell room for one line', () => {
    const widths = columnWidths(SUMMARY, 7, TYPE_AREA, CHAR, MARGIN);
    // "102.8%" is 3 character widths, "超额完成" 4: both plus cell margins
    expect(widths[5]).toBeGreaterThanOrEqual(3 * CHAR + 2 * MARGIN);
    expect(widths[6]).toBeGreaterThanOrEqual(4 * CHAR + 2 * MARGIN);
  });

  it('give the long text column the most room', () => {
    const widths = columnWidths(SUMMARY, 7, TYPE_AREA, CHAR, MARGIN);
    expect(Math.max(...widths)).toBe(widths[1]);
  });
});
