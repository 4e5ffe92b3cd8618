/**
 * Stored records sorted into sound and damaged. Damaged: a record that fails its check, a design whose paper
 * is gone or damaged. They are kept out of listings' designs and out of library exports (an export must
 * always import again), and can be exported on their own or deleted.
 */
import { designProblem, paperProblem } from './records.ts';
import type { DesignRecord, PaperRecord } from './types.ts';

export interface DamagedRecord {
  store: 'papers' | 'designs';
  /** Position in the list the record came from (IndexedDB's getAll order, the same as getAllKeys'). */
  index: number;
  record: unknown;
  reason: string;
}

export interface Triage {
  papers: PaperRecord[];
  designs: DesignRecord[];
  damaged: DamagedRecord[];
}

export function triage(papers: unknown[], designs: unknown[]): Triage {
  const out: Triage = { papers: [], designs: [], damaged: [] };
  const soundPapers = new Set<string>();
  papers.forEach((record, index) => {
    const reason = paperProblem(record as PaperRecord);
    if (reason) out.damaged.push({ store: 'papers', index, record, reason });
    else {
      out.papers.push(record as PaperRecord);
      soundPapers.add((record as PaperRecord).id);
    }
  });
  designs.forEach((record, index) => {
    const design = record as DesignRecord;
    const reason =
      designProblem(design) ?? (soundPapers.has(design.paperId) ? undefined : `design "${design.id}": its paper "${design.paperId}" is missing or damaged`);
    if (reason) out.damaged.push({ store: 'designs', index, record, reason });
    else out.designs.push(design);
  });
  return out;
}
