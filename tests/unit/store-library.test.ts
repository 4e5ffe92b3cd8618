/**
 * The library cannot be corrupted (IndexedDB by fake-indexeddb): a file with one bad record is refused with
 * its reason and changes nothing; a damaged stored record is listed as damaged; a save pending when its paper
 * was deleted is refused; a second tab's stale save is refused and the tabs hear of each other's writes; a
 * newer version opening the database closes this one.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';
import { Library, LibraryWriteError, type LibraryChange } from '../../src/store/index.ts';
import type { DesignRecord, PaperRecord } from '../../src/store/index.ts';

let dbCount = 0;
const freshName = () => `library-test-${++dbCount}`;

const graph = (name: string): Graph => ({ format: GRAPH_FORMAT, name, layers: [{ id: 'input', type: 'Input', params: { shape: [4] } }] });
const paper = (id: string): PaperRecord => ({ id, title: `Paper ${id}`, fileName: `${id}.pdf`, kind: 'pdf', addedAt: 1000, regions: [], warnings: [] });
const design = (id: string, paperId: string, updatedAt = 1): DesignRecord => ({
  id,
  paperId,
  original: graph(id),
  graph: graph(id),
  rating: 0,
  note: '',
  edits: [],
  updatedAt,
});

describe('library store', () => {
  it('refuses an import whose design has no graph name, with that reason, changing nothing', async () => {
    const library = await Library.open(freshName());
    await library.addPaper(paper('p1'), [design('d1', 'p1')]);
    const before = await library.exportJson();
    const file = JSON.parse(before) as { papers: unknown[]; designs: Array<Record<string, unknown>> };
    file.papers.push({ ...paper('p2') });
    const bad = design('d2', 'p2') as unknown as { graph: Record<string, unknown> };
    delete bad.graph.name;
    file.designs.push(bad as unknown as Record<string, unknown>);
    await expect(library.importJson(JSON.stringify(file))).rejects.toThrow('library file: design #2: design "d2": graph: graph "name" must be a string');
    expect(JSON.parse(await library.exportJson()).papers).toEqual(JSON.parse(before).papers);
    expect((await library.list()).map((e) => e.paper.id)).toEqual(['p1']);
    library.close();
  });

  it('lists a damaged stored record as damaged instead of throwing', async () => {
    const name = freshName();
    const library = await Library.open(name);
    await library.addPaper(paper('p1'), [design('d1', 'p1')]);
    await library.addPaper({ ...paper('p2'), addedAt: 2000 }, []);
    // Written behind the library's back, as an older version or a bad import could have.
    const raw = await openDB(name, 1);
    await raw.put('designs', { id: 'broken', paperId: 'p1', graph: { layers: [] } });
    await raw.put('papers', { id: 'p3', kind: 'pdf' });
    raw.close();
    const entries = await library.list();
    expect(entries.map((e) => [e.paper.id, e.designs.map((d) => d.id), e.damaged])).toEqual([
      ['p2', [], undefined],
      ['p1', ['d1'], expect.stringContaining('design "broken": graph')],
      ['p3', [], 'paper "p3" has no title'],
    ]);
    library.close();
  });

  it('exports a library holding damaged and orphaned records as a file that imports again, and exports or deletes those records apart', async () => {
    const name = freshName();
    const library = await Library.open(name);
    await library.addPaper(paper('p1'), [design('d1', 'p1')]);
    // An orphan left by an older version's pending autosave, and a paper without a title.
    const raw = await openDB(name, 1);
    await raw.put('designs', design('orphan', 'gone'));
    await raw.put('papers', { id: 'p3', kind: 'pdf' });
    await raw.put('designs', design('d3', 'p3'));
    raw.close();
    const exported = await library.exportJson();
    const copy = await Library.open(freshName());
    expect(await copy.importJson(exported)).toBe(1);
    expect((await copy.list()).map((e) => [e.paper.id, e.designs.map((d) => d.id)])).toEqual([['p1', ['d1']]]);
    copy.close();
    const damaged = await library.damaged();
    expect(damaged.map((d) => [d.store, d.reason])).toEqual([
      ['papers', 'paper "p3" has no title'],
      ['designs', 'design "d3": its paper "p3" is missing or damaged'],
      ['designs', 'design "orphan": its paper "gone" is missing or damaged'],
    ]);
    expect(damaged.find((d) => d.store === 'designs')!.record).toEqual(design('d3', 'p3'));
    expect(await library.deleteDamaged()).toBe(3);
    expect(await library.damaged()).toEqual([]);
    expect((await library.list()).map((e) => [e.paper.id, e.designs.map((d) => d.id), e.damaged])).toEqual([['p1', ['d1'], undefined]]);
    library.close();
  });

  it('refuses a save that arrives after its paper was deleted: no orphan design', async () => {
    const library = await Library.open(freshName());
    await library.addPaper(paper('p1'), [design('d1', 'p1')]);
    await library.deletePaper('p1');
    await expect(library.saveDesign({ ...design('d1', 'p1'), updatedAt: 2 })).rejects.toBeInstanceOf(LibraryWriteError);
    expect(await library.getDesign('d1')).toBeUndefined();
    library.close();
  });

  it('coordinates two tabs: the second writer of the same version is told, and each hears the other', async () => {
    const name = freshName();
    const heardByB: LibraryChange[] = [];
    const a = await Library.open(name);
    const b = await Library.open(name, { onChange: (change) => heardByB.push(change) });
    await a.addPaper(paper('p1'), [design('d1', 'p1', 1)]);
    await a.saveDesign({ ...design('d1', 'p1'), note: 'from A', updatedAt: 2 }, 1);
    await expect(b.saveDesign({ ...design('d1', 'p1'), note: 'from B', updatedAt: 3 }, 1)).rejects.toThrow(/changed in another tab/);
    expect((await a.getDesign('d1'))!.note).toBe('from A');
    await vi.waitFor(() => expect(heardByB).toContainEqual({ kind: 'design', id: 'd1' }));
    a.close();
    b.close();
  });

  it('closes its connection and says so when a newer version opens the database', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    await Library.open(name, { onVersionChange });
    const newer = await openDB(name, 2);
    expect(onVersionChange).toHaveBeenCalledOnce();
    newer.close();
  });
});
