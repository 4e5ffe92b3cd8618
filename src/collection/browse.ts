/**
 * Browsing a collection in the PWA: loading index.json from a URL (or, in local.ts, from picked files), and
 * searching and sorting its entries. Pure apart from the fetch it is given, so it runs in Node tests as in the page.
 */
import { searchWords, wordsMatch } from '../store/search.ts';
import { checkIndex, COLLECTION_FORMAT, type CollectionIndex, type PaperEntry, type PaperFile } from './format.ts';

export interface LoadedCollection {
  index: CollectionIndex;
  /** Where the collection is, as the person knows it: index.json's URL, or the picked folder's or ZIP's name. */
  where: string;
  /** index.json's own URL for a served collection: the paper and ZIP paths in it are relative to it, and links point there. */
  base?: URL;
  /** A file of the collection by its path in index.json (papers/<id>.json, zips/<id>-<nn>.zip). */
  read(path: string): Promise<Uint8Array>;
  /** The paper's PDF when the collection holds it (a picked folder with the papers in it), else undefined. */
  pdf?(entry: PaperEntry): (() => Promise<Uint8Array>) | undefined;
}

type Fetch = (url: string) => Promise<Response>;

async function fetchBytes(url: URL, fetcher: Fetch): Promise<Uint8Array> {
  const response = await fetcher(url.href);
  if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

/** The JSON in `bytes`; an Error naming `where` when it is not JSON. */
export function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/** `location` is the index's URL, or its folder (then index.json in it), absolute or relative to `page`. */
export async function loadCollection(location: string, page: string, fetcher: Fetch = fetch): Promise<LoadedCollection> {
  const base = new URL(location.endsWith('/') ? `${location}index.json` : location, page);
  const index = checkIndex(parseJson(await fetchBytes(base, fetcher), base.href), base.href);
  return { index, where: base.href, base, read: (path) => fetchBytes(new URL(path, base), fetcher) };
}

export async function loadPaper(collection: LoadedCollection, entry: PaperEntry): Promise<PaperFile> {
  if (!entry.paper) throw new Error(`${entry.file} was not read: ${entry.failure ?? 'no paper file'}`);
  const paper = parseJson(await collection.read(entry.paper), entry.paper) as Partial<PaperFile> | null;
  if (paper?.format !== COLLECTION_FORMAT || !Array.isArray(paper.designs) || !Array.isArray(paper.regions))
    throw new Error(`${entry.paper}: not a paper of a ${COLLECTION_FORMAT} collection`);
  return paper as PaperFile;
}

/** The words a query is matched against (title, authors, file name, layer types), worked out once per entry. */
const entryWords = new WeakMap<PaperEntry, string[]>();
function wordsOf(entry: PaperEntry): string[] {
  let words = entryWords.get(entry);
  if (!words) entryWords.set(entry, (words = searchWords([entry.title, entry.authors ?? '', entry.file, ...Object.keys(entry.layerTypes)].join(' '))));
  return words;
}

/** The entries every word of `query` starts a word of (title, authors, file, layer types); all for an empty query. */
export function filterPapers(entries: readonly PaperEntry[], query: string): PaperEntry[] {
  const wanted = searchWords(query);
  return wanted.length ? entries.filter((e) => wordsMatch(wordsOf(e), wanted)) : [...entries];
}

export const SORT_KEYS = ['title', 'designs', 'confidence', 'pages'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const numberOf: Record<Exclude<SortKey, 'title'>, (e: PaperEntry) => number> = {
  designs: (e) => e.designCount,
  confidence: (e) => e.confidence ?? -1,
  pages: (e) => e.pageCount ?? -1,
};

/** Titles A→Z; numbers largest first (the papers with most designs, the surest readings); ties by title. */
export function sortPapers(entries: readonly PaperEntry[], key: SortKey): PaperEntry[] {
  const byTitle = (a: PaperEntry, b: PaperEntry) => collator.compare(a.title, b.title);
  if (key === 'title') return [...entries].sort(byTitle);
  const value = numberOf[key];
  return [...entries].sort((a, b) => value(b) - value(a) || byTitle(a, b));
}

/** "Conv2D ×13, Dense ×3": a paper's layer types, most frequent first, at most `limit` of them. */
export function layerTypeLine(entry: PaperEntry, limit = 5): string {
  const types = Object.entries(entry.layerTypes).sort((a, b) => b[1] - a[1]);
  const shown = types.slice(0, limit).map(([type, n]) => `${type} ×${n}`);
  return types.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}
