// The plan JSON Schema (draft 2020-12): the contract for plan YAML files.
// src/schema/plan.schema.json is the source; schema/plan.schema.json at the
// repository top is a copy for editors (a test keeps the two identical).
import planSchemaJson from './plan.schema.json' with { type: 'json' };

export type JsonSchema = Record<string, unknown>;

export const planSchema: JsonSchema = planSchemaJson;

/** The schema as editors read it: pretty-printed JSON with a final newline. */
export function planSchemaText(): string {
  return `${JSON.stringify(planSchema, null, 2)}\n`;
}
