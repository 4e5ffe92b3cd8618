/**
 * The two sides of a caption. Walking away from the caption (down, or up) within its column band, a side
 * takes the figure or table elements it meets until a wall — running text, another caption, a region
 * already placed — that lies across its path, or a gap too wide to be inside one float. Whether what a
 * side took looks like a table (rows of several cells, rules across it) or a figure (images, drawn shapes)
 * is the evidence for which side the caption belongs to.
 */
import type { Box } from './types.ts';
import type { Chunk } from './lines.ts';
import type { Caption, CaptionKind } from './captions.ts';

export interface Element {
  box: Box;
  kind: 'text' | 'image' | 'rule' | 'shape';
  /** The text chunk of a text element (absent for turned text). */
  chunk?: Chunk;
}

/** 1: the side below the caption, -1: the side above. */
export type Direction = 1 | -1;

export interface Side {
  dir: Direction;
  elements: Element[];
  /** White space between the caption and the nearest element taken. */
  gap: number;
}

const centreX = (b: Box) => (b[0] + b[2]) / 2;
const inBand = (b: Box, band: [number, number]) => centreX(b) >= band[0] && centreX(b) <= band[1];
const intersects = (a: Box, b: Box) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 1 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 1;

/** Widest white space allowed between the parts of one float: figures leave more air than tables. */
function maxGap(kind: CaptionKind, size: number, graphics: boolean): number {
  if (kind === 'figure') return 40;
  return graphics ? 28 : Math.max(3 * size, 22);
}

/**
 * `walls`: running text, captions and placed regions; an element reaching into another caption or a
 * placed region (a picture's margin under the next caption) belongs to that side, not this one.
 */
export function collectSide(caption: Caption, dir: Direction, band: [number, number], elements: Element[], walls: Box[], solid: Box[]): Side {
  const edge = dir === 1 ? caption.box[3] : caption.box[1];
  // By its middle: a picture's white margin may reach under the caption.
  const onSide = (b: Box) => inBand(b, band) && (dir === 1 ? (b[1] + b[3]) / 2 > caption.box[3] : (b[1] + b[3]) / 2 < caption.box[1]);
  const distance = (b: Box) => (dir === 1 ? b[1] - edge : edge - b[3]);
  const items = [
    ...elements.filter((e) => onSide(e.box)).map((element) => ({ box: element.box, element })),
    ...walls.filter(onSide).map((box) => ({ box, element: undefined })),
  ].sort((a, b) => distance(a.box) - distance(b.box));
  const taken: Element[] = [];
  let corridor: [number, number] = [caption.box[0], caption.box[2]];
  let frontier = edge;
  let graphics = false;
  for (const { box, element } of items) {
    if (!element) {
      // A wall stops the side only where it lies across the float's path, not beside it (a wrapped float).
      if (Math.min(box[2], corridor[1]) - Math.max(box[0], corridor[0]) > 2) break;
      continue;
    }
    const gap = dir === 1 ? box[1] - frontier : frontier - box[3];
    if (gap > maxGap(caption.kind, caption.size, graphics)) break;
    if (solid.some((s) => s !== caption.box && intersects(s, box))) continue;
    taken.push(element);
    graphics ||= element.kind !== 'text';
    corridor = [Math.min(corridor[0], box[0]), Math.max(corridor[1], box[2])];
    frontier = dir === 1 ? Math.max(frontier, box[3]) : Math.min(frontier, box[1]);
  }
  const gap = taken.length ? Math.min(...taken.map((e) => distance(e.box))) : Infinity;
  return { dir, elements: taken, gap: Math.max(0, gap) };
}

/** Text elements grouped into rows by vertical overlap. */
function rows(texts: Element[]): Element[][] {
  const out: Element[][] = [];
  for (const t of [...texts].sort((a, b) => a.box[1] - b.box[1])) {
    const row = out.find((r) => Math.min(r[0].box[3], t.box[3]) - Math.max(r[0].box[1], t.box[1]) > 0.5 * (t.box[3] - t.box[1]));
    if (row) row.push(t);
    else out.push([t]);
  }
  return out;
}

/** Does a side hold what a caption of this kind describes? */
export function looksLike(kind: CaptionKind, side: Side): boolean {
  const texts = side.elements.filter((e) => e.kind === 'text' && e.chunk);
  if (kind === 'table') {
    const xs = side.elements.flatMap((e) => [e.box[0], e.box[2]]);
    const width = Math.max(...xs) - Math.min(...xs);
    const across = side.elements.filter((e) => e.kind === 'rule' && e.box[2] - e.box[0] >= 0.5 * width).length;
    const multi = rows(texts).filter((r) => r.length >= 2).length;
    return multi >= 2 || (across >= 2 && texts.length >= 2);
  }
  return side.elements.some((e) => e.kind === 'image') || side.elements.filter((e) => e.kind === 'shape').length >= 2;
}

/** Tables are usually captioned above, figures below: the side a caption's float conventionally takes. */
export const conventionalSide = (kind: CaptionKind): Direction => (kind === 'table' ? 1 : -1);

/** How well a side fits its caption: the right kind of content first, then closeness, then convention. */
export function sideScore(kind: CaptionKind, side: Side): number {
  if (side.elements.length === 0) return -Infinity;
  return (looksLike(kind, side) ? 2 : 0) + (side.dir === conventionalSide(kind) ? 0.3 : 0) - Math.min(side.gap, 60) / 30;
}
