// One ajv instance for every schema; each schema object is compiled once.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { precompiledValidators } from './precompiled.js';
import { planSchema } from '../schema/index.js';

// ajv-formats is CommonJS; under NodeNext its callable is the default export's default.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv2020) => void;

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
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
