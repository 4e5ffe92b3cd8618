/**
 * Progress of a long command on stderr: on a terminal, one line that redraws itself (a bar, the count, the item
 * just finished) and is cleared at the end; elsewhere nothing, so logs and pipes carry only results and warnings.
 */
export interface Progress {
  /** One more item finished. */
  advance(label: string): void;
  /** Clears the line. */
  done(): void;
}

const BAR_WIDTH = 24;

export function createProgress(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { advance() {}, done() {} };
  let count = 0;
  return {
    advance(label) {
      count = Math.min(total, count + 1);
      const filled = Math.round((count / total) * BAR_WIDTH);
      const line = `${title} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}/${total} ${label}`;
      stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
