/** The sequence a table (or a paragraph) describes, before it becomes a graph: layers, repeated blocks, bands. */
import type { Box } from '../paper/index.ts';
import type { Cell } from './grid.ts';
import type { LayerDraft } from './layerText.ts';

export interface SeqLayer {
  kind: 'layer';
  draft: LayerDraft;
  box: Box;
}

export type BlockStyle = 'residual' | 'dense' | 'plain';

export interface SeqBlock {
  kind: 'block';
  style: BlockStyle;
  layers: SeqLayer[];
  repeat: number;
  box: Box;
}

export type SeqItem = SeqLayer | SeqBlock;

/** A stretch of the network that ends at a stated spatial size (a ResNet "conv3_x" row). */
export interface SeqBand {
  items: SeqItem[];
  outputSize?: number;
}

export type TableLayout = 'configurations' | 'rows' | 'columns';

export interface NetworkDraft {
  name: string;
  layout: TableLayout;
  input?: number[];
  bands: SeqBand[];
  /** Cells read as layers / cells that looked like they should be. */
  readCells: number;
  totalCells: number;
}

export interface InterpretHints {
  /** How bracketed repeated blocks connect (from the paper's wording). */
  blockStyle: BlockStyle;
}

export const layerOf = (draft: LayerDraft, box: Box): SeqLayer => ({ kind: 'layer', draft, box });

/** True when two boxes share a good part of their height (same table row). */
export const overlapY = (a: Box, b: Box) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.3 * Math.min(a[3] - a[1], b[3] - b[1]);

/** Cells grouped into rows by their top edge. */
export function rowsOf(cells: Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const cell of [...cells].sort((a, b) => a.box[1] - b.box[1])) {
    const row = rows.find((r) => overlapY(r[0].box, cell.box));
    if (row) row.push(cell);
    else rows.push([cell]);
  }
  for (const r of rows) r.sort((a, b) => a.col0 - b.col0);
  return rows.sort((a, b) => a[0].box[1] - b[0].box[1]);
}
