/** What the library keeps: papers (or opened model files) and the designs read from them. */
import type { Graph } from '../graph/types.ts';

export type PaperKind = 'pdf' | 'model';

/** A figure or table region found in a PDF, kept so the paper view can outline it after a reload. */
export interface StoredRegion {
  page: number;
  kind: string;
  bbox: [number, number, number, number];
  caption?: string;
}

export interface PaperRecord {
  id: string;
  title: string;
  fileName: string;
  kind: PaperKind;
  /** ms since epoch */
  addedAt: number;
  /** The file itself, so the paper view and source highlights work after a reload. */
  bytes?: Uint8Array;
  /** SHA-256 of the file (hex): the same paper dropped again is recognised by its content, not its name. */
  contentHash?: string;
  regions: StoredRegion[];
  warnings: string[];
}

export interface EditLogEntry {
  at: number;
  label: string;
}

export interface DesignRecord {
  id: string;
  paperId: string;
  /** The graph as read from the paper, kept to show what the person changed. */
  original: Graph;
  /** The graph as edited. */
  graph: Graph;
  /** 0 = not rated, else 1..5 stars. */
  rating: number;
  note: string;
  edits: EditLogEntry[];
  updatedAt: number;
  /** A small PNG data URL of the figure/table it came from. */
  thumbnail?: string;
}
