/** Browsing a collection index: loading it by URL, search over title/authors/layer types, sorting, at 5,000 papers. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_FORMAT, layerTypeLine, loadCollection, paperBrowser, type CollectionIndex, type PaperEntry } from '../../src/collection/index.ts';
import { syntheticEntries } from '../support/synthetic-collection.ts';

describe('collection browsing', () => {
  const entries = syntheticEntries(5000);
  const browser = paperBrowser(entries);

  it('search: every query word starts a word of the title, authors, file name or a layer type', () => {
    const lstm = browser.find('lstm', 'title');
    expect(lstm.length).toBeGreaterThan(0);
    expect(lstm.length).toBe(entries.filter((e) => 'LSTM' in e.layerTypes).length);
    const both = browser.find('resid atten', 'title');
    expect(both.length).toBeGreaterThan(0);
    for (const e of both) {
      expect(e.title).toMatch(/residual/);
      expect(e.title).toMatch(/attention/);
    }
    expect(browser.find('Paper-1234.PDF', 'title').map((e) => e.file)).toEqual(['paper-1234.pdf']);
    // The same papers as a plain reading of the rule, for queries over every field.
    const words = (e: PaperEntry) =>
      [e.title, e.authors ?? '', e.file, ...Object.keys(e.layerTypes)]
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/);
    for (const query of ['author 7', 'DENSE deep', 'paper-4 max', 'learn lstm', 'batchnorm 2']) {
      const wanted = query.toLowerCase().split(/[^a-z0-9]+/);
      const expected = entries.filter((e) => wanted.every((w) => words(e).some((h) => h.startsWith(w))));
      expect(expected.length).toBeGreaterThan(0);
      expect(new Set(browser.find(query, 'title'))).toEqual(new Set(expected));
    }
    // A query word must start a word, not sit inside one ('sidual' is in 'residual').
    expect(browser.find('sidual', 'title')).toHaveLength(0);
    expect(browser.find('  ', 'title')).toHaveLength(5000);
  });

  it('sorts titles A→Z and numbers largest first, papers without a value last, ties by title', () => {
    const byDesigns = browser.find('', 'designs');
    expect(byDesigns).toHaveLength(5000);
    for (let i = 1; i < byDesigns.length; i++) {
      const [a, b] = [byDesigns[i - 1]!, byDesigns[i]!];
      expect(a.designCount > b.designCount || (a.designCount === b.designCount && a.title.localeCompare(b.title) <= 0)).toBe(true);
    }
    const byConfidence = browser.find('', 'confidence');
    expect(byConfidence.at(-1)!.confidence).toBeUndefined();
    expect(byConfidence[0]!.confidence).toBe(Math.max(...entries.map((e) => e.confidence ?? -1)));
    const titles = browser.find('', 'title').map((e) => e.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it('sorts by rating, best first, unrated papers last, ties by title', () => {
    const byRating = browser.find('', 'rating');
    expect(byRating).toHaveLength(5000);
    const rated = entries.filter((e) => e.rating !== undefined).length;
    expect(rated).toBeGreaterThan(0);
    expect(rated).toBeLessThan(5000);
    expect(byRating.slice(0, rated).every((e) => e.rating !== undefined)).toBe(true);
    expect(byRating.slice(rated).every((e) => e.rating === undefined)).toBe(true);
    const ordered = (a: PaperEntry, b: PaperEntry) => a.title.localeCompare(b.title) <= 0;
    for (let i = 1; i < byRating.length; i++) {
      const [a, b] = [byRating[i - 1]!, byRating[i]!];
      expect((a.rating ?? 0) > (b.rating ?? 0) || ((a.rating ?? 0) === (b.rating ?? 0) && ordered(a, b))).toBe(true);
    }
    const paper = (title: string, rating?: number): PaperEntry => ({ ...entries[0]!, title, ...(rating === undefined ? {} : { rating }) });
    const few = [paper('Unrated B'), paper('Middling', 3.5), paper('Unrated A'), paper('Zeta', 4.5), paper('Alpha', 4.5), paper('Lowest', 1)];
    expect(
      paperBrowser(few)
        .find('', 'rating')
        .map((e) => e.title),
    ).toEqual(['Alpha', 'Zeta', 'Middling', 'Lowest', 'Unrated A', 'Unrated B']);
  });

  it('sorts by layer types: the rows of types (most frequent first) A→Z name by name, shorter first, none last, ties by title', () => {
    const paper = (title: string, layerTypes: Record<string, number>): PaperEntry => ({ ...entries[0]!, title, layerTypes });
    const few = [
      paper('no designs', {}),
      paper('transformer', { MultiHeadAttention: 12, Dense: 24 }),
      paper('vgg', { Conv2D: 13, Dense: 3, MaxPool2D: 5 }),
      paper('lenet', { Conv2D: 2, Dense: 2 }),
      paper('a small cnn', { Conv2D: 3 }),
      paper('alexnet', { Conv2D: 5, MaxPool2D: 3, Dense: 3 }),
      paper('an mlp', { Dense: 4 }),
      paper('b small cnn', { Conv2D: 1 }),
      paper('lstm', { LSTM: 2, Dense: 1 }),
    ];
    expect(
      paperBrowser(few)
        .find('', 'layer types')
        .map((e) => e.title),
    ).toEqual(['a small cnn', 'b small cnn', 'lenet', 'alexnet', 'vgg', 'an mlp', 'transformer', 'lstm', 'no designs']);
    // The same order as a plain reading of the rule over the 5,000 papers.
    const names = (e: PaperEntry) =>
      Object.entries(e.layerTypes)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([type]) => type);
    const before = (a: PaperEntry, b: PaperEntry): boolean => {
      const [x, y] = [names(a), names(b)];
      if (!x.length || !y.length) return !y.length && (x.length > 0 || a.title.localeCompare(b.title) <= 0);
      const differs = x.findIndex((name, i) => i < y.length && name !== y[i]);
      if (differs >= 0) return x[differs]!.localeCompare(y[differs]!) < 0;
      return x.length < y.length || (x.length === y.length && a.title.localeCompare(b.title) <= 0);
    };
    const byTypes = browser.find('', 'layer types');
    expect(byTypes).toHaveLength(5000);
    for (let i = 1; i < byTypes.length; i++) expect(before(byTypes[i - 1]!, byTypes[i]!)).toBe(true);
    // The rows as shown are in order too: their first layer type never goes back in the alphabet.
    const firsts = byTypes.map((e) => layerTypeLine(e).split(' ')[0]!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a.localeCompare(b)));
  });

  it('a search keeps the order of the sort', () => {
    const all = browser.find('', 'pages');
    const found = browser.find('deep conv', 'pages');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(all.filter((e) => found.includes(e)));
    expect(browser.find('deep conv', 'title')).toEqual(browser.find('', 'title').filter((e) => found.includes(e)));
  });

  it('layer types in one line, most frequent first, equally frequent ones A→Z', () => {
    expect(layerTypeLine({ ...entries[0]!, layerTypes: { Dense: 3, Conv2D: 13, Input: 1 } })).toBe('Conv2D ×13, Dense ×3, Input ×1');
    expect(layerTypeLine({ ...entries[0]!, layerTypes: { ReLU: 2, Dense: 2, Conv2D: 2 } })).toBe('Conv2D ×2, Dense ×2, ReLU ×2');
  });

  it('loads index.json from a folder URL relative to the page, and refuses another format', async () => {
    const index: CollectionIndex = { format: COLLECTION_FORMAT, options: { bitmaps: false }, papers: entries.slice(0, 3) };
    const asked: string[] = [];
    const fetcher = async (url: string) => (asked.push(url), new Response(JSON.stringify(index)));
    const loaded = await loadCollection('shared/c/', 'https://example.org/app/?collection=shared/c/', fetcher);
    expect(asked).toEqual(['https://example.org/app/shared/c/index.json']);
    expect(loaded.index.papers).toHaveLength(3);
    expect(new URL('papers/x.json', loaded.base).href).toBe('https://example.org/app/shared/c/papers/x.json');
    const other = async () => new Response(JSON.stringify({ ...index, format: 'paper2net.graph/1' }));
    await expect(loadCollection('c/index.json', 'https://example.org/', other)).rejects.toThrow(/unsupported format/);
    const missing = async () => new Response('', { status: 404, statusText: 'Not Found' });
    await expect(loadCollection('c/index.json', 'https://example.org/', missing)).rejects.toThrow(/404 Not Found/);
  });
});
