/**
 * Reading order of boxes with no order of their own (OCR words: tesseract's sparse mode reads across a
 * two-column page line by line). Recursive XY-cut: a region is split at its widest white gap, a column
 * gutter (a vertical gap wider than word spacing) left before right, a horizontal gap top before bottom;
 * a region with neither is one line, read left to right.
 */
import type { Box } from './types.ts';

interface Gap {
  at: number;
  size: number;
}

/** The widest gap between the boxes' extents along x (axis 0) or y (axis 1). */
function widestGap(boxes: Box[], axis: 0 | 1): Gap | undefined {
  const spans = boxes.map((b) => [b[axis], b[axis + 2]] as const).sort((a, b) => a[0] - b[0]);
  let end = spans[0]![1];
  let best: Gap | undefined;
  for (const [start, stop] of spans.slice(1)) {
    if (start > end && (!best || start - end > best.size)) best = { at: (start + end) / 2, size: start - end };
    end = Math.max(end, stop);
  }
  return best;
}

/** `items` in reading order; `minColumnGap` (points) is the narrowest vertical gap taken for a gutter. */
export function readingOrder<T extends { box: Box }>(items: T[], minColumnGap: number): T[] {
  if (items.length <= 1) return items;
  const boxes = items.map((i) => i.box);
  const column = widestGap(boxes, 0);
  const row = widestGap(boxes, 1);
  if (column && column.size >= minColumnGap && (!row || column.size > row.size)) {
    const left = items.filter((i) => i.box[2] < column.at);
    return [
      ...readingOrder(left, minColumnGap),
      ...readingOrder(
        items.filter((i) => i.box[2] >= column.at),
        minColumnGap,
      ),
    ];
  }
  if (row) {
    const top = items.filter((i) => i.box[3] < row.at);
    return [
      ...readingOrder(top, minColumnGap),
      ...readingOrder(
        items.filter((i) => i.box[3] >= row.at),
        minColumnGap,
      ),
    ];
  }
  return [...items].sort((a, b) => a.box[0] - b.box[0]);
}
