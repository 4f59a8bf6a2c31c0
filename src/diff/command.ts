// `plandoc diff`: the I/O edge of the plan diff. Reads two revisions (files or
// git revisions), loads them with positions, and prints or writes the change list.
import { dirname, extname, join } from 'node:path';
import { UsageError } from '../cli/exit.js';
import { writeFileAtomic } from '../cli/io.js';
import { hasErrors, type Diagnostic } from '../load/diagnostic.js';
import { decodeSource, readSourceFile } from '../load/source.js';
import type { Plan } from '../model/plan.js';
import type { Progress } from '../model/progress.js';
import { diffPlans, type PlanDiff } from './index.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from './format.js';
import { readRevision, RevisionError } from './git.js';
import { planOutlineText } from './textconv.js';
import { revisionDate } from '../review/track/author.js';

export type DiffFormat = 'text' | 'md' | 'json' | 'docx';
export interface DiffCommandOptions {
  rev?: string;
  to?: string;
  format?: DiffFormat;
  output?: string;
  exitCode?: boolean;
  textconv?: boolean;
  /** called by git as an external diff driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
  gitExternal?: boolean;
  /** colour on the terminal; undefined: only when stdout is a TTY */
  color?: boolean;
  /** write NEW as a 修订稿 with the changes as Word revisions (-o FILE.docx) */
  trackChanges?: boolean;
  /** the revisions' author (default: the commit's author with --rev --to, git's user.name with --rev, else plandoc) */
  author?: string;
  /** the revisions' date (default: the commit's date with --rev --to, else none) */
  date?: string;
}

export interface Revision {
  name: string;
  /** '' when the file could not be read (see readProblems) */
  text: string;
  /** why the bytes are not a plan's text (missing, binary, GBK…), as for check */
  readProblems: Diagnostic[];
}

