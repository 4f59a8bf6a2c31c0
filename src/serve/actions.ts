// Creating files from the workbench: a new plan (as `init`), next year's
// draft (as `rollover`), a plan from an old document (as `import`). Each
// writes a new file inside the folder and never overwrites one.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import type { PlanKind } from '../model/plan.js';
import { HttpError } from './http.js';
import { resolveInside, shownPath } from './paths.js';

export interface Created {
  path: string;
  /** what the writer should know (rollover's report, import's guesses) */
  notes: string[];
}

async function writeNew(root: string, path: string, text: string, notes: string[]): Promise<Created> {
  if (!/\.ya?ml$/i.test(path)) throw new HttpError(400, `文件名要以 .yaml 结尾：${path}`);
  const absolute = await resolveInside(root, path);
  if (existsSync(absolute)) throw new HttpError(409, `${path} 已经存在，没有覆盖；换一个文件名。`);
  await writeFileAtomic(absolute, text);
  return { path: shownPath(root, absolute), notes };
}

export async function createPlan(root: string, input: { issuer?: string; year?: number | string; kind?: string; path?: string }): Promise<Created> {
  const { skeletonYaml, PLAN_KINDS } = await import('../init/index.js');
  const { linkSchema } = await import('../init/schema-path.js');
  const issuer = String(input.issuer ?? '').trim();
  const year = Number(input.year);
  const kind = (input.kind || '工作计划') as PlanKind;
  if (!issuer) throw new HttpError(400, '请填写发文机关，例如 长寿镇');
  if (!/^\d{4}$/.test(String(input.year ?? ''))) throw new HttpError(400, '计划年度应为四位数字，例如 2027');
  if (!PLAN_KINDS.includes(kind)) throw new HttpError(400, `文种可选：${PLAN_KINDS.join('、')}`);
  const path = input.path || `${issuer}-${year}.yaml`;
  const absolute = await resolveInside(root, path);
  // the workbench writes nothing outside its folder: the schema link is made, a missing schema copy is not written
  const schema = await linkSchema(absolute, 'plan', false);
  return writeNew(root, path, skeletonYaml({ issuer, year, kind, schemaPath: schema.path }), ['把其中的“待填写：……”换成实际内容；编辑器会标出还没填写的地方。']);
}

export async function rolloverPlan(root: string, input: { plan?: string; progress?: string; year?: number | string }): Promise<Created> {
  const { loadPlanFile } = await import('../load/index.js');
  const { rolloverSource } = await import('../rollover/index.js');
  const { defaultOutput, latestActuals, rolloverReport } = await import('../rollover/command.js');
  const planPath = await resolveInside(root, String(input.plan ?? ''));
  const loaded = await loadPlanFile(planPath);
  if (!loaded.value) throw new HttpError(422, `${input.plan} 有错误，先改正再滚动到明年。`);
  const year = input.year ? Number(input.year) : loaded.value.year + 1;
  if (!Number.isInteger(year) || year === loaded.value.year) throw new HttpError(400, `新计划的年度应为四位数字，且不同于 ${loaded.value.year}`);
  let actuals = new Map<string, number>();
  if (input.progress) {
    const { loadProgressFile } = await import('../summary/index.js');
    const progress = await loadProgressFile(await resolveInside(root, input.progress));
    if (!progress.value) throw new HttpError(422, `${input.progress} 有错误，先改正再用它的完成数。`);
    actuals = latestActuals(progress.value.values ?? []);
  }
  const result = rolloverSource(loaded.source, { year, actuals });
  const output = shownPath(root, defaultOutput(planPath, loaded.value.year, year));
  return writeNew(root, output, result.text, rolloverReport(result, String(input.plan), output).trim().split('\n'));
}

const IMPORTABLE = new Set(['.txt', '.md', '.markdown', '.docx']);

/** An uploaded document (dropped on the page) → a plan YAML beside the others. */
export async function importDocument(root: string, name: string, bytes: Buffer): Promise<Created> {
  const ext = extname(name).toLowerCase();
  if (!IMPORTABLE.has(ext)) throw new HttpError(400, `只能导入 .txt、.md 和 .docx；${['.doc', '.wps'].includes(ext) ? '请先用 Word 或 WPS 另存为 .docx。' : ''}`);
  const { importFile, ImportError } = await import('../import/index.js');
  const scratch = await mkdtemp(join(tmpdir(), 'plandoc-import-'));
  try {
    const file = join(scratch, basename(name).replace(/[\\/]/g, '_'));
    await writeFile(file, bytes);
    const outcome = await importFile(file).catch((error: Error) => {
      // not a plan, a scanned PDF, a broken .docx…: the importer's Chinese message
      if (error instanceof ImportError) throw new HttpError(422, `${name}：${error.message}`);
      throw error;
    });
    const label = (kind: string) => (kind === 'found' ? '已识别' : kind === 'guess' ? '推测' : '警告');
    const notes = outcome.notes.map((note) => `${note.line > 0 ? `第 ${note.line} 行：` : ''}${label(note.kind)}：${note.message}`);
    return await writeNew(root, `${basename(name, extname(name))}.yaml`, outcome.yaml, notes);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
