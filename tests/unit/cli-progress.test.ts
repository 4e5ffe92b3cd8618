/** The CLI's progress line (src/cli/progress.ts): a redrawn bar on a terminal, nothing elsewhere. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

const stream = (isTTY: boolean, columns = 80) => {
  const written: string[] = [];
  return { written, stream: { isTTY, columns, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
};

describe('createProgress', () => {
  it('on a terminal redraws one line with the bar, the count and the item, then clears it', () => {
    const { written, stream: tty } = stream(true);
    const progress = createProgress('eval papers', 4, tty);
    progress.advance('vgg.pdf');
    progress.advance('resnet.pdf');
    progress.done();
    expect(written).toEqual([
      `\r\x1b[2Keval papers [${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 vgg.pdf`,
      `\r\x1b[2Keval papers [${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 resnet.pdf`,
      '\r\x1b[2K',
    ]);
  });

  it('keeps the line within the terminal width', () => {
    const { written, stream: narrow } = stream(true, 40);
    createProgress('synth', 2, narrow).advance('x'.repeat(100));
    expect(written[0]!.replace('\r\x1b[2K', '')).toHaveLength(39);
  });

  it('writes nothing when stderr is a file or a pipe', () => {
    const { written, stream: pipe } = stream(false);
    const progress = createProgress('synth', 3, pipe);
    progress.advance('000000-keras2.png');
    progress.done();
    expect(written).toEqual([]);
  });
});
