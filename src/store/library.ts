/** The library in IndexedDB: papers and designs survive reloads and browser restarts. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { libraryFromJson, libraryToJson } from './libraryFile.ts';
import { matchesTitle } from './search.ts';
import type { DesignRecord, PaperRecord } from './types.ts';

interface LibrarySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { addedAt: number } };
  designs: { key: string; value: DesignRecord; indexes: { paperId: string } };
}

export interface PaperEntry {
  paper: PaperRecord;
  designs: DesignRecord[];
}

export class Library {
  private constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  static async open(name = 'paper2net'): Promise<Library> {
    const db = await openDB<LibrarySchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('papers', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
        db.createObjectStore('designs', { keyPath: 'id' }).createIndex('paperId', 'paperId');
      },
    });
    return new Library(db);
  }

  /** Stores a paper with its designs in one transaction. */
  async addPaper(paper: PaperRecord, designs: DesignRecord[]): Promise<void> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    await Promise.all([tx.objectStore('papers').put(paper), ...designs.map((d) => tx.objectStore('designs').put(d)), tx.done]);
  }

  async getPaper(id: string): Promise<PaperRecord | undefined> {
    return this.db.get('papers', id);
  }

  async getDesign(id: string): Promise<DesignRecord | undefined> {
    return this.db.get('designs', id);
  }

  async saveDesign(design: DesignRecord): Promise<void> {
    await this.db.put('designs', design);
  }

  async deletePaper(id: string): Promise<void> {
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    const designKeys = await tx.objectStore('designs').index('paperId').getAllKeys(id);
    await Promise.all([tx.objectStore('papers').delete(id), ...designKeys.map((k) => tx.objectStore('designs').delete(k)), tx.done]);
  }

  /** Papers newest first with their designs, filtered by title (paper title or design name). */
  async list(query = ''): Promise<PaperEntry[]> {
    const [papers, designs] = await Promise.all([this.db.getAll('papers'), this.db.getAll('designs')]);
    const byPaper = new Map<string, DesignRecord[]>();
    for (const d of designs) byPaper.set(d.paperId, [...(byPaper.get(d.paperId) ?? []), d]);
    return papers
      .sort((a, b) => b.addedAt - a.addedAt)
      .map((paper) => ({ paper, designs: (byPaper.get(paper.id) ?? []).sort((a, b) => a.graph.name.localeCompare(b.graph.name, undefined, { numeric: true })) }))
      .filter(({ paper, designs }) => matchesTitle(paper.title, query) || designs.some((d) => matchesTitle(d.graph.name, query)));
  }

  async exportJson(): Promise<string> {
    const [papers, designs] = await Promise.all([this.db.getAll('papers'), this.db.getAll('designs')]);
    return libraryToJson(papers, designs);
  }

  /** Merges an exported library in; records with the same id are replaced. Returns how many papers came in. */
  async importJson(text: string): Promise<number> {
    const { papers, designs } = libraryFromJson(text);
    const tx = this.db.transaction(['papers', 'designs'], 'readwrite');
    await Promise.all([...papers.map((p) => tx.objectStore('papers').put(p)), ...designs.map((d) => tx.objectStore('designs').put(d)), tx.done]);
    return papers.length;
  }
}
