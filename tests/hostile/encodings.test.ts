// #19: encodings and line ends are diagnosed as what they are, at 1:1.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/load/source.js';
import { loadPlanSource } from '../../src/load/index.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_PLAN, scratch } from '../faults/support.js';

const PLAN = readFileSync(EXAMPLE_PLAN, 'utf8');
const dir = scratch('plandoc-encodings-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const points = [...(bom ? '\uFEFF' : '') + text].map((c) => c.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((point, i) => view.setUint32(i * 4, point, littleEndian));
  return new Uint8Array(view.buffer);
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return littleEndian ? bytes : bytes.swap16();
}

describe('wide encodings', () => {
  it.each([
    ['UTF-32 LE with mark', utf32(PLAN, true, true), 'UTF-32'],
    ['UTF-32 BE with mark', utf32(PLAN, false, true), 'UTF-32'],
    ['UTF-32 LE without mark', utf32(PLAN, true, false), 'UTF-32'],
    ['UTF-16 LE with mark', utf16(PLAN, true, true), 'UTF-16'],
    ['UTF-16 BE with mark', utf16(PLAN, false, true), 'UTF-16'],
    ['UTF-16 LE without mark', utf16(PLAN, true, false), 'UTF-16'],
  ])('%s is named as such, at 1:1', (_name, bytes, encoding) => {
    expect(decodeSource(bytes, 'plan.yaml').diagnostics).toMatchObject([{ code: 'file-encoding', line: 1, column: 1, message: `文件是 ${encoding} 编码，plandoc 只读 UTF-8 编码的文件` }]);
  });
});

describe('old Mac line ends (CR alone)', () => {
  it('are read as line ends, not as one long comment (计划文件是空的)', () => {
    const result = loadPlanSource(PLAN.replace(/\n/g, '\r'), 'plan.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.value?.title).toContain('长寿镇');
  });

  it('an error is reported at its real line and column', () => {
    const result = loadPlanSource('title: 计划\ryear: 二〇二六\rsections:\r  - title: 任务\r    text: 内容。\r', 'plan.yaml');
    expect(result.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ line: 2, column: 7 });
  });

  it('lint --fix keeps them: only the fixed character changes', () => {
    const file = join(dir, 'cr.yaml');
    const source = 'title: 测试计划\ryear: 2026\rsections:\r  - title: 任务\r    text: 开展培训,提高能力。\r';
    writeFileSync(file, source);
    const result = runCli(['lint', '--fix', file]);
    expect(result.stderr).toContain(`${file}:5:15: 已改正`);
    expect(readFileSync(file, 'utf8')).toBe(source.replace('培训,提高', '培训，提高'));
  });
});
