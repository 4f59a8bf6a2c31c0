// Watches one directory tree with one non-recursive watcher per directory.
// Node's own recursive watch on Linux loses track of a file once an editor has
// replaced it (write a temporary file, rename it over the original), so every
// later save of that file went unnoticed. A watcher per directory sees each
// name that changes in it, however the file was written.
//
// The tree's root can disappear (a sync tool moves it, a branch switch deletes
// and re-creates it): the tree then reports `vanished`, polls until the root is
// back, re-attaches and reports `reappeared`.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface TreeEvents {
  /** watch the directories below the root too */
  recursive: boolean;
  change(path: string): void;
  vanished(root: string): void;
  reappeared(root: string): void;
}

const ROOT_POLL_MS = 250;

export class WatchedTree {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly poll: NodeJS.Timeout;
  private present = true;
  private rootIdentity = '';
  private checking = false;

  private constructor(
    private readonly root: string,
    private readonly events: TreeEvents,
  ) {
    // the interval also keeps the process alive while nothing is watched
    this.poll = setInterval(() => void this.checkRoot(), ROOT_POLL_MS);
  }

  static async open(root: string, events: TreeEvents): Promise<WatchedTree> {
    const tree = new WatchedTree(root, events);
    tree.rootIdentity = await identity(root);
    await tree.attach(root);
    return tree;
  }

  /** false while the root is gone */
  get attached(): boolean {
    return this.present;
  }

  close(): void {
    clearInterval(this.poll);
    this.detachAll();
  }

  private async attach(dir: string): Promise<void> {
    if (this.watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (name) void this.onEvent(join(dir, name.toString()));
      });
    } catch {
      return; // gone again already; the root poll or the parent's event catches up
    }
    watcher.on('error', () => this.detach(dir));
    this.watchers.set(dir, watcher);
    if (!this.events.recursive) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) await this.attach(join(dir, entry.name));
  }

  private async onEvent(path: string): Promise<void> {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      if (this.events.recursive && !this.watchers.has(path)) await this.attach(path);
    } else if (this.watchers.has(path)) {
      this.detachBelow(path);
    }
    if (this.present) this.events.change(path);
  }

  private async checkRoot(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const now = await identity(this.root);
      if (this.present && now !== this.rootIdentity) {
        // gone, or replaced by another directory of the same name between two polls
        this.present = false;
        this.detachAll();
        this.events.vanished(this.root);
      }
      if (!this.present && now !== '') {
        this.present = true;
        this.rootIdentity = now;
        await this.attach(this.root);
        this.events.reappeared(this.root);
      }
    } finally {
      this.checking = false;
    }
  }

  private detach(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private detachBelow(dir: string): void {
    for (const path of [...this.watchers.keys()]) if (path === dir || path.startsWith(`${dir}/`)) this.detach(path);
  }

  private detachAll(): void {
    for (const dir of [...this.watchers.keys()]) this.detach(dir);
  }
}

/** device and inode of a directory, '' when it is not there */
async function identity(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : '';
}
