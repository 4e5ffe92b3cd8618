/**
 * `batch`'s progress on stderr: one plain line per paper (count, outcome, time) with the rate so far and the
 * time left at that rate, so a log of a long run tells how far it got and a terminal shows when it will end.
 */
import type { PaperEntry } from '../collection/index.ts';

export interface BatchProgress {
  /** A paper was read or failed. */
  done(file: string, entry: PaperEntry, ms: number): void;
  /** A line about a paper that was not read (skipped, unreadable); it counts as finished. */
  line(text: string): void;
  /** A paper of another shard: not this run's, it leaves the total. */
  skip(): void;
}

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 3_600_000).toFixed(1)} h`;

export function createBatchProgress(total: number, stream: NodeJS.WritableStream = process.stderr): BatchProgress {
  const started = Date.now();
  let finished = 0;
  let readCount = 0;
  const counter = () => `[${finished}/${total}]`;
  return {
    done(file, entry, ms) {
      finished++;
      readCount++;
      const elapsed = Date.now() - started;
      const perMinute = (readCount / elapsed) * 60_000;
      const left = total - finished;
      const outcome = entry.failure ? `FAILED: ${entry.failure}` : `${entry.designCount} design(s), ${entry.pageCount} page(s)`;
      const eta = left > 0 ? `, about ${minutes((left / readCount) * elapsed)} left` : '';
      stream.write(`${counter()} ${file}: ${outcome} (${(ms / 1000).toFixed(1)} s) · ${perMinute.toFixed(1)} papers/min${eta}\n`);
    },
    line(text) {
      finished++;
      stream.write(`${counter()} ${text}\n`);
    },
    skip() {
      total--;
    },
  };
}
