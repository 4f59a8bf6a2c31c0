// plandoc build [DIR] [-o OUT] [--watch]: render every plan and progress file under DIR, only what changed.
import { InvalidArgumentError, type Command } from 'commander';
import { parseFormats } from './render.js';
import { UsageError } from './exit.js';

interface BuildFlags {
  out?: string;
  to?: string[];
  templates?: string;
  config?: string;
  jobs?: number;
  force?: boolean;
  watch?: boolean;
  verbose?: boolean;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('应为正整数，例如 --jobs 2。');
  return jobs;
}

export function register(program: Command): void {
  program
    .command('build')
    .description('生成目录下全部计划和进度文件（并行；只重新生成有变化的文件）')
    // defaults are applied in the action: commander would print them in English
    .argument('[目录]', '计划和进度 .yaml 所在的目录（默认 plans）')
    .option('-o, --out <目录>', '输出目录，子目录结构与输入相同（默认 out）')
    .option('--to <格式>', '输出格式：md、docx、pdf，用逗号分隔（默认 md,docx）', parseFormats)
    .option('--templates <目录>', '用这个目录里的模板替换自带模板')
    .option('--config <文件>', '配置文件（默认读取当前目录的 plandoc.config.yaml）')
    .option('-j, --jobs <个数>', '同时生成的文件数（默认为 CPU 核数；最多为 CPU 核数，且按每个 256 MB 不超过内存）', parseJobs)
    .option('--force', '不管有没有变化，全部重新生成')
    .option('-w, --watch', '生成后继续监视，文件保存后自动重新生成有变化的文件')
    .option('--verbose', '列出全部警告（默认只列前 3 个和总数）')
    .addHelpText('after', '\n上次生成的记录保存在 输出目录/.plandoc-build.json：计划、它引用的计划、模板、配置和 plandoc 版本都没变的文件会跳过。\n有文件失败时其余文件照常生成，最后退出码为 1。\n文件多时由几个生成进程并行生成：一个文件超过 120 秒仍未生成完即停止并报失败；build 结束（包括被强行结束）时生成进程随之退出。\n')
    .action(async (dir: string | undefined, flags: BuildFlags) => {
      const { runBuildCommand } = await import('../build/command.js');
      const build = () => runBuildCommand(dir ?? 'plans', { ...flags, out: flags.out ?? 'out', to: flags.to ?? ['md', 'docx'] });
      // a watching build keeps a warm renderer that plain render/check in this folder can use
      process.exitCode = flags.watch ? await (await import('../resident/server.js')).whileResident(build) : await build();
    });
}

/** Internal: the long-lived renderer `plandoc build` starts one of per lane. */
export function registerWorker(program: Command): void {
  program
    .command('render-worker', { hidden: true })
    .action(async () => {
      // typed by hand it would wait for requests forever
      if (process.stdin.isTTY) throw new UsageError('render-worker 是 plandoc build 内部使用的命令；要生成文件请用 plandoc render 或 plandoc build。');
      const { serveRenderRequests } = await import('../build/render-worker.js');
      await serveRenderRequests();
    });
}
