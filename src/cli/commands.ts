// One line per command; each command file registers itself.
import type { Command } from 'commander';
import * as check from './check.js';
import * as schema from './schema.js';
import * as lint from './lint.js';
import * as render from './render.js';
import * as status from './status.js';
import * as importCommand from './import.js';
import * as diff from './diff.js';
import * as init from './init.js';
import * as rollover from './rollover.js';
import * as build from './build.js';
import * as serve from './serve.js';
import * as sheet from './sheet.js';
import * as collect from './collect.js';
import * as apply from './apply.js';

export function registerCommands(program: Command): void {
  check.register(program);
  schema.register(program);
  render.register(program);
  status.register(program);
  lint.register(program);
  importCommand.register(program);
  diff.register(program);
  init.register(program);
  rollover.register(program);
  build.register(program);
  sheet.register(program);
  collect.register(program);
  apply.register(program);
  build.registerWorker(program);
  serve.register(program);
}
