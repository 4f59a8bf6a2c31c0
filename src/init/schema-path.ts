// Where the `# yaml-language-server: $schema=…` comment of a new plan points:
// the repository's schema/plan.schema.json, relative to the plan, when the plan
// is inside a checkout that has one; otherwise the schema of the installed plandoc.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA = join('schema', 'plan.schema.json');

export function schemaPathFor(planFile: string): string {
  const planDir = dirname(resolve(planFile));
  const local = findUp(planDir, (dir) => existsSync(join(dir, SCHEMA)));
  const schema = local ? join(local, SCHEMA) : join(packageRoot(), SCHEMA);
  // plandoc installed inside the writer's repository (node_modules) is still a relative path
  const repository = findUp(planDir, (dir) => existsSync(join(dir, '.git')));
  const insideRepository = repository !== undefined && schema.startsWith(repository + sep);
  if (!local && !insideRepository) return schema.split(sep).join('/');
  const path = relative(planDir, schema).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function findUp(start: string, found: (dir: string) => boolean): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The installed plandoc package: the nearest package.json named plandoc above this module. */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = findUp(here, (dir) => {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) return false;
    try {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'plandoc';
    } catch {
      return false;
    }
  });
  return root ?? resolve(here, '..');
}
