/**
 * The library in IndexedDB: papers and designs survive reloads and browser restarts. It cannot be corrupted
 * from here: imports are checked whole before anything is written; a damaged stored record is listed as
 * damaged, not thrown on, and can be exported apart or deleted (library exports leave it out, so they always
 * import again); a design is saved only while its paper exists (a save pending when the paper was
 * deleted is refused) and only over the version it was based on (another tab's newer save is not overwritten);
 * other tabs hear of every write (BroadcastChannel); a newer version of the app opening the database closes
 * this connection and says so.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { libraryFromJson, libraryToJson } from './libraryFile.ts';
import { matchesTitle } from './search.ts';
import { triage, type DamagedRecord } from './triage.ts';
import type { DesignRecord, PaperRecord } from './types.ts';

interface LibrarySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { addedAt: number } };
  designs: { key: string; value: DesignRecord; indexes: { paperId: string } };
}

export interface PaperEntry {
  paper: PaperRecord;
  designs: DesignRecord[];
  /** Why some of this entry's stored records cannot be used (they are left out, not lost: export keeps them). */
  damaged?: string;
}

/** A save refused so that nothing is lost or resurrected: the paper is gone, or another tab saved first. */
export class LibraryWriteError extends Error {
  override name = 'LibraryWriteError';
}

/** What another tab (or this one) changed, as told over the BroadcastChannel. */
export interface LibraryChange {
  kind: 'design' | 'paper' | 'library';
  id?: string;
}

export interface LibraryOptions {
  /** Another tab opened a newer version of the database: this connection is closed; the page should reload. */
  onVersionChange?: () => void;
  /** Another tab wrote to the library. */
  onChange?: (change: LibraryChange) => void;
}

const CHANNEL = 'paper2net-library';

export class Library {
  private readonly channel: BroadcastChannel | undefined;

