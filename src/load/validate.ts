// One ajv instance for every schema; each schema object is compiled once.
// The bundle carries every schema's validator precompiled (scripts/build.mjs),
// so ajv's compiler is required only when a schema has none: a cold start does
// not load and initialise its ~90 modules.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type formatsModule from 'ajv-formats';
import { precompiledValidators } from './precompiled.js';
import { planSchema } from '../schema/index.js';

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    // ajv-formats is CommonJS: its callable is the default export's default, or the module itself
    const formats = require('ajv-formats') as { default?: typeof formatsModule };
    const addFormats = (formats.default ?? formats) as unknown as (ajv: Ajv2020) => void;
    ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    addFormats(ajv);
    // the progress schema refers to the plan schema's table definition
    ajv.addSchema(planSchema);
  }
  return ajv;
}

export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiledValidators[(schema as { $id?: string }).$id ?? ''] ?? instance().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
