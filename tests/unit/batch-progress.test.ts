/** `batch`'s progress (src/cli/batchProgress.ts): a bar with rate and time left on a terminal, plain lines elsewhere. */
import { describe, expect, it } from 'vitest';
import { createBatchProgress, type ProgressStream } from '../../src/cli/batchProgress.ts';
import type { PaperEntry } from '../../src/collection/index.ts';

const fakeStream = (isTTY: boolean, columns = 200) => {
  const written: string[] = [];
  const stream: ProgressStream = { isTTY, columns, write: (text: string) => written.push(text) };
  return { written, stream };
};
/** A clock the test moves. */
const clock = () => {
  const state = { ms: 0 };
  return { state, now: () => state.ms };
};
const read = (designCount: number, pageCount: number): PaperEntry => ({
  id: 'a',
  sha256: 'a',
  file: 'x.pdf',
  title: 'x',
  designCount,
  pageCount,
  layerTypes: {},
});
const failed = (failure: string): PaperEntry => ({ id: 'b', sha256: 'b', file: 'y.pdf', title: 'y', designCount: 0, layerTypes: {}, failure });
/** The screen a terminal shows after these writes: \r\x1b[2K clears the current line, \n ends it. */
const screen = (written: string[]) =>
  written
    .join('')
    .split('\n')
    .map((line) => line.split('\r\x1b[2K').at(-1)!);

describe('createBatchProgress on a terminal', () => {
  it('redraws one bar with the count, papers/min, the time left and the papers being read', () => {
    const { written, stream } = fakeStream(true);
    const { state, now } = clock();
    const progress = createBatchProgress(4, stream, now);
    progress.start('vgg.pdf');
    progress.start('lenet.pdf');
    expect(screen(written)).toEqual([`batch [${'.'.repeat(20)}] 0/4 · reading vgg.pdf, lenet.pdf`]);
    state.ms = 30_000;
    progress.done('vgg.pdf', read(6, 14), 30_000);
    // One paper in 30 s: 2 papers/min; three left at that rate: 90 s.
    expect(screen(written)).toEqual([`batch [${'#'.repeat(5)}${'.'.repeat(15)}] 1/4 · 2.0 papers/min, about 1.5 min left · reading lenet.pdf`]);
    expect(written.every((w) => w.startsWith('\r\x1b[2K'))).toBe(true);
  });

  it('keeps a failed paper as a line above the bar, and clears the bar at the end', () => {
    const { written, stream } = fakeStream(true);
    const { state, now } = clock();
    const progress = createBatchProgress(3, stream, now);
    progress.start('damaged.pdf');
    state.ms = 1_000;
    progress.done('damaged.pdf', failed('Invalid PDF structure.'), 1_000);
    progress.line('old.pdf: skipped (already read)', false);
    progress.line('gone.pdf: cannot read the file (ENOENT); not recorded');
    expect(screen(written)).toEqual([
      '[1/3] damaged.pdf: FAILED: Invalid PDF structure. (1.0 s)',
      '[3/3] gone.pdf: cannot read the file (ENOENT); not recorded',
      `batch [${'#'.repeat(20)}] 3/3 · 60.0 papers/min`,
    ]);
    progress.end();
    expect(screen(written).at(-1)).toBe('');
  });

  it('keeps the bar within the terminal width', () => {
    const { written, stream } = fakeStream(true, 40);
    createBatchProgress(2, stream, () => 0).start('x'.repeat(100));
    expect(written[0]!.replace('\r\x1b[2K', '')).toHaveLength(39);
  });
});

describe('createBatchProgress in a log or a pipe', () => {
  it('writes one plain line per paper with the rate and time left, no bar and no control characters', () => {
    const { written, stream } = fakeStream(false);
    const { state, now } = clock();
    const progress = createBatchProgress(3, stream, now);
    progress.skip();
    progress.start('vgg.pdf');
    state.ms = 20_000;
    progress.done('vgg.pdf', read(6, 14), 20_000);
    progress.line('old.pdf: skipped (already read)', false);
    progress.end();
    expect(written).toEqual(['[1/2] vgg.pdf: 6 design(s), 14 page(s) (20.0 s) · 3.0 papers/min, about 20 s left\n', '[2/2] old.pdf: skipped (already read)\n']);
  });
});
