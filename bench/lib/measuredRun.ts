/**
 * Runs one command as its own process under GNU time and `timeout`: exit status, stderr, wall time and peak
 * resident memory (the largest of the process and its children, as `/usr/bin/time -f %M` reports it).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  /** Exit status; 124 or 137 when `timeout` stopped it. */
  status: number;
  stderr: string;
  /** Bytes written to stdout (kept in a file, not in memory). */
  stdoutBytes: number;
  wallMs: number;
  peakMb: number;
}

export function canMeasure(): boolean {
  return existsSync(GNU_TIME);
}

export function measuredRun(command: string, args: string[], timeoutSeconds: number): MeasuredRun {
  const dir = mkdtempSync(join(tmpdir(), 'p2n-measured-'));
  try {
    const usage = join(dir, 'usage');
    const stdoutFile = join(dir, 'stdout');
    const stdout = openSync(stdoutFile, 'w');
    const started = performance.now();
    const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', usage, 'timeout', '-s', 'KILL', String(timeoutSeconds), command, ...args], {
      stdio: ['ignore', stdout, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 2 ** 28,
    });
    const wallMs = performance.now() - started;
    closeSync(stdout);
    // GNU time writes "Command exited with non-zero status N" or "Command terminated by signal N" before the figure.
    const kb = Number(readFileSync(usage, 'utf8').trim().split('\n').at(-1));
    return { status: result.status ?? 1, stderr: result.stderr, stdoutBytes: readFileSync(stdoutFile).length, wallMs, peakMb: kb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
