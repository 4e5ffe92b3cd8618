/**
 * Figure and table regions, pdffigures-style, decided by layout. The page's text is split into running
 * text and the rest; each caption looks at both of its sides within its column (sides.ts) and takes the
 * side whose content looks like what it captions — rows of cells and rules for a table, images and drawn
 * shapes for a figure — then the nearer one, then the conventional one. Captions are placed surest first;
 * a placed region is a wall for the others, and two captions facing the same stretch of content split it
 * at the white space between their floats.
 */
import type { Box, Page } from './types.ts';
import { bodyFontSize, boxOf, groupLines, type Chunk, type Line } from './lines.ts';
import { findCaptions, type Caption, type CaptionKind } from './captions.ts';
import { bandOf, runningText, textColumns, textMeasure } from './layout.ts';
import { clip, figureImages, pageElements } from './elements.ts';
import { collectSide, looksLike, sideScore, type Direction, type Element, type Side } from './sides.ts';
import { looksLikeDrawingPage } from './drawingPage.ts';

export interface Region {
  kind: CaptionKind;
  page: number;
  caption: Caption;
  /** Content box (caption excluded). */
  box: Box;
  /** Text lines inside the region, regrouped within the region. */
  lines: Line[];
  /** Drawn with vector paths and text. */
  vector: boolean;
  /** Contains placed raster images covering much of the region. */
  raster: boolean;
}

const inside = (b: Box, c: Box) => b[0] >= c[0] - 1 && b[1] >= c[1] - 1 && b[2] <= c[2] + 1 && b[3] <= c[3] + 1;
const area = (b: Box) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);

/** A caption's column, narrowed halfway to captions beside it on the same row (floats side by side). */
function captionBand(caption: Caption, captions: Caption[], columns: Array<[number, number]>, page: Page): [number, number] {
  const band = bandOf(caption.box, columns, page.width);
  for (const other of captions) {
    if (other === caption || Math.min(other.box[3], caption.box[3]) - Math.max(other.box[1], caption.box[1]) <= 0) continue;
    if (other.box[2] <= caption.box[0] && other.box[2] > band[0]) band[0] = (other.box[2] + caption.box[0]) / 2;
    if (other.box[0] >= caption.box[2] && other.box[0] < band[1]) band[1] = (caption.box[2] + other.box[0]) / 2;
  }
  return band;
}

/** Both sides of a caption; a side whose drawing or text runs across the column gutter is taken again page-wide. */
function sidesOf(caption: Caption, band: [number, number], page: Page, elements: Element[], walls: Box[], solid: Box[]): Side[] {
  return ([1, -1] as const).map((dir: Direction) => {
    const side = collectSide(caption, dir, band, elements, walls, solid);
    const across = side.elements.some((e) => e.kind !== 'rule' && (e.box[0] < band[0] - 10 || e.box[2] > band[1] + 10));
    return across && band[1] - band[0] < page.width ? collectSide(caption, dir, [0, page.width], elements, walls, solid) : side;
  });
}

interface Option {
  caption: Caption;
  side: Side;
  /** The caption's other side. */
  other: Side;
  /** How much better the chosen side fits than the other. */
  margin: number;
}

function bestOption(caption: Caption, sides: Side[]): Option | undefined {
  const [a, b] = sides.map((side) => ({ side, score: sideScore(caption.kind, side) })).sort((x, y) => y.score - x.score);
  if (a.score === -Infinity) return undefined;
  return { caption, side: a.side, other: b.side, margin: b.score === -Infinity ? 10 : a.score - b.score };
}

/**
 * Content wanted by a caption below it and a caption above it: split at the widest white space after which
 * the upper part looks like the upper caption's kind and the lower part like the lower one's.
 */
function splitFacing(upper: Option, lower: Option): [Element[], Element[]] | undefined {
  const all = [...new Set([...upper.side.elements, ...lower.side.elements])].sort((a, b) => a.box[1] - b.box[1]);
  const cuts: Array<{ at: number; width: number }> = [];
  let reach = -Infinity;
  all.forEach((e, i) => {
    if (i > 0 && e.box[1] > reach) cuts.push({ at: i, width: e.box[1] - reach });
    reach = Math.max(reach, e.box[3]);
  });
  const fits = (at: number) =>
    looksLike(upper.caption.kind, { ...upper.side, elements: all.slice(0, at) }) && looksLike(lower.caption.kind, { ...lower.side, elements: all.slice(at) });
  const best = cuts.filter((c) => fits(c.at)).sort((a, b) => b.width - a.width)[0];
  return best ? [all.slice(0, best.at), all.slice(best.at)] : undefined;
}