/** Runs the command and returns the exit code. Throws UsageError for wrong usage. */
export async function runDiff(files: string[], options: DiffCommandOptions): Promise<number> {
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  if (options.textconv) return printOutline(files);
  if (!options.trackChanges && (options.author !== undefined || options.date !== undefined)) {
    throw new UsageError('--author 和 --date 只用于 --track-changes（生成 Word 修订稿）');
  }
  const format = options.trackChanges ? checkTrackOptions(options) : chooseFormat(options);
  const notYaml = options.gitExternal ? undefined : files.find((file) => !/\.ya?ml$/i.test(file));
  if (notYaml !== undefined) {
    process.stderr.write(`plandoc: “${notYaml}”不是计划文件或进度文件（.yaml）：plandoc diff 比较同一份计划或进度文件的两个版本。\n`);
    return 1;
  }
  let revisions: [Revision, Revision];
  try {
    revisions = await readRevisions(files, options);
  } catch (error) {
    if (error instanceof RevisionError) {
      process.stderr.write(`plandoc: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (options.gitExternal && (isAbsent(revisions[0]) || isAbsent(revisions[1]))) {
    process.stdout.write(`${isAbsent(revisions[1]) ? '删除' : '新增'}计划文件 ${files[0]}\n`);
    return 0;
  }
  const { isProgressSource } = await import('../load/index.js');
  const kinds = revisions.map((revision) => (isAbsent(revision) || !isProgressSource(revision.text) ? 'plan' : 'progress'));
  if (kinds[0] !== kinds[1]) {
    process.stderr.write(`plandoc: ${revisions[0].name} 是${KIND_NAMES[kinds[0]!]}，${revisions[1].name} 是${KIND_NAMES[kinds[1]!]}：只能比较同一种文件的两个版本。\n`);
    return options.gitExternal ? 0 : 1;
  }
  const compared = kinds[0] === 'progress' ? await compareProgress(revisions, files, options, color) : await comparePlans(revisions, color);
  // git stops the whole diff when its external driver fails: report, but let it go on
  if (!compared) return options.gitExternal ? 0 : 1;
  if (options.trackChanges) {
    const { writeTrackedChanges } = await import('../review/track/command.js');
    return writeTrackedChanges(revisions, { renderAs: revisionPaths(files, options, kinds[0] === 'progress'), gitFile: files[0]! }, options, color);
  }
  await writeResult(compared.diff, format, compared.title, revisions, options, color);
  return options.exitCode && compared.diff.changes.length > 0 ? 1 : 0;
}

const KIND_NAMES = { plan: '计划文件', progress: '进度文件（有 period）' } as const;

interface Compared {
  diff: PlanDiff;
  /** the title of the 修订对照表 */
  title: string;
}

async function comparePlans(revisions: [Revision, Revision], color: boolean): Promise<Compared | undefined> {
  const plans = await loadBoth(revisions, color);
  return plans && { diff: diffPlans(plans[0], plans[1]), title: plans[1].title };
}

/**
 * Progress files are compared as data: each revision is checked against the
 * progress schema only, since the plan it names is resolved from where the
 * file really lives (a git revision's temporary copy has no plan beside it).
 * The plan, when readable, only lends names to metric and task ids.
 */
async function compareProgress(revisions: [Revision, Revision], files: string[], options: DiffCommandOptions, color: boolean): Promise<Compared | undefined> {
  const { loadYamlSource } = await import('../load/index.js');
  const { progressSchema } = await import('../summary/index.js');
  const loaded = revisions.map((revision) => (hasErrors(revision.readProblems)
    ? { diagnostics: revision.readProblems, value: undefined, source: revision.text }
    : loadYamlSource<Progress>(revision.text, revision.name, { schema: progressSchema, noun: '进度文件' })));
  const [older, newer] = loaded;
  if (!older?.value || !newer?.value) {
    await reportLoadErrors(loaded.flatMap((l) => l.diagnostics), revisions, color, '进度文件');
    return undefined;
  }
  const livesAt = options.gitExternal || options.rev !== undefined ? files[0]! : files[1]!;
  const plan = await planOf(newer.value, livesAt);
  const { diffProgress, namesFrom } = await import('./progress.js');
  const { periodLabel } = await import('../summary/sentences.js');
  const title = `${newer.value.issuer ?? ''}${periodLabel(newer.value.period)}进度`;
  return { diff: diffProgress(older.value, newer.value, namesFrom(plan, newer.value)), title };
}

/** The plan a progress file names, read from beside the file's real location; undefined when unreadable. */
async function planOf(progress: Progress, livesAt: string): Promise<Plan | undefined> {
  if (progress.plan === undefined) return undefined;
  const { loadPlanFile } = await import('../load/index.js');
  return (await loadPlanFile(join(dirname(livesAt), progress.plan))).value;
}

function chooseFormat(options: DiffCommandOptions): DiffFormat {
  const byExtension: Record<string, DiffFormat> = { '.docx': 'docx', '.md': 'md', '.json': 'json' };
  const format = options.format ?? (options.output ? byExtension[extname(options.output).toLowerCase()] : undefined) ?? 'text';
  if (format === 'docx' && !options.output) throw new UsageError('DOCX 格式的修订对照表需要用 -o 指定输出文件，例如 -o 修订对照表.docx');
  return format;
}

/** --track-changes writes a .docx: the usage it needs, checked before anything is read. */
function checkTrackOptions(options: DiffCommandOptions): DiffFormat {
  if (options.gitExternal || options.textconv) throw new UsageError('--track-changes 不能和 --git-external、--textconv 一起用');
  if (options.format !== undefined && options.format !== 'docx') throw new UsageError(`--track-changes 生成 .docx 修订稿，不能用 --format ${options.format}`);
  if (!options.output || extname(options.output).toLowerCase() !== '.docx') {
    throw new UsageError('--track-changes 需要用 -o 指定输出的 .docx 文件，例如 -o 修订稿.docx');
  }
  if (options.author !== undefined && !options.author.trim()) throw new UsageError('--author 后面要写修订人的名字');
  if (options.date !== undefined && revisionDate(options.date) === undefined) {
    throw new UsageError(`--date “${options.date}”不是有效的日期；写成 2026-03-01 或 2026-03-01T09:30`);
  }
  return 'docx';
}

/**
 * The path each revision is rendered as: its own name for a plan (what its
 * messages show), the real file for a progress file, whose plan is found
 * beside it (a git revision has no folder of its own).
 */
function revisionPaths(files: string[], options: DiffCommandOptions, isProgress: boolean): [string | undefined, string | undefined] {
  if (!isProgress) return [undefined, undefined];
  return options.rev !== undefined ? [files[0], files[0]] : [files[0], files[1]];
}

/** Read like every other plan input: size limit, binary and encoding checks. */
async function readWorkingFile(file: string, name = file): Promise<Revision> {
  const read = await readSourceFile(file, name);
  return { name, text: read.text ?? '', readProblems: read.diagnostics };
}

async function readGitRevision(file: string, rev: string): Promise<Revision> {
  const { name, bytes } = await readRevision(file, rev);
  const decoded = decodeSource(bytes, name);
  return { name, text: decoded.text ?? '', readProblems: decoded.diagnostics };
}

/** The empty side git gives an external driver for an added or deleted file. */
function isAbsent(revision: Revision): boolean {
  return revision.text === '' && revision.readProblems.length === 0;
}

async function readRevisions(files: string[], options: DiffCommandOptions): Promise<[Revision, Revision]> {
  if (options.gitExternal) return readGitExternal(files);
  if (options.rev !== undefined) {
    if (files.length !== 1) throw new UsageError('用 --rev 时只给一个文件：plandoc diff 文件 --rev 版本 [--to 版本]');
    const file = files[0]!;
    const older = await readGitRevision(file, options.rev);
    const newer = options.to !== undefined ? await readGitRevision(file, options.to) : await readWorkingFile(file);
    return [older, newer];
  }
  if (options.to !== undefined) throw new UsageError('--to 要和 --rev 一起用：plandoc diff 文件 --rev 版本 --to 版本');
  if (files.length !== 2) throw new UsageError('需要两个文件（plandoc diff 旧文件 新文件），或者一个文件加 --rev 版本');
  return [await readWorkingFile(files[0]!), await readWorkingFile(files[1]!)];
}

/**
 * git runs an external driver with the path and both versions as temporary
 * files; a side that does not exist (an added or deleted file) is /dev/null.
 */
async function readGitExternal(files: string[]): Promise<[Revision, Revision]> {
  if (files.length !== 7) throw new UsageError('--git-external 由 git 调用（diff.plandoc.command），参数应为 git 给出的 7 个');
  const [path, oldFile, , , newFile] = files as [string, string, string, string, string];
  const read = async (file: string, name: string): Promise<Revision> =>
    file === '/dev/null' ? { name, text: '', readProblems: [] } : readWorkingFile(file, name);
  return [await read(oldFile, `a/${path}`), await read(newFile, `b/${path}`)];
}

async function loadBoth(revisions: [Revision, Revision], color: boolean): Promise<[Plan, Plan] | undefined> {
  const { loadPlanSource } = await import('../load/index.js');
  const results = revisions.map((revision) =>
    hasErrors(revision.readProblems) ? { diagnostics: revision.readProblems, value: undefined } : loadPlanSource(revision.text, revision.name));
  const diagnostics: Diagnostic[] = results.flatMap((result) => result.diagnostics);
  const [older, newer] = results;
  if (hasErrors(diagnostics) || !older?.value || !newer?.value) {
    await reportLoadErrors(diagnostics, revisions, color, '计划文件');
    return undefined;
  }
  return [older.value, newer.value];
}

async function reportLoadErrors(diagnostics: Diagnostic[], revisions: [Revision, Revision], color: boolean, noun: string): Promise<void> {
  const { formatDiagnostics } = await import('../load/format.js');
  const sources = new Map(revisions.map((revision) => [revision.name, revision.text]));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  process.stderr.write(`${formatDiagnostics(errors, sources, { color })}\n`);
  process.stderr.write(`plandoc: ${noun}有错误，无法比较；请先改正上面的问题（可以用 plandoc check 检查）。\n`);
}

async function writeResult(
  diff: PlanDiff,
  format: DiffFormat,
  title: string,
  revisions: [Revision, Revision],
  options: DiffCommandOptions,
  color: boolean,
): Promise<void> {
  const names = { from: revisions[0].name, to: revisions[1].name };
  if (format === 'docx') {
    const { diffTableDocx } = await import('./docx.js');
    await writeFileAtomic(options.output!, await diffTableDocx(formatDiffMarkdown(diff, { title })));
    process.stderr.write(`已生成修订对照表 ${options.output}（${diff.changes.length} 处修改）\n`);
    return;
  }
  const output = format === 'md'
    ? formatDiffMarkdown(diff, { title })
    : format === 'json'
      ? formatDiffJson(diff, names)
      : formatDiffText(diff, { ...names, color: color && !options.output });
  if (options.output) {
    await writeFileAtomic(options.output, output);
    process.stderr.write(`已写入 ${options.output}（${diff.changes.length} 处修改）\n`);
  } else {
    // a closed pipe (`| head`) is handled for every command in cli/main.ts: output stops, the exit status stays the work's
    process.stdout.write(output);
  }
}

/** `--textconv FILE`: the numbered-free outline git diffs line by line. */
async function printOutline(files: string[]): Promise<number> {
  if (files.length !== 1) throw new UsageError('--textconv 只接受一个文件');
  const file = files[0]!;
  // read within the input bound: a device or FIFO given here must not hang git diff
  const { text, diagnostics } = await readSourceFile(file);
  if (text === undefined) {
    const { formatDiagnostics } = await import('../load/format.js');
    process.stderr.write(`${formatDiagnostics(diagnostics, new Map(), { color: false })}\n`);
    return 1;
  }
  const { loadPlanSource } = await import('../load/index.js');
  const result = loadPlanSource(text, file);
  // a file with errors still has to show up in git diff: fall back to its text
  process.stdout.write(result.value ? planOutlineText(result.value) : text);
  return 0;
}
