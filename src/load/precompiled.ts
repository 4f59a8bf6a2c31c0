// Validators compiled from the JSON Schemas ahead of time, keyed by schema $id.
// Running from source this is empty and ajv compiles on first use; the bundle
// built by scripts/build.mjs replaces this module with ajv standalone code,
// because compiling the plan schema was the largest single cost of a cold
// `plandoc render` in the profile.
import type { ValidateFunction } from 'ajv';

export const precompiledValidators: Record<string, ValidateFunction> = {};
