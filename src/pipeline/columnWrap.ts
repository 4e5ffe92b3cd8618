/**
 * A tall layered layout cut into side-by-side columns, between layers, to approach an aspect ratio. ELK can
 * wrap a layout itself, but on a few hundred layers its wrapping is most of the layout's time (DenseNet-121's
 * 428 layers); the editor draws its own edges, so cutting the finished tower gives the same picture for less.
 */
export interface PlacedBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gap between two columns, in the layout's units. */
const COLUMN_GAP = 80;

/**
 * Positions (top-left corners) moved into columns whose width over height approaches `aspectRatio`. A row of
 * nodes (the boxes overlapping one band of y) is never split across two columns.
 */
export function wrapIntoColumns(boxes: Record<string, PlacedBox>, aspectRatio: number): Record<string, { x: number; y: number }> {
  const ids = Object.keys(boxes).sort((a, b) => boxes[a]!.y - boxes[b]!.y);
  const positions: Record<string, { x: number; y: number }> = {};
  if (ids.length === 0) return positions;
  const left = Math.min(...ids.map((id) => boxes[id]!.x));
  const width = Math.max(...ids.map((id) => boxes[id]!.x + boxes[id]!.width)) - left;
  const top = boxes[ids[0]!]!.y;
  const height = Math.max(...ids.map((id) => boxes[id]!.y + boxes[id]!.height)) - top;
  // k columns of width w and height h/k: k·w / (h/k) = aspect when k = √(aspect·h/w).
  const columns = Math.max(1, Math.round(Math.sqrt((aspectRatio * height) / Math.max(1, width + COLUMN_GAP))));
  const columnHeight = height / columns;
  // Rows: runs of boxes whose vertical extents overlap; a cut may fall only between two rows.
  const rows: string[][] = [];
  let rowBottom = -Infinity;
  for (const id of ids) {
    const box = boxes[id]!;
    if (box.y >= rowBottom) rows.push([]);
    rows[rows.length - 1]!.push(id);
    rowBottom = Math.max(rowBottom, box.y + box.height);
  }
  let column = 0;
  let columnTop = top;
  for (const row of rows) {
    const rowTop = boxes[row[0]!]!.y;
    if (rowTop - columnTop >= columnHeight && column < columns - 1) {
      column++;
      columnTop = rowTop;
    }
    for (const id of row) positions[id] = { x: boxes[id]!.x + column * (width + COLUMN_GAP), y: boxes[id]!.y - columnTop + top };
  }
  return positions;
}
