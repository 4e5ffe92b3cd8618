/**
 * Browsing a collection in the PWA: loading index.json from a URL, and searching and sorting its entries.
 * Pure apart from the fetch it is given, so it runs in Node tests as in the page.
 */
import { searchWords, wordsMatch } from '../store/search.ts';
import { checkIndex, type CollectionIndex, type PaperEntry, type PaperFile } from './format.ts';

export interface LoadedCollection {
  index: CollectionIndex;
  /** index.json's own URL: the paper and ZIP paths in it are relative to it. */
  base: URL;
}

type Fetch = (url: string) => Promise<Response>;

async function fetchJson(url: URL, fetcher: Fetch): Promise<unknown> {
  const response = await fetcher(url.href);
  if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`.trim());
  return response.json();
}

/** `location` is the index's URL, or its folder (then index.json in it), absolute or relative to `page`. */
export async function loadCollection(location: string, page: string, fetcher: Fetch = fetch): Promise<LoadedCollection> {
  const base = new URL(location.endsWith('/') ? `${location}index.json` : location, page);
  return { index: checkIndex(await fetchJson(base, fetcher), base.href), base };
}

export async function loadPaper(collection: LoadedCollection, entry: PaperEntry, fetcher: Fetch = fetch): Promise<PaperFile> {
  if (!entry.paper) throw new Error(`${entry.file} was not read: ${entry.failure ?? 'no paper file'}`);
  return (await fetchJson(new URL(entry.paper, collection.base), fetcher)) as PaperFile;
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