  private constructor(
    private readonly db: IDBPDatabase<LibrarySchema>,
    name: string,
    options: LibraryOptions,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`${CHANNEL}:${name}`);
    if (this.channel && options.onChange) this.channel.onmessage = (event: MessageEvent<LibraryChange>) => options.onChange!(event.data);
  }

  static async open(name = 'paper2net', options: LibraryOptions = {}): Promise<Library> {
    const db = await openDB<LibrarySchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('papers', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
        db.createObjectStore('designs', { keyPath: 'id' }).createIndex('paperId', 'paperId');
      },
      blocking() {
        db.close();
        options.onVersionChange?.();
      },
    });
    return new Library(db, name, options);
  }

  /** Asks the browser not to evict the library under storage pressure; true when granted. */
  static async persist(): Promise<boolean> {
    const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean> } } }).navigator?.storage;
    try {
      return (await storage?.persist?.()) ?? false;
    } catch {
      return false;
    }
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  private tell(change: LibraryChange): void {
    this.channel?.postMessage(change);
  }

  /** Stores a paper with its designs in one transaction. */
  async addPaper(paper: PaperRecord, designs: DesignRecord[]): Promise<void> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    await Promise.all([tx.objectStore('papers').put(paper), ...designs.map((d) => tx.objectStore('designs').put(d)), tx.done]);
    this.tell({ kind: 'paper', id: paper.id });
  }

  async getPaper(id: string): Promise<PaperRecord | undefined> {
    return this.db.get('papers', id);
  }

  async getDesign(id: string): Promise<DesignRecord | undefined> {
    return this.db.get('designs', id);
  }

  /**
   * Saves a design. Refused (LibraryWriteError, nothing written) when its paper is no longer in the library,
   * or when `basedOn` (the updatedAt of the version the change was made to) is not what is stored: another
   * tab saved in between.
   */
  async saveDesign(design: DesignRecord, basedOn?: number): Promise<void> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    const [paper, stored] = await Promise.all([tx.objectStore('papers').getKey(design.paperId), tx.objectStore('designs').get(design.id)]);
    let refusal: string | undefined;
    if (paper === undefined) refusal = `"${design.graph.name}" was not saved: its paper is no longer in the library`;
    else if (basedOn !== undefined && stored && stored.updatedAt !== basedOn) {
      refusal = `"${design.graph.name}" was changed in another tab; this change was not saved (reopen the design to see that version)`;
    }
    if (refusal) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new LibraryWriteError(refusal);
    }
    await Promise.all([tx.objectStore('designs').put(design), tx.done]);
    this.tell({ kind: 'design', id: design.id });
  }

  async deletePaper(id: string): Promise<void> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    const designKeys = await tx.objectStore('designs').index('paperId').getAllKeys(id);
    await Promise.all([tx.objectStore('papers').delete(id), ...designKeys.map((k) => tx.objectStore('designs').delete(k)), tx.done]);
    this.tell({ kind: 'paper', id });
  }

  /**
   * Papers newest first with their designs, filtered by title (paper title or design name). A record that
   * fails its check is never thrown on (see triage.ts): a bad paper is listed by its id as damaged, bad designs
   * are left out of their paper's entry, which says so.
   */
  async list(query = ''): Promise<PaperEntry[]> {
    const [papers, designs] = await Promise.all([this.db.getAll('papers'), this.db.getAll('designs')]);
    const sound = triage(papers, designs);
    const byPaper = new Map<string, DesignRecord[]>();
    for (const d of sound.designs) (byPaper.get(d.paperId) ?? byPaper.set(d.paperId, []).get(d.paperId)!).push(d);
    const problems = new Map<string, string[]>();
    const entries = sound.papers.map((paper): PaperEntry => ({ paper, designs: byPaper.get(paper.id) ?? [] }));
    for (const { store, record, reason } of sound.damaged) {
      const raw = record as { id?: unknown; paperId?: unknown } | null;
      const paperId = String(store === 'papers' ? raw?.id : raw?.paperId);
      if (store === 'papers')
        entries.push({
          paper: { id: paperId, title: `Damaged record ${paperId}`, fileName: '', kind: 'pdf', addedAt: 0, regions: [], warnings: [] },
          designs: [],
        });
      problems.set(paperId, [...(problems.get(paperId) ?? []), reason]);
    }
    for (const entry of entries) {
      entry.designs.sort((a, b) => a.graph.name.localeCompare(b.graph.name, undefined, { numeric: true }));
      const found = problems.get(entry.paper.id);
      if (found) entry.damaged = found.join('; ');
    }
    return entries
      .sort((a, b) => b.paper.addedAt - a.paper.addedAt)
      .filter(({ paper, designs }) => matchesTitle(paper.title, query) || designs.some((d) => matchesTitle(d.graph.name, query)));
  }

  /** The library as a file that always imports again: damaged records are left out (see `damaged`). */
  async exportJson(): Promise<string> {
    const [papers, designs] = await Promise.all([this.db.getAll('papers'), this.db.getAll('designs')]);
    const sound = triage(papers, designs);
    return libraryToJson(sound.papers, sound.designs);
  }

  /** Stored records that fail their check or whose paper is gone, with the reason for each. */
  async damaged(): Promise<DamagedRecord[]> {
    const [papers, designs] = await Promise.all([this.db.getAll('papers'), this.db.getAll('designs')]);
    return triage(papers, designs).damaged;
  }

  /** Deletes every damaged record (see `damaged`) in one transaction; returns how many. */
  async deleteDamaged(): Promise<number> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    const papers = tx.objectStore('papers');
    const designs = tx.objectStore('designs');
    const [paperKeys, paperValues, designKeys, designValues] = await Promise.all([
      papers.getAllKeys(),
      papers.getAll(),
      designs.getAllKeys(),
      designs.getAll(),
    ]);
    const { damaged } = triage(paperValues, designValues);
    await Promise.all([
      ...damaged.map(({ store, index }) => (store === 'papers' ? papers.delete(paperKeys[index]!) : designs.delete(designKeys[index]!))),
      tx.done,
    ]);
    if (damaged.length) this.tell({ kind: 'library' });
    return damaged.length;
  }

  /**
   * Merges an exported library in; records with the same id are replaced. The whole file is checked first
   * and refused with its first problem, changing nothing. Returns how many papers came in.
   */
  async importJson(text: string): Promise<number> {
    const { papers, designs } = libraryFromJson(text);
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    await Promise.all([...papers.map((p) => tx.objectStore('papers').put(p)), ...designs.map((d) => tx.objectStore('designs').put(d)), tx.done]);
    this.tell({ kind: 'library' });
    return papers.length;
  }
}
