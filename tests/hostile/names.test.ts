// #19: names from user data never make paths; prototype keys get real messages.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { safeFileName } from '../../src/io/paths.js';
import { runCli } from '../helpers/cli.js';
import { scratch } from '../faults/support.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('init --issuer', () => {
  it('--issuer ../x writes inside plans/, not outside it', () => {
    const dir = scratch('plandoc-init-');
    dirs.push(dir);
    mkdirSync(join(dir, 'work', 'plans'), { recursive: true });
    const result = runCli(['init', '--issuer', '../x', '--year', '2027'], { cwd: join(dir, 'work') });
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'work', 'plans')).filter((name) => name.endsWith('.yaml'))).toEqual(['___x-2027.yaml']);
    expect(existsSync(join(dir, 'work', 'x-2027.yaml'))).toBe(false);
  });

  it.each([['../x', '___x'], ['a/b\\c', 'a_b_c'], ['长寿镇', '长寿镇'], ['..', '__'], ['', 'plan'], ['a\u0007b', 'a_b']])('safeFileName(%j) is %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

describe('front matter keys from Object.prototype', () => {
  it.each(['__proto__', 'constructor', 'toString'])('“%s” is an unknown key, not “undefined”', (key) => {
    const { diagnostics } = parseMarkdown(`---\n${key}: x\ntitle: 标题\n---\n\n# 标题\n`, 'doc.md');
    expect(diagnostics).toMatchObject([{ code: 'front-matter-unknown-key', message: `开头设置中的“${key}”不认识，已忽略。`, line: 2 }]);
  });
});
