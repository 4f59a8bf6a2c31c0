// The preview composes what the downloads compose: a user template named by
// the current directory's plandoc.config.yaml shapes both.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const MARK = '本计划按本单位模板排版。';
let dir: string;
let child: ChildProcess;
let base: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plandoc-serve-templates-'));
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  mkdirSync(join(dir, '模板'));
  const builtin = readFileSync(join(ROOT, 'templates/plan.md.hbs'), 'utf8');
  writeFileSync(join(dir, '模板/plan.md.hbs'), builtin.replace('{{title}}\n', `{{title}}\n\n${MARK}\n`));
  writeFileSync(join(dir, 'plandoc.config.yaml'), 'templates: 模板\n');
  child = spawn(process.execPath, [BIN, 'serve', 'plans'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) resolve(new URL(match[0]));
    });
    child.on('exit', () => reject(new Error(output)));
  });
  base = url.origin;
  token = url.searchParams.get('token')!;
}, 30_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('serve with a user template', () => {
  it('the preview and the Markdown download both carry what the template adds', async () => {
    const text = readFileSync(join(dir, 'plans/songtao-2022.yaml'), 'utf8');
    const res = await fetch(`${base}/api/preview`, {
      method: 'POST',
      headers: { 'x-plandoc-token': token, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'songtao-2022.yaml', text }),
    });
    const preview = (await res.json()) as { blocks: Array<{ kind: string; text: string }> };
    expect(preview.blocks.filter((block) => block.text === MARK).map((block) => block.kind)).toEqual(['body']);
    const md = await (await fetch(`${base}/api/download?path=songtao-2022.yaml&format=md&token=${token}`)).text();
    expect(md).toContain(MARK);
  });
});
