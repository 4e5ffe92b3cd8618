// Preloaded with `node --import ./bench/lib/cpuAtExit.mjs …`: at exit, the process's CPU time (user + system, every
// thread) goes to stderr as its last line, "cpu-ms N". Wall time on a loaded shared machine swings with the other
// users; CPU time is what the process itself spent, so a ratio of CPU times holds under load.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `cpu-ms ${Math.round((user + system) / 1000)}\n`);
});
