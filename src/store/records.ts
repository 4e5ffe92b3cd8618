/**
 * Checks of library records, used on import (a file is refused with the first reason) and on listing (a
 * stored record that fails is shown as damaged, never thrown on). Graphs go through the graph format's own
 * structural check; a design may be mid-edit, so layer semantics (validateGraph) are not required.
 */
import { checkGraphStructure } from '../graph/index.ts';
import type { DesignRecord, PaperRecord } from './types.ts';

const KINDS = new Set(['pdf', 'model']);

const isStringList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Why a stored or imported paper record is unusable, or undefined. */
export function paperProblem(paper: Partial<PaperRecord> | null | undefined): string | undefined {
  if (typeof paper !== 'object' || paper === null) return 'not an object';
  if (typeof paper.id !== 'string' || paper.id === '') return 'no id';
  if (typeof paper.title !== 'string') return `paper "${paper.id}" has no title`;
  if (typeof paper.fileName !== 'string') return `paper "${paper.id}" has no file name`;
  if (!KINDS.has(paper.kind as string)) return `paper "${paper.id}": kind must be pdf or model`;
  if (typeof paper.addedAt !== 'number' || !Number.isFinite(paper.addedAt)) return `paper "${paper.id}": addedAt must be a time`;
  if (!Array.isArray(paper.regions)) return `paper "${paper.id}": regions must be a list`;
  if (!isStringList(paper.warnings)) return `paper "${paper.id}": warnings must be a list of strings`;
  return undefined;
}

function graphProblem(graph: unknown): string | undefined {
  try {
    checkGraphStructure(graph);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Why a stored or imported design record is unusable, or undefined. */
export function designProblem(design: Partial<DesignRecord> | null | undefined): string | undefined {
  if (typeof design !== 'object' || design === null) return 'not an object';
  if (typeof design.id !== 'string' || design.id === '') return 'no id';
  if (typeof design.paperId !== 'string') return `design "${design.id}" belongs to no paper`;
  for (const key of ['graph', 'original'] as const) {
    const problem = graphProblem(design[key]);
    if (problem) return `design "${design.id}": ${key}: ${problem}`;
  }
  if (typeof design.rating !== 'number' || !Number.isInteger(design.rating) || design.rating < 0 || design.rating > 5)
    return `design "${design.id}": rating must be 0..5`;
  if (typeof design.note !== 'string') return `design "${design.id}": note must be text`;
  if (!Array.isArray(design.edits)) return `design "${design.id}": edits must be a list`;
  if (typeof design.updatedAt !== 'number' || !Number.isFinite(design.updatedAt)) return `design "${design.id}": updatedAt must be a time`;
  return undefined;
}
