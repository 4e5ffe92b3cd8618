/**
 * `paper2net batch` as a user runs it (bin/paper2net.mjs, the build the test setup makes), over corpus PDFs
 * listed in a list file (read where they are) and one damaged PDF: the collection it writes, resume, shards
 * merged, a paper stopped by its time limit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_FORMAT, layerTypeSummary, type CollectionIndex, type PaperFile } from '../../src/collection/index.ts';
import { parseShard, shardOf } from '../../src/cli/batch.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, '../shared/corpus/pdf');
const dir = mkdtempSync(join(tmpdir(), 'p2n-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAPERS = ['vgg.pdf', 'mxnet_squeezenet_graph.pdf', 'plotneuralnet_vgg16.pdf', 'tikz_lenet5.pdf'];
// A damaged PDF: the first 5 kB of a real one (no cross-reference table, no pages).
writeFileSync(join(dir, 'damaged.pdf'), readFileSync(join(corpus, 'vgg.pdf')).subarray(0, 5000));
const list = join(dir, 'papers.txt');
writeFileSync(list, ['# corpus papers and a damaged one', ...PAPERS.map((p) => join(corpus, p)), 'damaged.pdf', ''].join('\n'));

const batch = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/paper2net.mjs'), 'batch', ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const readIndex = (out: string) => JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as CollectionIndex;
const readPaper = (out: string, path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as PaperFile;
const files = (out: string) => Object.fromEntries(readdirSync(join(out, 'papers')).map((f) => [f, readFileSync(join(out, 'papers', f), 'utf8')]));

// A guard against a hung run, not a speed test: a whole batch of the four papers takes ~20 s alone and was
// seen past 3 minutes with the resume or shard test's two or three runs on a loaded 2-core machine. What these
// tests assert is the collection written, which no load changes: each paper's reading time is bounded by
// --timeout (600 s), which the reader's own document budget now follows (it was a fixed 30 s of wall time,
// so a loaded run could cut vgg.pdf short and differ from the single run it is compared with).
const RUN = 900_000;
const single = join(dir, 'single');

describe('paper2net batch', () => {
  it(
    'reads every paper of a list into index.json and papers/<id>.json; the damaged one is recorded as failed',
    () => {
      const run = batch(list, '--out', single, '--jobs', '2', '--no-bitmaps');
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^\[5\/5\] /m);
      expect(run.stderr).toContain('4 read, 1 failed, 0 skipped');
      const index = readIndex(single);
      expect(index.format).toBe(COLLECTION_FORMAT);
      expect(index.options).toEqual({ bitmaps: false });
      expect(index.papers.map((p) => p.file)).toEqual([...PAPERS, 'damaged.pdf'].sort());

      const damaged = index.papers.find((p) => p.file === 'damaged.pdf')!;
      expect(damaged.failure).toMatch(/PDF/);
      expect(damaged.paper).toBeUndefined();

      for (const entry of index.papers.filter((p) => !p.failure)) {
        expect(entry.sha256).toBe(
          createHash('sha256')
            .update(readFileSync(join(corpus, entry.file)))
            .digest('hex'),
        );
        const paper = readPaper(single, entry.paper!);
        expect(paper.entry).toEqual(entry);
        expect(entry.designCount).toBe(paper.designs.length);
        expect(entry.layerTypes).toEqual(layerTypeSummary(paper.designs));
        for (const design of paper.designs) expect(design.source?.page).toBeGreaterThanOrEqual(1);
      }
      const vgg = index.papers.find((p) => p.file === 'vgg.pdf')!;
      expect(vgg.title).toMatch(/very deep convolutional networks/i);
      expect(vgg.pageCount).toBe(14);
      expect(vgg.designCount).toBeGreaterThan(0);
      expect(vgg.layerTypes.Conv2D).toBeGreaterThan(0);
      const vggPaper = readPaper(single, vgg.paper!);
      expect(vggPaper.regions.some((r) => r.kind === 'table' && r.verdict && r.verdict.designs > 0)).toBe(true);
    },
    RUN,
  );

  it(
    'a second run skips the papers already read and retries the failed one',
    () => {
      const before = files(single);
      const stamps = readdirSync(join(single, 'papers')).map((f) => statSync(join(single, 'papers', f)).mtimeMs);
      const run = batch(list, '--out', single, '--jobs', '2', '--no-bitmaps');
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('0 read, 1 failed, 4 skipped');
      expect(files(single)).toEqual(before);
      expect(readdirSync(join(single, 'papers')).map((f) => statSync(join(single, 'papers', f)).mtimeMs)).toEqual(stamps);
    },
    RUN,
  );

  it(
    'resumes a killed run: papers written after the last index save are recovered, only the missing one is read',
    () => {
      const killed = join(dir, 'killed');
      expect(batch(list, '--out', killed, '--jobs', '2', '--no-bitmaps').status).toBe(0);
      const vgg = readIndex(killed).papers.find((p) => p.file === 'vgg.pdf')!;
      // As if killed while reading vgg.pdf, before index.json was first saved.
      rmSync(join(killed, 'index.json'));
      rmSync(join(killed, vgg.paper!));
      const run = batch(list, '--out', killed, '--jobs', '2', '--no-bitmaps');
      expect(run.stderr).toContain('1 read, 1 failed, 3 skipped');
      expect(run.stderr).toMatch(/vgg\.pdf: \d+ design\(s\), 14 page\(s\)/);
      expect(readIndex(killed)).toEqual(readIndex(single));
      expect(files(killed)).toEqual(files(single));
    },
    RUN,
  );

  it(
    'shards 1/2 and 2/2, merged, give the collection of a single run',
    () => {
      const parts = [join(dir, 'part1'), join(dir, 'part2')];
      for (const [i, part] of parts.entries()) expect(batch(list, '--out', part, '--jobs', '2', '--no-bitmaps', '--shard', `${i + 1}/2`).status).toBe(0);
      const counts = parts.map((p) => readIndex(p).papers.length);
      expect(counts[0]! + counts[1]!).toBe(5);
      for (const [i, part] of parts.entries()) for (const entry of readIndex(part).papers) expect(shardOf(entry.sha256, 2)).toBe(i + 1);
      const merged = join(dir, 'merged');
      const run = batch('--merge', '--out', merged, ...parts);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('5 paper(s), 1 failed');
      expect(readIndex(merged)).toEqual(readIndex(single));
      expect(files(merged)).toEqual(files(single));
    },
    RUN,
  );

  it(
    'a paper over the time limit is recorded as failed with the limit named, and the run goes on',
    () => {
      const out = join(dir, 'timeout');
      const run = batch(list, '--out', out, '--jobs', '2', '--no-bitmaps', '--timeout', '0.05');
      expect(run.status).toBe(0);
      const index = readIndex(out);
      expect(index.papers).toHaveLength(5);
      for (const entry of index.papers.filter((p) => p.file !== 'damaged.pdf')) {
        expect(entry.failure).toMatch(/longer than 50 ms/);
        expect(existsSync(join(out, 'papers', `${entry.id}.json`))).toBe(false);
      }
    },
    RUN,
  );

  it(
    "--zips writes each design's code bundle beside the collection",
    () => {
      const out = join(dir, 'zips');
      const one = join(dir, 'one.txt');
      writeFileSync(one, `${join(corpus, 'mxnet_squeezenet_graph.pdf')}\n`);
      expect(batch(one, '--out', out, '--no-bitmaps', '--zips').status).toBe(0);
      const [entry] = readIndex(out).papers;
      expect(entry!.zips).toHaveLength(entry!.designCount);
      for (const zip of entry!.zips!) expect(readFileSync(join(out, zip)).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    },
    RUN,
  );

  it(
    'refuses a bad --shard and a resume with other options (exit 2), and a merge of no collection (exit 1)',
    () => {
      expect(() => parseShard('3/2')).toThrow(/1 ≤ i ≤ n/);
      const bad = batch(list, '--out', single, '--shard', '0/2');
      expect(bad.status).toBe(2);
      const other = batch(list, '--out', single);
      expect(other.status).toBe(2);
      expect(other.stderr).toMatch(/without bitmaps/);
      const nothing = batch('--merge', '--out', join(dir, 'nothing'), join(dir, 'no-such-part'));
      expect(nothing.status).toBe(1);
      expect(nothing.stderr).toContain('no-such-part: no collection here');
    },
    RUN,
  );
});
