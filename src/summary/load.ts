// Loading a progress file: read, parse, validate against the progress schema,
// load the plan it names, then the semantic rules. Every problem is a
// diagnostic with file:line:col; the value is undefined when there are errors.
import { existsSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import type { Plan } from '../model/plan.js';
import type { Progress } from '../model/progress.js';
import { hasErrors, type Diagnostic } from '../load/diagnostic.js';
import { loadPlanFile, loadYamlSource, type LoadResult } from '../load/index.js';
import { readSourceFile } from '../load/source.js';
import { locate, makeDiagnostic, parseYaml } from '../load/yaml.js';
import progressSchemaJson from '../schema/progress.schema.json' with { type: 'json' };
import { checkProgress } from './rules.js';

export const progressSchema: Record<string, unknown> = progressSchemaJson;

export type ProgressLoadResult = LoadResult<Progress> & {
  plan?: Plan;
  /** the plan's file name as printed in diagnostics, and its text */
  planFile?: string;
  planSource?: string;
};

/** A YAML file is a progress file when its top level has a `period` key. */
export { isProgressSource } from '../load/index.js';

export async function loadProgressFile(path: string): Promise<ProgressLoadResult> {
  const read = await readSourceFile(path);
  if (read.text === undefined) return { diagnostics: read.diagnostics, source: '' };
  return loadProgressSource(read.text, path);
}

/** A progress file's text (already read from `path`), with the plan it names. */
export async function loadProgressSource(text: string, path: string): Promise<ProgressLoadResult> {
  const loaded = loadYamlSource<Progress>(text, path, { schema: progressSchema, noun: '进度文件' });
  if (!loaded.value) return loaded;
  return withPlan(loaded.value, loaded, path);
}

async function withPlan(progress: Progress, loaded: LoadResult<Progress>, path: string): Promise<ProgressLoadResult> {
  const parsed = loaded.parsed ?? parseYaml(loaded.source, path);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  let plan: Plan | undefined;
  let planFile: string | undefined;
  let planSource: string | undefined;
  if (progress.plan !== undefined) {
    planFile = normalize(join(dirname(path), progress.plan));
    if (!existsSync(resolve(planFile))) {
      diagnostics.push(makeDiagnostic(parsed, locate(parsed, ['plan']), 'error', 'plan-missing', `找不到所属计划文件“${planFile}”`,
        'plan 写的是相对于本文件所在目录的路径；检查文件名是否写对。'));
    } else {
      const planLoad = await loadPlanFile(planFile);
      planSource = planLoad.source;
      diagnostics.push(...planLoad.diagnostics);
      if (planLoad.value) plan = planLoad.value;
      else diagnostics.push(makeDiagnostic(parsed, locate(parsed, ['plan']), 'error', 'plan-invalid', `所属计划文件“${planFile}”有错误，无法使用`, '先改正计划文件中的错误（见上），再处理本文件。'));
    }
  }
  if (progress.plan === undefined || plan) diagnostics.push(...checkProgress(progress, plan, parsed));
  const ok = !hasErrors(diagnostics);
  return { value: ok ? progress : undefined, plan, planFile, planSource, diagnostics, source: loaded.source, parsed };
}
