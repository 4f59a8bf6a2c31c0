import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideDir, outputBaseName, renderFile } from '../../src/render/index.js';
import { parseConfig } from '../../src/config/index.js';

describe('output names', () => {
  it('takes the input name without its extension and never a directory', () => {
    expect(outputBaseName('plans/changshou-2026.yaml')).toBe('changshou-2026');
    expect(outputBaseName('/a/b/通知.md')).toBe('通知');
    expect(outputBaseName('..')).toBe('document');
    expect(outputBaseName('x/.yaml')).toBe('.yaml'); // a dot file has no extension
  });

  it('refuses a path outside the output directory but accepts names starting with dots', () => {
    expect(insideDir('out', 'out/..plan.md')).toMatch(/out[\\/]\.\.plan\.md$/);
    expect(() => insideDir('out', 'out/../x.md')).toThrow();
    expect(() => insideDir('out', 'out')).toThrow();
    expect(() => insideDir('out', '/etc/passwd')).toThrow();
  });
});

describe('renderFile', () => {
  const plan = 'title: 测试镇2026年工作计划\nyear: 2026\nsections:\n  - title: 总体要求\n    text: 以[[nope]]为指导。\n';

  it('returns the diagnostics and writes nothing when the plan has errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-api-'));
    writeFileSync(join(dir, 'p.yaml'), plan);
    const result = await renderFile(join(dir, 'p.yaml'), { outDir: join(dir, 'out'), formats: ['md', 'docx'] });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.line === 5)).toBe(true);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('writes the Markdown and the DOCX and returns their paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-api-'));
    writeFileSync(join(dir, 'p.yaml'), plan.replace('以[[nope]]为指导', '以人民为中心'));
    const out = join(dir, 'out');
    const result = await renderFile(join(dir, 'p.yaml'), { outDir: out, formats: ['md', 'docx'] });
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs).toEqual([join(out, 'p.md'), join(out, 'p.docx')]);
    expect(readFileSync(join(out, 'p.md'), 'utf8')).toContain('## 一、总体要求\n\n以人民为中心。\n');
  });
});

describe('parseConfig', () => {
  it('resolves the templates directory against the config file directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandoc-config-'));
    const result = parseConfig('templates: .\nprofile:\n  grid:\n    linePitch: 560\n', 'plandoc.config.yaml', dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.config).toEqual({ templates: dir, profile: { grid: { linePitch: 560 } } });
  });

  it('rejects a config that is not a mapping', () => {
    const result = parseConfig('- templates\n', 'c.yaml', '/');
    expect(result.diagnostics[0]).toMatchObject({ file: 'c.yaml', line: 1, severity: 'error', code: 'config' });
  });

  it('reports YAML syntax errors with their position', () => {
    const result = parseConfig('templates: [a\n', 'c.yaml', '/');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0]!.file).toBe('c.yaml');
  });
});