/** Places captions surest first; returns each placed caption's elements. */
function placeCaptions(captions: Caption[], bands: Array<[number, number]>, page: Page, elements: Element[], walls: Box[]): Map<Caption, Element[]> {
  const placed = new Map<Caption, Element[]>();
  const claimed = new Set<Element>();
  const placedWalls: Box[] = [];
  const place = (caption: Caption, taken: Element[]) => {
    placed.set(caption, taken);
    if (taken.length === 0) return;
    taken.forEach((e) => claimed.add(e));
    placedWalls.push(boxOf(taken.map((e) => e.box)));
  };
  for (;;) {
    const free = elements.filter((e) => !claimed.has(e));
    const options = captions
      .filter((c) => !placed.has(c))
      .map((c) =>
        bestOption(c, sidesOf(c, bands[captions.indexOf(c)], page, free, [...walls, ...placedWalls], [...captions.map((o) => o.box), ...placedWalls])),
      )
      .filter((o): o is Option => !!o)
      .sort((a, b) => b.margin - a.margin || a.side.gap - b.side.gap);
    const first = options[0];
    if (!first) break;
    const rival = options.find((o) => o !== first && o.side.dir === -first.side.dir && o.side.elements.some((e) => first.side.elements.includes(e)));
    // Two captions facing the same content share it when it splits into a part of each one's kind — a table
    // and a figure stacked between them, or two floats of one kind when the other caption has nowhere else
    // to go. Otherwise the surer caption takes it and the other looks again.
    const sharing = rival && (rival.caption.kind !== first.caption.kind || rival.other.elements.length === 0);
    const [upper, lower] = first.side.dir === 1 ? [first, rival] : [rival, first];
    const split = sharing && upper && lower ? splitFacing(upper, lower) : undefined;
    if (split && upper && lower) {
      place(upper.caption, split[0]);
      place(lower.caption, split[1]);
    } else place(first.caption, first.side.elements);
  }
  return placed;
}

function toRegion(caption: Caption, taken: Element[], page: Page): Region | undefined {
  const box = clip(boxOf(taken.map((e) => e.box)), page);
  if (!box) return undefined;
  const items = taken.flatMap((e) => e.chunk?.items ?? []);
  const imageArea = taken.filter((e) => e.kind === 'image').reduce((s, e) => s + area(e.box), 0);
  const raster = imageArea > 0.3 * Math.max(1, area(box));
  const vector = !raster || taken.some((e) => e.kind === 'rule' || e.kind === 'shape');
  return { kind: caption.kind, page: page.number, caption, box, lines: groupLines(items), vector, raster };
}

export function findRegions(page: Page): Region[] {
  const lines = groupLines(page.texts.filter((t) => !t.furniture));
  const chunks = lines.flatMap((l) => l.chunks);
  const body = page.bodySize ?? bodyFontSize(lines);
  const columns = textColumns(page, chunks, body);
  const captions = findCaptions(page, lines, columns);
  if (captions.length === 0) return drawingPageRegion(page);
  const captionParts = new Set(chunks.filter((c) => captions.some((cap) => inside(c.box, cap.box))));
  const running = runningText(
    chunks.filter((c) => !captionParts.has(c)),
    body,
    textMeasure(chunks, body),
  );
  const walls = [...[...running].map((c: Chunk) => c.box), ...captions.map((c) => c.box)];
  const elements = pageElements(page, chunks, new Set([...running, ...captionParts]), walls, columns);
  const bands = captions.map((c) => captionBand(c, captions, columns, page));
  const placed = placeCaptions(captions, bands, page, elements, walls);
  return captions.flatMap((c) => {
    const taken = placed.get(c);
    const region = taken?.length ? toRegion(c, taken, page) : undefined;
    return region ? [region] : [];
  });
}

/** A caption-less page that is all drawing: one vector figure region around everything on it. */
function drawingPageRegion(page: Page): Region[] {
  if (!looksLikeDrawingPage(page.texts) || page.paths.length + page.images.length === 0) return [];
  const images = figureImages(page);
  const box = clip(boxOf([...page.texts.map((t) => t.box), ...page.paths.map((p) => p.box), ...images]), page);
  if (!box) return [];
  const caption: Caption = {
    kind: 'figure',
    label: `Drawing on page ${page.number}`,
    text: '',
    box: [box[0], box[3], box[0], box[3]],
    size: 0,
    page: page.number,
  };
  const raster = images.reduce((s, b) => s + area(b), 0) > 0.3 * Math.max(1, area(box));
  return [{ kind: 'figure', page: page.number, caption, box, lines: groupLines(page.texts), vector: !raster || page.paths.length > 0, raster }];
}
