// The plan and progress JSON Schemas (draft 2020-12): the contract for plan and
// progress YAML files. src/schema/*.schema.json are the sources; schema/ at the
// repository top holds copies for editors (tests keep them identical).
import planSchemaJson from './plan.schema.json' with { type: 'json' };
import progressSchemaJson from './progress.schema.json' with { type: 'json' };

export type JsonSchema = Record<string, unknown>;

export type SchemaKind = 'plan' | 'progress';

export const SCHEMA_KINDS: SchemaKind[] = ['plan', 'progress'];

export const planSchema: JsonSchema = planSchemaJson;

/** The schema as editors read it: pretty-printed JSON with a final newline. */
export function planSchemaText(): string {
  return schemaText('plan');
}

export function schemaText(kind: SchemaKind): string {
  return `${JSON.stringify(kind === 'plan' ? planSchema : progressSchemaJson, null, 2)}\n`;
}

/** Where a writer's repository keeps a schema for editors, relative to its top. */
export function schemaFileName(kind: SchemaKind): string {
  return `schema/${kind}.schema.json`;
}
