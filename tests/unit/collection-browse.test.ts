/** Browsing a collection index: loading it by URL, search over title/authors/layer types, sorting, at 5,000 papers. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_FORMAT, filterPapers, layerTypeLine, loadCollection, sortPapers, type CollectionIndex } from '../../src/collection/index.ts';
import { syntheticEntries } from '../support/synthetic-collection.ts';

describe('collection browsing', () => {
  const entries = syntheticEntries(5000);

  it('search: every query word starts a word of the title, authors, file name or a layer type', () => {
    const lstm = filterPapers(entries, 'lstm');
    expect(lstm.length).toBeGreaterThan(0);
    expect(lstm.length).toBe(entries.filter((e) => 'LSTM' in e.layerTypes).length);
    const both = filterPapers(entries, 'resid atten');
    expect(both.length).toBeGreaterThan(0);
    for (const e of both) {
      expect(e.title).toMatch(/residual/);
      expect(e.title).toMatch(/attention/);
    }
    expect(filterPapers(entries, '  ')).toHaveLength(5000);
  });

  it('sorts titles A→Z and numbers largest first, papers without a value last', () => {
    const byDesigns = sortPapers(entries, 'designs').map((e) => e.designCount);
    expect(byDesigns).toEqual([...byDesigns].sort((a, b) => b - a));
    const byConfidence = sortPapers(entries, 'confidence');
    expect(byConfidence.at(-1)!.confidence).toBeUndefined();
    expect(byConfidence[0]!.confidence).toBe(Math.max(...entries.map((e) => e.confidence ?? -1)));
    const titles = sortPapers(entries, 'title').map((e) => e.title);
    expect(titles[0]! <= titles.at(-1)!).toBe(true);
  });

  it('filters and sorts 5,000 papers within 50 ms', () => {
    filterPapers(entries, 'deep');
    const start = performance.now();
    sortPapers(filterPapers(entries, 'deep conv'), 'confidence');
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('layer types in one line, most frequent first', () => {
    expect(layerTypeLine({ ...entries[0]!, layerTypes: { Dense: 3, Conv2D: 13, Input: 1 } })).toBe('Conv2D ×13, Dense ×3, Input ×1');
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
