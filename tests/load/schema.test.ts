// The plan JSON Schema itself: well-formed, documented in Chinese everywhere,
// closed to unknown keys, and the editor copy identical to the source.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { planSchema, planSchemaText } from '../../src/schema/index.js';
import { ROOT } from '../helpers/cli.js';

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every property schema in the document, with a path for failure messages. */
function properties(schema: unknown, path = '#'): Array<[string, Schema]> {
  if (!isObject(schema)) return [];
  const found: Array<[string, Schema]> = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      for (const [name, prop] of Object.entries(value)) if (isObject(prop) && Object.keys(prop).length > 0) found.push([`${path}/properties/${name}`, prop]);
    }
    if (key === 'then' || key === 'if') continue; // if/then only select and narrow keys declared above
    if (isObject(value) || Array.isArray(value)) {
      const children = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : [[key, value] as const];
      for (const [name, child] of children) found.push(...properties(child, `${path}/${key}${Array.isArray(value) ? `/${name}` : ''}`));
    }
  }
  return found;
}

function objectSchemas(schema: unknown, path = '#'): Array<[string, Schema]> {
  if (!isObject(schema)) return Array.isArray(schema) ? schema.flatMap((s, i) => objectSchemas(s, `${path}/${i}`)) : [];
  const own: Array<[string, Schema]> = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) ? [[path, schema]] : [];
  return [...own, ...Object.entries(schema).flatMap(([k, v]) => objectSchemas(v, `${path}/${k}`))];
}

describe('plan schema', () => {
  it('compiles under ajv strict mode as draft 2020-12', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(planSchema)).not.toThrow();
    expect(planSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gives every property a Chinese title and description', () => {
    const props = properties(planSchema);
    expect(props.length).toBeGreaterThan(60);
    const undocumented = props.filter(([, p]) => {
      const hasChinese = (v: unknown) => typeof v === 'string' && /[\u4e00-\u9fa5]/.test(v);
      return !(hasChinese(p.title) && hasChinese(p.description));
    });
    expect(undocumented.map(([path]) => path)).toEqual([]);
  });

  it('closes every object to unknown keys', () => {
    const open = objectSchemas(planSchema).filter(([, s]) => s.additionalProperties !== false);
    expect(open.map(([path]) => path)).toEqual([]);
  });

  it('has four section levels that differ only in children (and childNumbering, which needs children)', () => {
    const defs = planSchema.$defs as Record<string, Schema>;
    const keys = (level: number) => Object.keys(defs[`section${level}`]!.properties as Schema);
    expect(keys(1)).toContain('children');
    expect(keys(3)).toContain('children');
    expect(keys(4)).not.toContain('children');
    expect(keys(4)).toEqual(keys(1).filter((k) => k !== 'children' && k !== 'childNumbering'));
    expect(defs.section5).toBeUndefined();
    // the four copies are kept by hand: everything but the level-specific wording must agree
    const shared = (level: number) => {
      const { children: _children, childNumbering: _childNumbering, title: _title, ...rest } = defs[`section${level}`]!.properties as Schema;
      return rest;
    };
    for (const level of [2, 3, 4]) expect(shared(level)).toEqual(shared(1));
  });

  it('mirrors every key of the plan model', () => {
    const top = Object.keys(planSchema.properties as Schema).sort();
    expect(top).toEqual(['attachments', 'basis', 'copyTo', 'date', 'docNumber', 'header', 'issuer', 'kind', 'metrics', 'note', 'numbering', 'opening',
      'printedBy', 'printedDate', 'publication', 'recipients', 'sealed', 'sections', 'tables', 'title', 'year'].sort());
    const target = (planSchema.$defs as Record<string, Schema>).target!;
    expect((target.properties as Record<string, Schema>).kind!.enum).toEqual(['atLeast', 'atMost', 'range', 'exact', 'growth', 'vsLastYear', 'achieve']);
  });

  it('keeps the editor copy at schema/plan.schema.json identical to src/schema/plan.schema.json', () => {
    const source = readFileSync(`${ROOT}/src/schema/plan.schema.json`, 'utf8');
    const copy = readFileSync(`${ROOT}/schema/plan.schema.json`, 'utf8');
    // if this fails: cp src/schema/plan.schema.json schema/plan.schema.json
    expect(copy).toBe(source);
    expect(JSON.parse(planSchemaText())).toEqual(JSON.parse(source));
  });
});
