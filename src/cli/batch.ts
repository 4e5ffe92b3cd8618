/**
 * `paper2net batch <dir|list.txt> --out collection/ [--jobs N] [--no-bitmaps] [--timeout S] [--shard i/n] [--zips]`
 * — many papers into a collection folder (docs/collection.md), each read in a worker thread within limits
 * (isolate.ts; a job's worker is kept for its next paper until one fails), so a paper that is too slow or too
 * big is recorded as failed and the run goes on.
 * Resumable: papers already read (by content hash) are skipped. `--shard i/n` reads only the papers whose
 * hash falls in part i of n; `paper2net batch --merge --out collection/ part1/ part2/ …` joins the parts, and
 * `paper2net batch --merge --reviews --out collection/ review.json …` merges readers' reviews into it.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { failedEntry, readEntry, type CollectionIndex, type PaperEntry } from '../collection/index.ts';
import type { BatchResult, BatchTask } from './batchWorker.ts';
import { collectionEntries, mergeCollections, mergeReviews, writeAtomic, writeIndex, writePaperFile } from './collectionFiles.ts';
import { BATCH } from './commands.ts';
import { EXTRACT_LIMITS } from './extractIsolated.ts';
import { IsolatedWorker, type IsolationLimits } from './isolate.ts';
import { runSkippingStuckPages } from './skipStuckPages.ts';
import { integerOption, parseCommand, UsageError } from './options.ts';
import { createBatchProgress } from './batchProgress.ts';

/** index.json is saved at most this often during a run (and at its end); papers/ holds what came between. */
const INDEX_SAVE_MS = 5000;

export interface Shard {
  /** 1-based. */
  part: number;
  of: number;
}

export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [part, of] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || of < 1 || part < 1 || part > of) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/4, got "${text}"`);
  return { part, of };
}

/** Part (1-based) of `of` that a file with this SHA-256 belongs to: its first 32 bits, modulo. */
export const shardOf = (sha256: string, of: number): number => (Number.parseInt(sha256.slice(0, 8), 16) % of) + 1;

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a number of seconds > 0, got "${text}"`);
  return seconds * 1000;
}

/** The PDFs of a folder (sorted), or the paths a list file names one per line (relative to the list's folder). */
async function inputFiles(source: string): Promise<string[]> {
  if (statSync(source).isDirectory()) {
    return (await readdir(source))
      .filter((f) => /\.pdf$/i.test(f))
      .sort()
      .map((f) => join(source, f));
  }
  const lines = (await readFile(source, 'utf8')).split(/\r?\n/).map((l) => l.trim());
  return lines.filter((l) => l && !l.startsWith('#')).map((l) => resolve(dirname(source), l));
}

/**
 * Per paper: the extract limits, with the time limit --timeout gives. Resident memory is watched for the whole
 * process, which holds `jobs` workers: its ceiling grows by a typical paper's peak (1 GB) per extra worker.
 */
