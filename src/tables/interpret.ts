/**
 * Table grid → network drafts. Three layouts are recognised:
 * - configurations: columns are network variants and each cell names layers (VGG's A–E, ResNet-18…152);
 * - rows: a header row names attributes and each row is a layer (MobileNet's Table 1);
 * - columns: a header column names attributes and each column is a layer (OverFeat's Tables 1 and 3).
 */
import type { TableGrid } from './grid.ts';
import { attributeOf, readColumns, readRows } from './attributeTables.ts';
import { readConfigurations } from './configurationTables.ts';
import { rowsOf, type InterpretHints, type NetworkDraft } from './sequence.ts';

export type { BlockStyle, InterpretHints, NetworkDraft, SeqBand, SeqBlock, SeqItem, SeqLayer, TableLayout } from './sequence.ts';
export { attributeOf } from './attributeTables.ts';

/** Interprets a grid as zero or more networks. */
export function interpretTable(grid: TableGrid, hints: InterpretHints): NetworkDraft[] {
  const cells = grid.cells.filter((c) => c.text.trim());
  const rows = rowsOf(cells);
  // Row-major: the first row with two or more attribute headers, one of them a type or a kernel.
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const attrs = rows[r].map((c) => attributeOf(c.text)).filter(Boolean);
    if (attrs.length >= 2 && attrs.some((a) => a === 'type' || a === 'kernel')) {
      const draft = readRows(rows[r], rows.slice(r + 1));
      if (draft && draft.readCells >= 3) return [draft];
    }
  }
  // Column-major: a column holding three or more attribute headers.
  for (let col = 0; col < Math.min(grid.columns.length, 3); col++) {
    const attrs = cells.filter((c) => c.col0 === col && attributeOf(c.text)).length;
    if (attrs >= 3) {
      const draft = readColumns(grid, col, rows);
      if (draft) return [draft];
    }
  }
  return readConfigurations(grid, hints);
}
