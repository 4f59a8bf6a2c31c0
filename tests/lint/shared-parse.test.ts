// render and check lint the prose of the document the loader already parsed
// (merge keys on) instead of parsing the YAML a second time: the findings must
// be exactly those of lint's own parse, for every example and fixture, for
// merge keys and tags, and for generated plans.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintPlanSource } from '../../src/lint/index.js';
import { parseYaml } from '../../src/load/yaml.js';
import { ROOT } from '../helpers/cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

function expectSameFindings(text: string, file: string): void {
  expect(lintPlanSource(text, file, parseYaml(text, file))).toEqual(lintPlanSource(text, file));
}

describe('lint on the loader’s document', () => {
  it('finds what its own parse finds in every example and fixture', () => {
    const files = [...yamlFiles('plans'), ...yamlFiles('tests/fixtures'), ...yamlFiles('tests/diff/fixtures')];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expectSameFindings(readFileSync(join(ROOT, file), 'utf8'), file);
  });

  it('gives the same findings around merge keys, explicit merge tags and a byte-order mark', () => {
    const texts = [
      'base: &b\n  title: 一、总体要求\nsections:\n  - <<: *b\n    text: 工作,任务\n',
      'title: !!merge 长寿镇2026年工作计划,\ntext: 内容\n',
      '!!merge title: 一、总体要求,\n',
      'sections:\n  - title: <<\n    text: 第一,第二\n',
      '\ufefftitle: 长寿镇2026年工作计划,\n',
      'title: [未闭合\n',
    ];
    for (const text of texts) expectSameFindings(text, 'plan.yaml');
  });

  it('gives the same findings for generated plans', () => {
    const prose = fc.array(fc.constantFrom('长寿镇', '工作', '2026', '年', ',', '。。', '(一)', '一、', '——', '<<', '!!merge ', ' ', '…'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const plan = fc.record({
      title: prose,
      sections: fc.array(fc.record({ id: fc.constantFrom('s1', 's2'), title: prose, text: fc.oneof(prose, fc.array(prose, { maxLength: 3 })) }), { maxLength: 3 }),
    });
    fc.assert(fc.property(plan, (value) => expectSameFindings(stringify(value), 'plan.yaml')), { numRuns: 150 });
  });
});
