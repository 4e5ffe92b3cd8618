/**
 * Axis-aligned boxes, the one geometry every stage shares: PDF points on pages, pixels in images and
 * synthetic figures. Top-left origin; no DOM, no Node.
 */

/** [x0, y0, x1, y1] with x0 <= x1 and y0 <= y1. */
export type Box = [number, number, number, number];

/** The smallest box holding both. */
export const union = (a: Box, b: Box): Box => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** The smallest box holding every box (at least one). */
export const boxOf = (boxes: readonly Box[]): Box => boxes.reduce(union);

/** Coordinates rounded to `decimals` places (one by default, as graph sources store page boxes). */
export function roundBox(box: readonly number[], decimals = 1): Box {
  const scale = 10 ** decimals;
  return box.map((v) => Math.round(v * scale) / scale) as Box;
}
