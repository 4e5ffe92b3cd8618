/**
 * The collection format, `paper2net.collection/1` (docs/collection.md): many papers read at once, as static
 * files any host serves. `index.json` holds one small entry per paper (enough to list, search and sort 5,000
 * papers after one fetch); `papers/<id>.json` holds one paper's regions with verdicts and its designs.
 * Pure data and functions: the CLI writes these files, the PWA reads them.
 */
import type { Graph } from '../graph/index.ts';
import type { FoundRegion } from '../pipeline/protocol.ts';
import type { DesignReview } from './reviews.ts';

export const COLLECTION_FORMAT = 'paper2net.collection/1';

/** One paper in index.json. A failed paper has `failure` and no counts beyond what was known. */
export interface PaperEntry {
  /** The first 16 hex digits of the file's SHA-256: the paper's name in the collection (papers/<id>.json). */
  id: string;
  /** SHA-256 of the PDF, hex. */
  sha256: string;
  /** The input file's name (no folders). */
  file: string;
  title: string;
  /** From the PDF's metadata, when it names them. */
  authors?: string;
  pageCount?: number;
  designCount: number;
  /** Layer type → how many layers of it across the paper's designs. */
  layerTypes: Record<string, number>;
  /** The best design's confidence (0..1); absent without designs. */
  confidence?: number;
  /** Why the paper could not be read (a limit, a damaged file); absent when it was read. */
  failure?: string;
  /** papers/<id>.json, relative to index.json; absent for a failed paper. */
  paper?: string;
  /** Code bundles (ZIPs) of the designs in order, relative to index.json, when they were asked for. */
  zips?: string[];
  /** Reviews merged in (`paper2net batch --merge --reviews`, reviews.ts); absent before any. */
  reviewCount?: number;
  /** The mean of the reviews' ratings (1..5, one decimal); absent when none rated. */
  rating?: number;
}

export interface CollectionIndex {
  format: typeof COLLECTION_FORMAT;
  /** How the papers were read, so a merge never mixes collections read differently. */
  options: { bitmaps: boolean };
  papers: PaperEntry[];
}

/** papers/<id>.json: everything the reader found in one paper. */
export interface PaperFile {
  format: typeof COLLECTION_FORMAT;
  entry: PaperEntry;
  regions: FoundRegion[];
  designs: Graph[];
  warnings: string[];
  /** Readers' reviews of the designs, merged in (reviews.ts). */
  reviews?: DesignReview[];
}

/** What the reading of one paper gave, before it is placed in a collection. */
export interface PaperReadout {
  title?: string;
  authors?: string;
  pageCount: number;
  designs: Graph[];
}

export const paperId = (sha256: string): string => sha256.slice(0, 16);

export function layerTypeSummary(designs: readonly Graph[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const design of designs) for (const layer of design.layers) counts[layer.type] = (counts[layer.type] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The file name without its extension stands in for a title the paper does not give. */
const titleFromFile = (file: string): string => file.replace(/\.pdf$/i, '');

export function readEntry(sha256: string, file: string, readout: PaperReadout): PaperEntry {
  const id = paperId(sha256);
  const confidences = readout.designs.map((d) => d.confidence).filter((c) => c !== undefined);
  return {
    id,
    sha256,
    file,
    title: readout.title ?? titleFromFile(file),
    ...(readout.authors ? { authors: readout.authors } : {}),
    pageCount: readout.pageCount,
    designCount: readout.designs.length,
    layerTypes: layerTypeSummary(readout.designs),
    ...(confidences.length ? { confidence: Math.max(...confidences) } : {}),
    paper: `papers/${id}.json`,
  };
}

export function failedEntry(sha256: string, file: string, failure: string): PaperEntry {
  return { id: paperId(sha256), sha256, file, title: titleFromFile(file), designCount: 0, layerTypes: {}, failure };
}

/** Index order: by file name, then hash, so the same papers give the same index however they were split. */
export function sortEntries(entries: Iterable<PaperEntry>): PaperEntry[] {
  return [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

/** Checks a parsed index.json; throws an Error naming what is wrong. */
export function checkIndex(value: unknown, where: string): CollectionIndex {
  const index = value as Partial<CollectionIndex> | null;
  if (!index || typeof index !== 'object') throw new Error(`${where}: not a collection index (expected a JSON object)`);
  if (index.format !== COLLECTION_FORMAT) throw new Error(`${where}: unsupported format ${JSON.stringify(index.format)}; expected "${COLLECTION_FORMAT}"`);
  if (!Array.isArray(index.papers)) throw new Error(`${where}: "papers" is not a list`);
  if (typeof index.options?.bitmaps !== 'boolean') throw new Error(`${where}: "options.bitmaps" is missing`);
  for (const [i, paper] of index.papers.entries()) {
    if (typeof paper?.sha256 !== 'string' || typeof paper.id !== 'string' || typeof paper.title !== 'string')
      throw new Error(`${where}: paper ${i + 1} has no sha256, id or title`);
  }
  return index as CollectionIndex;
}