function batchLimits(jobs: number, totalMs: number | undefined): IsolationLimits {
  return {
    ...EXTRACT_LIMITS,
    rssMb: EXTRACT_LIMITS.rssMb + (jobs - 1) * 1024,
    ...(totalMs !== undefined ? { totalMs, startMs: Math.min(EXTRACT_LIMITS.startMs, totalMs) } : {}),
  };
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface RunSettings {
  out: string;
  jobs: number;
  shard?: Shard;
  options: CollectionIndex['options'];
  zips: boolean;
  limits: IsolationLimits;
}

async function readInto(files: string[], settings: RunSettings): Promise<{ read: number; failed: number; skipped: number }> {
  const { out, options } = settings;
  const { options: earlier, entries } = await collectionEntries(out);
  if (earlier && earlier.bitmaps !== options.bitmaps) {
    throw new UsageError(`${out} was read ${earlier.bitmaps ? 'with' : 'without'} bitmaps; give the same --no-bitmaps setting to resume it, or another --out`);
  }
  const seen = new Set<string>();
  const counts = { read: 0, failed: 0, skipped: 0 };
  const progress = createBatchProgress(files.length);
  let savedAt = Date.now();
  const save = async (force: boolean) => {
    if (!force && Date.now() - savedAt < INDEX_SAVE_MS) return;
    savedAt = Date.now();
    await writeIndex(out, options, entries.values());
  };

  const readOne = async (file: string, worker: IsolatedWorker): Promise<void> => {
    const name = basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      counts.failed++;
      progress.line(`${name}: cannot read the file (${(error as Error).message}); not recorded`);
      return;
    }
    const sha256 = sha256Of(bytes);
    if (settings.shard && shardOf(sha256, settings.shard.of) !== settings.shard.part) return progress.skip();
    const done = entries.get(sha256);
    if (seen.has(sha256) || (done && !done.failure)) {
      counts.skipped++;
      return progress.line(`${name}: skipped (${seen.has(sha256) ? 'the same file as one before it' : 'already read'})`, false);
    }
    seen.add(sha256);
    progress.start(name);
    const started = Date.now();
    const task: BatchTask = { bytes, bitmaps: options.bitmaps, ocr: options.bitmaps, zips: settings.zips };
    let entry: PaperEntry;
    try {
      const result = await runSkippingStuckPages<BatchTask, BatchResult>(worker, task, settings.limits);
      entry = readEntry(sha256, name, result);
      entry = { ...entry, ...(await writeZips(out, entry, result)) };
      await writePaperFile(out, { format: 'paper2net.collection/1', entry, regions: result.regions, designs: result.designs, warnings: result.warnings });
      counts.read++;
    } catch (error) {
      entry = failedEntry(sha256, name, (error as Error).message);
      counts.failed++;
    }
    entries.set(sha256, entry);
    progress.done(name, entry, Date.now() - started);
    await save(false);
  };

  const queue = [...files];
  // Each job keeps its worker from paper to paper while they end well; a paper that fails gets it replaced.
  const runner = async () => {
    const worker = new IsolatedWorker('batchWorker');
    try {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await readOne(file, worker);
    } finally {
      await worker.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.jobs, files.length) }, runner));
  progress.end();
  await save(true);
  return counts;
}

async function writeZips(out: string, entry: PaperEntry, result: BatchResult): Promise<Pick<PaperEntry, 'zips'>> {
  if (!result.zips) return {};
  const zips: string[] = [];
  for (const [i, zip] of result.zips.entries()) {
    if (!(zip instanceof Uint8Array)) continue;
    const path = `zips/${entry.id}-${String(i + 1).padStart(2, '0')}.zip`;
    await writeAtomic(join(out, path), zip);
    zips.push(path);
  }
  return { zips };
}

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(BATCH, args);
  const out = values.out!;
  if (values.reviews && !values.merge) throw new UsageError('--reviews goes with --merge: paper2net batch --merge --reviews --out DIR review.json …');
  if (values.merge && values.reviews) {
    const { merged, papers, left } = await mergeReviews(out, positionals);
    const notMerged = left ? `; ${left} left out (their paper or design is not in the collection)` : '';
    process.stderr.write(`merged ${merged} new review(s) of ${papers} paper(s) into ${out}${notMerged}\n`);
    return 0;
  }
  if (values.merge) {
    const { papers, failed } = await mergeCollections(positionals, out);
    process.stderr.write(`merged ${positionals.length} part(s) into ${out}: ${papers} paper(s), ${failed} failed\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give one folder or list file (got ${positionals.length}); several folders are joined with --merge`);
  const jobs = integerOption('jobs', values.jobs, availableParallelism(), 1);
  const totalMs = parseTimeout(values.timeout);
  const shard = parseShard(values.shard);
  let files: string[];
  try {
    files = await inputFiles(positionals[0]!);
  } catch (error) {
    process.stderr.write(`paper2net batch: cannot read ${positionals[0]}: ${(error as Error).message}\n`);
    return 1;
  }
  const settings: RunSettings = {
    out,
    jobs,
    options: { bitmaps: !values['no-bitmaps'] },
    zips: values.zips === true,
    limits: batchLimits(jobs, totalMs),
    ...(shard ? { shard } : {}),
  };
  const { read, failed, skipped } = await readInto(files, settings);
  process.stderr.write(`${out}: ${read} read, ${failed} failed, ${skipped} skipped (already read)\n`);
  return 0;
}
