// The serve command: pick the folder, start the server, print the address,
// optionally open a browser, stop cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { EXIT_INPUT, EXIT_OK } from '../cli/exit.js';
import { startServer } from './index.js';

export async function runServe(dir: string | undefined, flags: { port?: number; open?: boolean }): Promise<number> {
  const root = dir ?? (existsSync('plans') ? 'plans' : '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    process.stderr.write(`plandoc: 找不到目录“${root}”。\n`);
    return EXIT_INPUT;
  }
  let server;
  try {
    server = await startServer({ root, port: flags.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(code === 'EADDRINUSE' ? `plandoc: 端口 ${flags.port} 已被占用，换一个端口（--port），或者不写 --port 让工作台自己选。\n` : `plandoc: 工作台无法启动：${(error as Error).message}\n`);
    return EXIT_INPUT;
  }
  // listen for Ctrl+C before printing the address: a script may stop the workbench as soon as it reads it
  const stopped = new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write(`工作台已启动（目录 ${root}）：\n  ${server.url}\n在浏览器里打开上面的地址；按 Ctrl+C 结束。\n`);
  if (flags.open) openBrowser(server.url);
  await stopped;
  return EXIT_OK;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => process.stderr.write('没能自动打开浏览器，请手动打开上面的地址。\n')).unref();
  } catch {
    process.stderr.write('没能自动打开浏览器，请手动打开上面的地址。\n');
  }
}
