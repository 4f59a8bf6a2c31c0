import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const source = readFileSync(join(ROOT, 'src/schema/progress.schema.json'), 'utf8');
const schema = JSON.parse(source) as Record<string, unknown>;
const CJK = /[\u4e00-\u9fff]/;

/** Every object schema with `properties`, with its JSON pointer. */
function objectSchemas(node: unknown, pointer = '#'): Array<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return [];
  const found: Array<[string, Record<string, unknown>]> = [];
  const record = node as Record<string, unknown>;
  if (record.properties && typeof record.properties === 'object' && !Array.isArray(record.properties)) found.push([pointer, record]);
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) value.forEach((item, i) => found.push(...objectSchemas(item, `${pointer}/${key}/${i}`)));
    else found.push(...objectSchemas(value, `${pointer}/${key}`));
  }
  return found;
}

describe('progress JSON Schema', () => {
  it('is draft 2020-12 and the top-level copy for editors is identical', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(readFileSync(join(ROOT, 'schema/progress.schema.json'), 'utf8')).toBe(source);
  });

  it('gives every property a Chinese title and description and rejects unknown keys', () => {
    const defs = schema.$defs as Record<string, Record<string, unknown>>;
    const resolve = (s: Record<string, unknown>) => (typeof s.$ref === 'string' ? defs[s.$ref.replace('#/$defs/', '')]! : s);
    let checked = 0;
    for (const [pointer, object] of objectSchemas(schema)) {
      if (pointer.includes('/if') || pointer.includes('/then')) continue; // conditions, not definitions
      expect(object.additionalProperties, pointer).toBe(false);
      for (const [key, property] of Object.entries(object.properties as Record<string, Record<string, unknown>>)) {
        const described = { ...resolve(property), ...property };
        expect(described.title, `${pointer}/${key}`).toMatch(CJK);
        expect(described.description, `${pointer}/${key}`).toMatch(CJK);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('is what the progress files in plans/ declare', () => {
    for (const name of ['pailou-2025-h1.yaml', 'changshou-2026-h1.yaml', 'changshou-2026-year.yaml']) {
      const first = readFileSync(join(ROOT, 'plans', name), 'utf8').split('\n')[0];
      expect(first, name).toBe('# yaml-language-server: $schema=../schema/progress.schema.json');
    }
  });
});
