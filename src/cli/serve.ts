// plandoc serve [DIR] [--port N] [--open]
import { InvalidArgumentError, type Command } from 'commander';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError('端口是 1 到 65535 之间的整数，例如 --port 8080。');
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('打开本机工作台：在浏览器里编辑计划、看 A4 页面实时预览、录入进度、比较修订、下载公文')
    .argument('[目录]', '计划文件所在的目录（默认 plans/，没有 plans/ 时为当前目录）')
    .option('--port <端口>', '监听的端口（默认随机选一个空闲端口）', parsePort)
    .option('--open', '启动后用默认浏览器打开工作台')
    .addHelpText('after', '\n只在本机 127.0.0.1 上监听；地址里带一个随机令牌，只有拿到这个地址的人能打开。按 Ctrl+C 结束。\n\n例子：\n  plandoc serve\n  plandoc serve plans --port 8080 --open\n')
    .action(async (dir: string | undefined, flags: { port?: number; open?: boolean }) => {
      const { runServe } = await import('../serve/command.js');
      const { whileResident } = await import('../resident/server.js');
      process.exitCode = await whileResident(() => runServe(dir, flags));
    });
}
