/** Reviews merged into a collection (`paper2net batch --merge --reviews`, src/collection/reviews.ts, src/cli/collectionFiles.ts). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mergeReviews, writeIndex, writePaperFile } from '../../src/cli/collectionFiles.ts';
import {
  checkReviewFile,
  COLLECTION_FORMAT,
  readEntry,
  REVIEW_FORMAT,
  type CollectionIndex,
  type DesignReview,
  type PaperFile,
} from '../../src/collection/index.ts';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';

const BIN = new URL('../../bin/paper2net.mjs', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'p2n-reviews-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mlp = (units: number): Graph => ({
  format: GRAPH_FORMAT,
  name: `MLP ${units}`,
  layers: [
    { id: 'in', type: 'Input', params: { shape: [784] } },
    { id: 'hidden', type: 'Dense', inputs: ['in'], params: { units } },
    { id: 'out', type: 'Dense', inputs: ['hidden'], params: { units: 10 } },
  ],
});
const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
let dir: string;
let counter = 0;

beforeEach(async () => {
  dir = join(root, `c${counter++}`);
  const entry = readEntry(SHA, 'mlp.pdf', { title: 'Dropout nets', pageCount: 9, designs: [mlp(1024), mlp(2048)] });
  await writePaperFile(dir, { format: COLLECTION_FORMAT, entry, regions: [], designs: [mlp(1024), mlp(2048)], warnings: [] });
  await writeIndex(dir, { bitmaps: false }, [entry]);
});

const reviewFile = (name: string, reviews: DesignReview[]) => {
  const path = join(root, `${name}-${counter}.json`);
  writeFileSync(path, JSON.stringify({ format: REVIEW_FORMAT, reviews }));
  return path;
};
const index = () => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CollectionIndex;
const paper = () => JSON.parse(readFileSync(join(dir, index().papers[0]!.paper!), 'utf8')) as PaperFile;

describe('merging reviews into a collection', () => {
  it('adds each review to its paper, and the mean rating and count to the index; merging again adds nothing', async () => {
    const edited = mlp(512);
    const a = reviewFile('a', [
      { paper: SHA, design: 0, rating: 4, note: 'matches Table 2' },
      { paper: SHA, design: 1, rating: 2, graph: edited },
    ]);
    const b = reviewFile('b', [
      { paper: SHA, design: 0, rating: 5 },
      { paper: OTHER, design: 0, rating: 3 },
      { paper: SHA, design: 7, rating: 1 },
    ]);
    expect(await mergeReviews(dir, [a, b])).toEqual({ merged: 3, papers: 1, left: 2 });
    expect(index().papers[0]).toMatchObject({ reviewCount: 3, rating: 3.7 });
    expect(paper().entry).toEqual(index().papers[0]);
    expect(paper().reviews).toEqual([
      { paper: SHA, design: 0, rating: 4, note: 'matches Table 2' },
      { paper: SHA, design: 1, rating: 2, graph: edited },
      { paper: SHA, design: 0, rating: 5 },
    ]);
    expect(paper().designs).toEqual([mlp(1024), mlp(2048)]);

    expect(await mergeReviews(dir, [a])).toEqual({ merged: 0, papers: 1, left: 0 });
    expect(paper().reviews).toHaveLength(3);
  });

  it('refuses a bad review file whole, naming the file, the review and the fault, and writes nothing', async () => {
    const before = readFileSync(join(dir, 'index.json'), 'utf8');
    const good = reviewFile('good', [{ paper: SHA, design: 0, rating: 4 }]);
    const bad = reviewFile('bad', [
      { paper: SHA, design: 0, rating: 4 },
      { paper: SHA, design: 1, rating: 9 },
    ]);
    await expect(mergeReviews(dir, [good, bad])).rejects.toThrow(`${bad}: review 2: "rating" must be 1 to 5 stars`);
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe(before);
    expect(paper().reviews).toBeUndefined();
  });

  it('checks each review: the paper hash, the design position, something said, a valid graph', () => {
    const check = (review: unknown) => () => checkReviewFile({ format: REVIEW_FORMAT, reviews: [review] }, 'r.json');
    expect(check({ paper: 'vgg.pdf', design: 0, rating: 3 })).toThrow(`r.json: review 1: "paper" must be the PDF's SHA-256 (64 hex digits)`);
    expect(check({ paper: SHA, design: -1, rating: 3 })).toThrow('r.json: review 1: "design" must be a design\'s position (0, 1, …)');
    expect(check({ paper: SHA, design: 0 })).toThrow('r.json: review 1: says nothing (no rating, note or graph)');
    const broken = { ...mlp(10), layers: [...mlp(10).layers.slice(0, 2), { id: 'out', type: 'Dense', inputs: ['nowhere'], params: { units: 10 } }] };
    expect(check({ paper: SHA, design: 0, graph: broken })).toThrow(/^r\.json: review 1: its graph is not valid: .*nowhere/);
    expect(() => checkReviewFile({ format: 'paper2net.review/9', reviews: [] }, 'r.json')).toThrow(
      'r.json: unsupported format "paper2net.review/9"; expected "paper2net.review/1"',
    );
  });

  it('CLI: paper2net batch --merge --reviews --out DIR files…; --reviews alone is refused', () => {
    const file = reviewFile('cli', [{ paper: SHA, design: 1, rating: 3 }]);
    const run = spawnSync(process.execPath, [BIN, 'batch', '--merge', '--reviews', '--out', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr.trim()).toBe(`merged 1 new review(s) of 1 paper(s) into ${dir}`);
    expect(run.status).toBe(0);
    expect(index().papers[0]).toMatchObject({ reviewCount: 1, rating: 3 });
    const alone = spawnSync(process.execPath, [BIN, 'batch', '--reviews', '--out', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--reviews goes with --merge');
  }, 150_000);
});
