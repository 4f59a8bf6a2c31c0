// The plain command lines the paths that run before the bundle loads
// (bin/resident.js, bin/build-unchanged.js) understand. Anything else — an
// unknown or repeated flag, `--flag=value`, a value that looks like a flag,
// `--` — returns undefined, and the command goes to commander as usual.
const { writeSync } = require('node:fs');

/**
 * `rest` (the arguments after the command) as { positional, flags }: `valued`
 * maps each flag that takes a value to its name, `switches` each flag that
 * takes none. Undefined when the line has anything else.
 */
function plainCommandLine(rest, valued, switches = {}) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) positional.push(arg);
    else if (Object.hasOwn(valued, arg) && !(valued[arg] in flags) && rest[i + 1] !== undefined && !rest[i + 1].startsWith('-')) flags[valued[arg]] = rest[++i];
    else if (Object.hasOwn(switches, arg) && !(switches[arg] in flags)) flags[switches[arg]] = true;
    else return undefined;
  }
  return { positional, flags };
}

/**
 * Writes `text` to the file descriptor in one synchronous write, as
 * process.stdout/stderr write to a file, pipe or terminal on Linux, without
 * setting those streams up. A reader that has gone away (EPIPE, `| head -1`)
 * ends the output, not the exit status, as in main().
 */
function writeAll(fd, text) {
  const bytes = Buffer.from(text);
  let pause;
  for (let written = 0; written < bytes.length; ) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      if (error.code !== 'EAGAIN') return;
      pause ??= new Int32Array(new SharedArrayBuffer(4));
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

module.exports = { plainCommandLine, writeAll };
