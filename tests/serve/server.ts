// A workbench over a scratch copy of plans/, for the serve tests.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { ROOT } from '../helpers/cli.js';

export interface Workbench {
  dir: string;
  server: RunningServer;
  base: string;
  close: () => Promise<void>;
}

export async function startWorkbench(): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), 'plandoc-serve-'));
  cpSync(join(ROOT, 'plans'), dir, { recursive: true });
  const server = await startServer({ root: dir });
  return {
    dir,
    server,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
