/**
 * A collection folder on disk (docs/collection.md): index.json, papers/<id>.json, zips/<id>-<n>.zip, and the
 * reviews merged into it. Every
 * file is written aside and renamed into place, so a run killed at any moment leaves whole files only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  checkIndex,
  checkReviewFile,
  COLLECTION_FORMAT,
  sortEntries,
  withReviews,
  type CollectionIndex,
  type DesignReview,
  type PaperEntry,
  type PaperFile,
} from '../collection/index.ts';

let tempCount = 0;

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${tempCount++}`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readIndex(dir: string): Promise<CollectionIndex | undefined> {
  const path = join(dir, 'index.json');
  if (!existsSync(path)) return undefined;
  return checkIndex(JSON.parse(await readFile(path, 'utf8')), path);
}

export function writeIndex(dir: string, options: CollectionIndex['options'], entries: Iterable<PaperEntry>): Promise<void> {
  const index: CollectionIndex = { format: COLLECTION_FORMAT, options, papers: sortEntries(entries) };
  return writeAtomic(join(dir, 'index.json'), `${JSON.stringify(index)}\n`);
}

export const writePaperFile = (dir: string, file: PaperFile): Promise<void> => writeAtomic(join(dir, file.entry.paper!), `${JSON.stringify(file)}\n`);

/**
 * The entries a collection folder holds: its index, plus papers whose file was written after the index was
 * last saved (a killed run), recovered from their papers/<id>.json.
 */
export async function collectionEntries(dir: string): Promise<{ options?: CollectionIndex['options']; entries: Map<string, PaperEntry> }> {
  const index = await readIndex(dir);
  const entries = new Map(index?.papers.map((p) => [p.sha256, p]));
  const known = new Set(index?.papers.filter((p) => !p.failure).map((p) => p.id));
  const papers = join(dir, 'papers');
  const files = existsSync(papers) ? await readdir(papers) : [];
  for (const name of files) {
    if (!name.endsWith('.json') || known.has(name.slice(0, -5))) continue;
    const paper = JSON.parse(await readFile(join(papers, name), 'utf8')) as PaperFile;
    if (paper.format === COLLECTION_FORMAT && paper.entry?.sha256) entries.set(paper.entry.sha256, paper.entry);
  }
  return { ...(index ? { options: index.options } : {}), entries };
}

/**
 * Joins collection folders (the shards of one batch) into `out`: every paper once, a read paper preferred to a
 * failed reading of the same file. The parts must have been read with the same options.
 */
export async function mergeCollections(parts: readonly string[], out: string): Promise<{ papers: number; failed: number }> {
  let options: CollectionIndex['options'] | undefined;
  const merged = new Map<string, { entry: PaperEntry; from: string }>();
  for (const part of parts) {
    const { options: partOptions, entries } = await collectionEntries(part);
    if (!partOptions && entries.size === 0) throw new Error(`${part}: no collection here (no index.json, no papers/)`);
    if (partOptions && options && JSON.stringify(partOptions) !== JSON.stringify(options)) {
      throw new Error(
        `${part} was read with ${JSON.stringify(partOptions)}, the parts before it with ${JSON.stringify(options)}; read them alike to merge them`,
      );
    }
    options ??= partOptions;
    for (const [sha, entry] of entries) {
      const have = merged.get(sha);
      if (!have || (have.entry.failure && !entry.failure)) merged.set(sha, { entry, from: part });
    }
  }
  for (const { entry, from } of merged.values()) {
    for (const file of [entry.paper, ...(entry.zips ?? [])]) {
      if (!file || from === out) continue;
      await writeAtomic(join(out, file), await readFile(join(from, file)));
    }
  }
  const entries = [...merged.values()].map((m) => m.entry);
  await writeIndex(out, options ?? { bitmaps: true }, entries);
  return { papers: entries.length, failed: entries.filter((e) => e.failure).length };
}

/**
 * Merges review files (`paper2net.review/1`) into the collection in `dir`: each reviewed paper's file gets the
 * reviews, its index entry the mean rating and count. Every file is checked before anything is written; reviews
 * of papers or designs the collection does not have are counted in `left`, not merged.
 */
export async function mergeReviews(dir: string, files: readonly string[]): Promise<{ merged: number; papers: number; left: number }> {
  const index = await readIndex(dir);
  if (!index) throw new Error(`${dir}: no collection here (no index.json) to merge reviews into`);
  const byPaper = new Map<string, DesignReview[]>();
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: cannot read it as JSON (${(error as Error).message})`, { cause: error });
    }
    for (const review of checkReviewFile(value, file).reviews) byPaper.set(review.paper, [...(byPaper.get(review.paper) ?? []), review]);
  }
  let merged = 0;
  let left = 0;
  let papers = 0;
  const entries = new Map(index.papers.map((p) => [p.sha256, p]));
  for (const [sha256, reviews] of byPaper) {
    const entry = entries.get(sha256);
    if (!entry?.paper) {
      left += reviews.length;
      continue;
    }
    const paper = JSON.parse(await readFile(join(dir, entry.paper), 'utf8')) as PaperFile;
    const before = paper.reviews?.length ?? 0;
    const result = withReviews(paper, reviews);
    left += result.left.length;
    merged += (result.paper.reviews?.length ?? 0) - before;
    papers++;
    await writePaperFile(dir, result.paper);
    entries.set(sha256, result.paper.entry);
  }
  await writeIndex(dir, index.options, entries.values());
  return { merged, papers, left };
}
