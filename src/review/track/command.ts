// `plandoc diff OLD NEW -o 修订稿.docx --track-changes`: renders both revisions
// the way `render` does and writes the new one with the changes as Word
// revisions. Called by the diff command once both revisions have loaded.
import { writeFileAtomic } from '../../cli/io.js';
import { hasErrors, type Diagnostic } from '../../load/diagnostic.js';
import type { DiffCommandOptions, Revision } from '../../diff/command.js';
import { DEFAULT_AUTHOR, revisionDate } from './author.js';
import type { RevisionAuthor } from './marks.js';

/** Writes the 修订稿 and returns the exit code. */
export async function writeTrackedChanges(
  revisions: [Revision, Revision],
  paths: { renderAs: [string | undefined, string | undefined]; gitFile: string },
  options: DiffCommandOptions,
  color: boolean,
): Promise<number> {
  let who: RevisionAuthor;
  try {
    who = await revisionAuthor(options, paths.gitFile);
  } catch (error) {
    const { RevisionError } = await import('../../diff/git.js');
    if (!(error instanceof RevisionError)) throw error;
    process.stderr.write(`plandoc: ${error.message}\n`);
    return 1;
  }
  const { loadConfig } = await import('../../config/index.js');
  const config = await loadConfig({ cwd: process.cwd() });
  const sources = new Map(config.source ? [[config.source.file, config.source.text]] : []);
  if (hasErrors(config.diagnostics)) return reportErrors(config.diagnostics, sources, color);
  const { renderSourceDocx } = await import('../../render/index.js');
  const rendered = [];
  for (const [index, revision] of revisions.entries()) {
    rendered.push(await renderSourceDocx(paths.renderAs[index] ?? revision.name, revision.text, { templatesDir: config.config.templates, profile: config.config.profile }));
  }
  const [older, newer] = rendered;
  if (!older?.docx || !newer?.docx) {
    for (const result of rendered) for (const [name, text] of result.sources) sources.set(name, text);
    return reportErrors(rendered.flatMap((result) => result.diagnostics), sources, color);
  }
  const { trackedChangesDocx } = await import('./index.js');
  const tracked = trackedChangesDocx(older.docx, newer.docx, who);
  await writeFileAtomic(options.output!, tracked.docx);
  const { ins, del, moveTo } = tracked.counts;
  process.stderr.write(`已生成修订稿 ${options.output}（插入 ${ins} 处、删除 ${del} 处、移动 ${moveTo} 处；修订人 ${who.author}${who.date ? `，${who.date.replace('T', ' ')}` : ''}）\n`);
  return 0;
}

/** --author/--date, else the commit's author and date (--rev … --to), else git's user (--rev), else plandoc. */
async function revisionAuthor(options: DiffCommandOptions, gitFile: string): Promise<RevisionAuthor> {
  // checkTrackOptions has refused an empty author and a date that is not one
  const date = options.date === undefined ? undefined : revisionDate(options.date);
  const author = options.author?.trim();
  if (options.rev === undefined) return { author: author ?? DEFAULT_AUTHOR, date };
  const fromGit = await gitAuthor(options, gitFile);
  return { author: author ?? fromGit.author ?? DEFAULT_AUTHOR, date: date ?? fromGit.date };
}

async function gitAuthor(options: DiffCommandOptions, file: string): Promise<{ author?: string; date?: string }> {
  const { commitAuthor, gitUserName } = await import('../../diff/git.js');
  if (options.to === undefined) return { author: await gitUserName(file) };
  const commit = await commitAuthor(file, options.to);
  return { author: commit.author || undefined, date: revisionDate(commit.date) };
}

async function reportErrors(diagnostics: Diagnostic[], sources: Map<string, string>, color: boolean): Promise<number> {
  const { formatDiagnostics } = await import('../../load/format.js');
  process.stderr.write(`${formatDiagnostics(diagnostics.filter((d) => d.severity === 'error'), sources, { color })}\n`);
  process.stderr.write('plandoc: 有错误，没有生成修订稿。\n');
  return 1;
}
