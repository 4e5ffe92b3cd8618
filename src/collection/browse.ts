/**
 * Browsing a collection in the PWA: loading index.json from a URL (or, in local.ts, from picked files), and
 * searching and sorting its entries. Pure apart from the fetch it is given, so it runs in Node tests as in the page.
 */
import { searchWords } from '../store/search.ts';
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

export const SORT_KEYS = ['title', 'layer types', 'designs', 'confidence', 'rating', 'pages'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const numberOf: Record<Exclude<SortKey, 'title' | 'layer types'>, (e: PaperEntry) => number> = {
  designs: (e) => e.designCount,
  confidence: (e) => e.confidence ?? -1,
  rating: (e) => e.rating ?? -1,
  pages: (e) => e.pageCount ?? -1,
};

/** A paper's layer types as its row shows them: most frequent first, equally frequent ones A→Z. */
function typesByFrequency(entry: PaperEntry): [type: string, count: number][] {
  return Object.entries(entry.layerTypes).sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

/**
 * The 'layer types' order: the papers' rows of layer types read A→Z, type name by type name (counts aside), so papers
 * whose designs are mostly the same kind of layer come together; a row that another row starts with comes first, a
 * paper without layer types last. Each paper's row becomes a string of its type names' ranks among all of them, one
 * UTF-16 unit a name (while there are fewer than 55,000 names), compared as plain strings: the collator is called once
 * per distinct type, not per comparison, and the sort took half the time it took comparing arrays of ranks.
 */
function byLayerTypes(entries: readonly PaperEntry[], byTitle: readonly number[], titleRank: Int32Array): number[] {
  const rows = entries.map((e) => typesByFrequency(e).map(([type]) => type));
  const names = [...new Set(rows.flat())].sort(collator.compare);
  const nameRank = new Map(names.map((name, rank) => [name, String.fromCodePoint(rank + 1)]));
  const keys = rows.map((row) => row.map((name) => nameRank.get(name)!).join(''));
  const compare = (a: string, b: string) => (!a || !b ? b.length - a.length : a < b ? -1 : a > b ? 1 : 0);
  return byTitle.slice().sort((a, b) => compare(keys[a]!, keys[b]!) || titleRank[a]! - titleRank[b]!);
}

/** A collection's papers made ready to search and sort as a person types: the work per keystroke is one scan. */
export interface PaperBrowser {
  /**
   * The papers every word of `query` starts a word of (title, authors, file name, layer types; all for an empty
   * query), in `key` order: titles A→Z; layer types by their rows A→Z (see byLayerTypes); numbers largest first (most
   * designs, surest readings, best rated), a paper without the number (no confidence, no rating) last; ties by title.
   */
  find(query: string, key: SortKey): readonly PaperEntry[];
}

/**
 * Each paper's search words are worked out once, here, and each sort order once, when first asked for; a query then
 * walks an order and keeps the papers it matches, so nothing is sorted again (the collator made most of a keystroke's
 * cost at 5,000 papers).
 */
export function paperBrowser(entries: readonly PaperEntry[]): PaperBrowser {
  // A paper's words joined, each after a space: a query word starts one of them exactly when ` ${word}` is in it.
  const texts = entries.map((e) => ` ${searchWords([e.title, e.authors ?? '', e.file, ...Object.keys(e.layerTypes)].join(' ')).join(' ')}`);
  const byTitle = entries.map((_, i) => i).sort((a, b) => collator.compare(entries[a]!.title, entries[b]!.title));
  const titleRank = new Int32Array(entries.length);
  byTitle.forEach((i, rank) => (titleRank[i] = rank));
  const indexOrder = (key: SortKey): number[] => {
    if (key === 'title') return byTitle;
    if (key === 'layer types') return byLayerTypes(entries, byTitle, titleRank);
    const values = entries.map(numberOf[key]);
    return byTitle.slice().sort((a, b) => values[b]! - values[a]! || titleRank[a]! - titleRank[b]!);
  };
  /** Per sort key asked for: the papers in that order, and their search texts in the same order. */
  const sorted = new Map<SortKey, { papers: PaperEntry[]; texts: string[] }>();
  const sortedBy = (key: SortKey) => {
    let order = sorted.get(key);
    if (!order) {
      const indices = indexOrder(key);
      sorted.set(key, (order = { papers: indices.map((i) => entries[i]!), texts: indices.map((i) => texts[i]!) }));
    }
    return order;
  };
  return {
    find(query, key) {
      const wanted = searchWords(query).map((w) => ` ${w}`);
      const { papers, texts } = sortedBy(key);
      return wanted.length ? papers.filter((_, i) => wanted.every((w) => texts[i]!.includes(w))) : papers;
    },
  };
}

/** "Conv2D ×13, Dense ×3": a paper's layer types, most frequent first, at most `limit` of them. */
export function layerTypeLine(entry: PaperEntry, limit = 5): string {
  const types = typesByFrequency(entry);
  const shown = types.slice(0, limit).map(([type, n]) => `${type} ×${n}`);
  return types.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}
