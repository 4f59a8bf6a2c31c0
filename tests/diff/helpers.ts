// Edits of a plan's YAML text, the way a writer makes them, for diff tests.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Plan } from '../../src/model/plan.js';

export const BASE_FIXTURE = new URL('./fixtures/base.yaml', import.meta.url);

export function baseSource(): string {
  return readFileSync(BASE_FIXTURE, 'utf8');
}

export function planOf(source: string): Plan {
  return parse(source) as Plan;
}

/** Replaces exactly one occurrence of `find`, so a test fails loudly when the fixture changes. */
export function edit(source: string, find: string, replace: string): string {
  const first = source.indexOf(find);
  if (first < 0 || source.indexOf(find, first + 1) >= 0) throw new Error(`edit: "${find}" must occur exactly once`);
  return source.slice(0, first) + replace + source.slice(first + find.length);
}
