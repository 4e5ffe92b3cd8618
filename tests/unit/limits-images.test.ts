/**
 * Images too large to decode are refused from their header, before decoding: the header reader agrees with
 * the decoders on every corpus image, and `classify` / `figure` on a 30,000 px PNG end in one clear line; a PNG
 * cut short is named as such. classify decodes and classifies in a worker thread within limits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/index.ts';
import { decodeImage, DEFAULT_MODEL } from '../../src/cli/classify.ts';
import type { ClassifyTask } from '../../src/cli/classifyTask.ts';
import { checkImageSize, imageSize } from '../../src/cli/imageHeader.ts';
import { LimitError, runIsolated } from '../../src/cli/isolate.ts';
import { hugePng } from '../support/hostile-images.ts';

const CORPUS = '/work/shared/corpus/images';
const BIN = new URL('../../bin/paper2net.mjs', import.meta.url).pathname;

describe('image size limits', () => {
  it('reads the pixel size of every corpus PNG and JPEG from its header, as the decoders find it', () => {
    const files = ['arch', 'other'].flatMap((dir) => readdirSync(join(CORPUS, dir)).map((f) => join(CORPUS, dir, f)));
    expect(files.some((f) => f.endsWith('.jpg'))).toBe(true);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const decoded = decodeImage(bytes, file);
      expect(imageSize(bytes), file).toEqual([decoded.width, decoded.height]);
    }
  });

  it('refuses an image over the budget by its header, naming the file, the size and the limit', () => {
    expect(() => checkImageSize(hugePng(30_000), 'huge.png')).toThrow(
      'huge.png: 30000 × 30000 px (900.0 Mpx) is over the 33.6 Mpx image limit; scale it down first',
    );
    expect(() => checkImageSize(hugePng(1000), 'small.png')).not.toThrow();
  });

  it('CLI: classify and figure on a 30,000 px PNG exit 1 with that one line, without decoding it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'p2n-image-'));
    const file = join(dir, 'huge.png');
    writeFileSync(file, hugePng(30_000));
    for (const command of ['classify', 'figure']) {
      const result = spawnSync(process.execPath, [BIN, command, file], { encoding: 'utf8', timeout: 60_000 });
      expect(result.status, command).toBe(1);
      expect(result.stderr.trim(), command).toBe(
        `paper2net ${command}: ${file}: 30000 × 30000 px (900.0 Mpx) is over the 33.6 Mpx image limit; scale it down first`,
      );
    }
  });

  it('says a PNG cut short is cut short, naming the file, in one line', () => {
    // pngjs said 'There are some read requests waitng on finished stream'; fast-png says 'Error while decompressing the data:'.
    const file = readdirSync(join(CORPUS, 'arch')).find((f) => f.endsWith('.png'))!;
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'arch', file)));
    for (const cut of [0.2, 0.5, 0.99]) {
      expect(() => decodeImage(bytes.slice(0, Math.floor(bytes.length * cut)), 'cut.png'), String(cut)).toThrow(
        /^cut\.png: damaged PNG: the file is cut short or its image data is damaged$/,
      );
    }
  });

  it('classify runs in a worker thread within limits: a task past its time limit is stopped, naming the step, and the caller goes on', async () => {
    const task: ClassifyTask = { model: new Uint8Array(readFileSync(DEFAULT_MODEL)), images: [{ file: 'small.png', bytes: hugePng(1000) }] };
    const error = await runIsolated('classifyWorker', task, { heapMb: 2048, rssMb: 3072, totalMs: 50, startMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect((error as Error).message).toMatch(/^starting: the document took longer than 50 ms \(the per-document limit\); the reading was stopped$/);
    const results = await runIsolated<ClassifyTask, Classification[]>('classifyWorker', task, { heapMb: 2048, rssMb: 3072, totalMs: 120_000, startMs: 60_000 });
    expect(results).toHaveLength(1);
  });
});
