/**
 * `batch`'s progress on stderr. On a terminal: one bar at the bottom that redraws itself (done/total, the rate
 * so far, the time left at that rate, the papers being read), with a lasting line above it only for a paper
 * that failed or was not read, so the screen ends with what needs a look. Elsewhere (a log, a pipe): one plain
 * line per paper with the same count, rate and time left, so a log of a long run tells how far it got.
 */
import type { PaperEntry } from '../collection/index.ts';

export interface BatchProgress {
  /** A paper's reading began. */
  start(file: string): void;
  /** A paper was read or failed. */
  done(file: string, entry: PaperEntry, ms: number): void;
  /** A line about a paper that was not read (skipped, unreadable); it counts as finished. */
  line(text: string, lasting?: boolean): void;
  /** A paper of another shard: not this run's, it leaves the total. */
  skip(): void;
  /** The run is over: the bar is cleared. */
  end(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 20;
const CLEAR_LINE = '\r\x1b[2K';

const duration = (ms: number): string =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 3_600_000).toFixed(1)} h`;

export function createBatchProgress(total: number, stream: ProgressStream = process.stderr, now: () => number = Date.now): BatchProgress {
  const started = now();
  const tty = stream.isTTY === true;
  const reading = new Set<string>();
  let finished = 0;
  let readCount = 0;
  const counter = () => `[${finished}/${total}]`;
  /** "40.3 papers/min, about 40 s left", from the papers read (not the skipped ones) so far. */
  const pace = () => {
    if (readCount === 0) return '';
    const elapsed = Math.max(1, now() - started);
    const left = total - finished;
    return `${((readCount / elapsed) * 60_000).toFixed(1)} papers/min${left > 0 ? `, about ${duration((left / readCount) * elapsed)} left` : ''}`;
  };
  const bar = () => {
    const filled = total > 0 ? Math.round((finished / total) * BAR_WIDTH) : BAR_WIDTH;
    const parts = [
      `batch [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${finished}/${total}`,
      pace(),
      reading.size ? `reading ${[...reading].join(', ')}` : '',
    ];
    const text = parts.filter(Boolean).join(' · ');
    stream.write(`${CLEAR_LINE}${text.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
  };
  /** A line that stays: on a terminal it goes above the bar, which is drawn again below it. */
  const lasting = (text: string) => {
    if (!tty) return stream.write(`${text}\n`);
    stream.write(`${CLEAR_LINE}${text}\n`);
    bar();
  };
  return {
    start(file) {
      reading.add(file);
      if (tty) bar();
    },
    done(file, entry, ms) {
      reading.delete(file);
      finished++;
      readCount++;
      const outcome = entry.failure ? `FAILED: ${entry.failure}` : `${entry.designCount} design(s), ${entry.pageCount} page(s)`;
      const text = `${counter()} ${file}: ${outcome} (${(ms / 1000).toFixed(1)} s)`;
      if (!tty) stream.write(`${text} · ${pace()}\n`);
      else if (entry.failure) lasting(text);
      else bar();
    },
    line(text, keep = true) {
      finished++;
      if (keep || !tty) lasting(`${counter()} ${text}`);
      else bar();
    },
    skip() {
      total--;
    },
    end() {
      if (tty) stream.write(CLEAR_LINE);
    },
  };
}
