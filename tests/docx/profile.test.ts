import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, ProfileError, resolveProfile } from '../../src/docx/profile.js';
import { renderMd, findParagraph, paraProp, runProp, textRuns } from './xml.js';

describe('style profile', () => {
  it('defaults are the GB/T 9704 values', () => {
    expect(DEFAULT_PROFILE.page).toMatchObject({ width: 11906, height: 16838, marginTop: 2098, marginLeft: 1587, marginRight: 1474, marginBottom: 1984 });
    expect(DEFAULT_PROFILE.grid).toMatchObject({ linePitch: 579, charSpacing: -5 });
    expect(DEFAULT_PROFILE.fonts).toMatchObject({ body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' });
    expect(DEFAULT_PROFILE.bold.heading2).toBe(false);
  });
  it('deep-merges a partial override and leaves the rest at the defaults', () => {
    const profile = resolveProfile({ grid: { linePitch: 560 }, sizes: { table: 24 } });
    expect(profile.grid).toEqual({ ...DEFAULT_PROFILE.grid, linePitch: 560 });
    expect(profile.sizes.table).toBe(24);
    expect(profile.sizes.body).toBe(32);
    expect(DEFAULT_PROFILE.grid.linePitch).toBe(579);
  });
  it('rejects unknown keys, wrong types and impossible values with Chinese messages', () => {
    const bad = () => resolveProfile({ grid: { linePitch: 'x' as unknown as number }, colour: {} } as never);
    expect(bad).toThrow(ProfileError);
    try {
      bad();
    } catch (error) {
      expect((error as ProfileError).problems.map((p) => p.message)).toEqual(expect.arrayContaining(['“grid.linePitch”应当是数字', '没有“colour”这项设置']));
    }
    expect(() => resolveProfile({ colors: { text: 'black' } })).toThrow(/六位十六进制/);
    expect(() => resolveProfile({ page: { marginLeft: 12000 } })).toThrow(/页边距/);
  });
  it('an office override reaches the DOCX (table size 小四, page margins)', async () => {
    const docx = await renderMd('# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n正文。', { sizes: { table: 24 }, page: { marginTop: 2000 } });
    const cell = findParagraph(docx.document, (t) => t === '1');
    expect(runProp(docx, textRuns(cell)[0]!, 'sz')).toBe('24');
    expect(paraProp(docx, findParagraph(docx.document, (t) => t === '正文。'), 'spacing', 'line')).toBe('579');
    expect(await docx.text('word/document.xml')).toContain('w:top="2000"');
  });
});
