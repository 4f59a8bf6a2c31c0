// The I/O edge of `plandoc apply`: read the edited DOCX and the plan, print
// the change list, check the result with the rules of `check`, and write the
// plan in place only when all of that passed. A refused document, a plan with
// errors or a result that fails the check leaves the plan byte for byte as it was.
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../load/diagnostic.js';
import { formatDiagnostics } from '../../load/format.js';
import { readSourceFile } from '../../load/source.js';
import { readBounded, type ReadRefusal } from '../../io/read.js';
import { writeSourceInPlace } from '../../io/inplace.js';
import { FileIoError } from '../../io/errors.js';
import { YamlEditError } from '../../edit/index.js';
import { EXIT_INPUT, EXIT_OK } from '../../cli/exit.js';
import { checkSource } from '../../check/index.js';
import { renderPlanInMemory } from '../../index.js';
import { parseYaml } from '../../load/yaml.js';
import { DocxRefusal, planApply } from './index.js';
import { formatChangeList, summaryLine } from './report.js';

export interface ApplyFlags {
  onto: string;
  dryRun?: boolean;
  acceptTargets?: boolean;
}

/** A leader's edited plan is tens of KB to a few MB; Word files with images stay well under this. */
const MAX_DOCX_BYTES = 30 * 1024 * 1024;

const color = (): boolean => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

export async function runApply(editedPath: string, flags: ApplyFlags): Promise<number> {
  const plan = await readSourceFile(flags.onto);
  if (plan.text === undefined) return failWith(plan.diagnostics, new Map(), `${flags.onto} 无法读取，没有写回。`);
  const edited = await readBounded(editedPath, MAX_DOCX_BYTES);
  if (edited.refusal) return refuse(editedPath, refusalText(edited.refusal), flags.onto);
  let outcome;
  try {
    outcome = await planApply(flags.onto, plan.text, edited.bytes, { acceptTargets: flags.acceptTargets === true });
  } catch (error) {
    if (error instanceof DocxRefusal) return refuse(editedPath, error.message, flags.onto);
    if (error instanceof YamlEditError) return refuse(flags.onto, `这份计划的写法无法原样改写（${error.message}），请手工修改`, flags.onto);
    throw error;
  }
  if (!outcome.ok) return failWith(outcome.diagnostics, new Map([[flags.onto, plan.text]]), `${flags.onto} 本身有错误，先用 plandoc check 改正后再写回。`);
  const parsed = parseYaml(plan.text, flags.onto);
  process.stdout.write(formatChangeList(outcome.list, { file: flags.onto, parsed, acceptTargets: flags.acceptTargets === true }));
  const problems = await resultProblems(outcome.after, flags.onto);
  if (hasErrors(problems)) return failWith(problems, new Map([[flags.onto, outcome.after]]), `写回后的计划会有上面的错误，${flags.onto} 没有改动。`);
  return finish(plan.text, outcome.after, flags, summaryLine(outcome.list));
}

/** What `check` says about the new text, and anything compose would refuse. */
async function resultProblems(after: string, file: string): Promise<Diagnostic[]> {
  const report = await checkSource(after, file);
  if (hasErrors(report.diagnostics)) return report.diagnostics;
  return (await renderPlanInMemory(after, file)).diagnostics;
}

async function finish(before: string, after: string, flags: ApplyFlags, summary: string): Promise<number> {
  if (before === after) {
    process.stderr.write(`${flags.onto} 没有需要写回的改动（${summary}）。\n`);
    return EXIT_OK;
  }
  if (flags.dryRun) {
    process.stderr.write(`以上是将写回 ${flags.onto} 的改动（${summary}）；去掉 --dry-run 即写入。\n`);
    return EXIT_OK;
  }
  try {
    await writeSourceInPlace(flags.onto, after);
  } catch (error) {
    if (!(error instanceof FileIoError)) throw error;
    process.stderr.write(`plandoc: ${error.message}\n`);
    return EXIT_INPUT;
  }
  process.stderr.write(`已写回 ${flags.onto}：${summary}。用 git diff ${flags.onto} 查看改动。\n`);
  return EXIT_OK;
}

function refuse(file: string, message: string, plan: string): number {
  process.stderr.write(`${file}: 错误 [apply-input] ${message}。\n${plan} 没有改动。\n`);
  return EXIT_INPUT;
}

function failWith(diagnostics: Diagnostic[], sources: Map<string, string>, closing: string): number {
  if (diagnostics.length) process.stderr.write(formatDiagnostics(sortDiagnostics(diagnostics), sources, { color: color() }));
  process.stderr.write(`${closing}\n`);
  return EXIT_INPUT;
}

function refusalText(refusal: ReadRefusal): string {
  switch (refusal.kind) {
    case 'missing':
      return '找不到这个文件';
    case 'directory':
      return '这是一个文件夹，不是 .docx 文件';
    case 'special':
      return `这是${refusal.what}，不是普通文件`;
    case 'too-large':
      return `文件太大（${refusal.atLeast ? '超过 ' : ''}${Math.round(refusal.bytes / 1024 / 1024)} MB），上限是 ${MAX_DOCX_BYTES / 1024 / 1024} MB：请检查是不是选错了文件`;
    case 'unreadable':
      return `无法读取这个文件（${refusal.code ?? '未知原因'}）`;
  }
}
