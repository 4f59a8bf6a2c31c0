// `plandoc init`: asks for what is missing (on a terminal), then writes the
// skeleton of a new plan. Never overwrites a file unless --force.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { UsageError } from '../cli/exit.js';
import { writeFileAtomic } from '../io/write.js';
import { safeFileName } from '../io/paths.js';
import type { PlanKind } from '../model/plan.js';
import { PLAN_KINDS, skeletonYaml } from './index.js';
import { linkSchema, schemaWrittenNote } from './schema-path.js';

export interface InitOptions {
  issuer?: string;
  year?: string;
  kind?: string;
  output?: string;
  force?: boolean;
}

/** Asks one question on the terminal; undefined when there is no terminal. */
export type Ask = (question: string) => Promise<string>;

interface Answers {
  issuer: string;
  year: number;
  kind: PlanKind;
}

export async function runInit(options: InitOptions, ask?: Ask): Promise<number> {
  const answers = await completeAnswers(options, ask);
  const output = options.output ?? defaultOutput(answers);
  if (existsSync(output) && !options.force) {
    process.stderr.write(`plandoc: ${output} 已经存在，没有覆盖；换一个文件名（-o），或者确实要覆盖时加 --force。\n`);
    return 1;
  }
  const schema = await linkSchema(output, 'plan');
  await writeFileAtomic(output, skeletonYaml({ ...answers, schemaPath: schema.path }));
  process.stderr.write(schemaWrittenNote(schema));
  process.stderr.write(`已生成 ${output}：把其中的“待填写：……”换成实际内容，再用 plandoc check ${output} 检查。\n`);
  return 0;
}

async function completeAnswers(options: InitOptions, ask: Ask | undefined): Promise<Answers> {
  const missing = [
    options.issuer === undefined ? '--issuer（发文机关，例如 长寿镇）' : undefined,
    options.year === undefined ? '--year（计划年度，例如 2027）' : undefined,
  ].filter((flag): flag is string => flag !== undefined);
  if (missing.length > 0 && !ask) {
    throw new UsageError(`缺少 ${missing.join('、')}；不在终端里运行时请用选项给出，例如 plandoc init --issuer 长寿镇 --year ${new Date().getFullYear() + 1}`);
  }
  const issuer = options.issuer ?? (await askUntilValid(ask!, '发文机关（例如 长寿镇）：', (answer) => answer || undefined));
  const year = options.year !== undefined
    ? parseYear(options.year) ?? usage(`年份 “${options.year}” 不对，应为四位数字，例如 2027`)
    : await askUntilValid(ask!, `计划年度（例如 ${new Date().getFullYear() + 1}）：`, parseYear);
  const kind = options.kind !== undefined
    ? parseKind(options.kind) ?? usage(`文种 “${options.kind}” 不对，可选：${PLAN_KINDS.join('、')}`)
    : ask
      ? await askUntilValid(ask, `文种（${PLAN_KINDS.join('、')}，直接回车为 工作计划）：`, (answer) => parseKind(answer || '工作计划'))
      : '工作计划';
  if (!issuer.trim()) usage('发文机关不能为空');
  return { issuer: issuer.trim(), year, kind };
}

function usage(message: string): never {
  throw new UsageError(message);
}

async function askUntilValid<T>(ask: Ask, question: string, parse: (answer: string) => T | undefined): Promise<T> {
  for (;;) {
    const value = parse((await ask(question)).trim());
    if (value !== undefined) return value;
    process.stderr.write('输入不对，请再输入一次。\n');
  }
}

export function parseYear(text: string): number | undefined {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1950 && year <= 2200 ? year : undefined;
}

function parseKind(text: string): PlanKind | undefined {
  return PLAN_KINDS.find((kind) => kind === text);
}

/** plans/长寿镇-2027.yaml when there is a plans/ folder here, else 长寿镇-2027.yaml. */
function defaultOutput(answers: Answers): string {
  // the issuer is user text: "../x" must not name a file outside plans/
  const name = safeFileName(`${answers.issuer}-${answers.year}.yaml`);
  return existsSync('plans') ? join('plans', name) : name;
}

/** A question on the terminal, or undefined when stdin is not one. */
export async function terminalAsk(): Promise<{ ask: Ask; close: () => void } | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return { ask: (question) => rl.question(question), close: () => rl.close() };
}
