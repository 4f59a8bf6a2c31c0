// Hand-written Markdown (issue 13 item 9): heading numbers in the form of their
// level and in sequence, straight quotes, a half-width full stop inside Chinese,
// and spaces inside 《》 and “” left alone.
import { describe, expect, it } from 'vitest';
import { fixSource, lintMarkdownSource } from '../../src/lint/index.js';

const DOC = [
  '# 活动通知', // 1
  '',
  '## 一.总体要求', // 3
  '',
  '### (一)指导思想', // 5
  '',
  '### （二）、基本原则', // 7
  '',
  '#### 1、坚持', // 9
  '',
  '#### 2．统筹', // 11
  '',
  '## 三、重点任务', // 13
  '',
  '开展"青山云雾"品牌活动.现将有关事项通知如下。', // 15
  '',
  '学习《乡村 振兴 促进法》和“千村 示范”经验。', // 17
  '',
].join('\n');

const found = (text: string) => lintMarkdownSource(text, 'a.md').map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

describe('Markdown lint', () => {
  it('finds each wrongly typed heading number, the jump, the straight quotes and the full stop', () => {
    expect(found(DOC)).toEqual([
      '3:4 PL-06 第1级标题的序号应写作“一、”，不是“一.”',
      '5:5 PL-06 第2级标题的序号应写作“（一）”，不是“(一)”',
      '7:5 PL-06 第2级标题的序号应写作“（二）”，不是“（二）、”',
      '9:6 PL-06 第3级标题的序号应写作“1.”，不是“1、”',
      '11:6 PL-06 第3级标题的序号应写作“2.”，不是“2．”',
      '13:4 PL-06 序号从第1项跳到了“三、”：这里应是第2项',
      '15:3 TX-01 中文里用了直引号“"”，应使用弯引号“”',
      '15:13 TX-01 中文里用了半角句点“.”，应使用句号“。”',
    ]);
  });

  it('fixes the forms, not the sequence, and keeps the spaces inside 《》 and “”', () => {
    const fixed = fixSource(DOC, 'a.md').text.split('\n');
    expect(fixed[2]).toBe('## 一、总体要求');
    expect(fixed[4]).toBe('### （一）指导思想');
    expect(fixed[6]).toBe('### （二）基本原则');
    expect(fixed[8]).toBe('#### 1.坚持');
    expect(fixed[10]).toBe('#### 2.统筹');
    expect(fixed[12]).toBe('## 三、重点任务');
    expect(fixed[14]).toBe('开展“青山云雾”品牌活动。现将有关事项通知如下。');
    expect(fixed[16]).toBe('学习《乡村 振兴 促进法》和“千村 示范”经验。');
  });

  it('accepts correctly numbered headings in sequence, restarting under each parent', () => {
    const good = ['# 题目', '## 一、甲', '### （一）乙', '#### 1.丙', '#### 2.丁', '### （二）戊', '#### 1.己', '## 二、庚', '### （一）辛', '##### （1）壬'].join('\n\n');
    expect(found(good)).toEqual([]);
  });
});
