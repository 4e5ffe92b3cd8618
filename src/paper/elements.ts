/**
 * What regions are built from: the page's text chunks that are neither running text nor captions, turned
 * text, and its drawn paths and images — clipped to the page, without page-sized backgrounds, without the
 * marks behind running text (highlights, link frames, underlines) and without the rules of headers and
 * footers.
 */
import type { Box, Page } from './types.ts';
import type { Chunk } from './lines.ts';
import type { Element } from './sides.ts';

/** A drawn path or image this thin and this long, level or upright, is a rule (a table's line). */
const RULE_THICKNESS = 2;
const RULE_LENGTH = 10;
/** Points a path may reach beyond the page edge (a stroke's width, a little bleed). */
const OFF_PAGE = 10;
/** Paths and images covering more of the page than this are backgrounds. */
const BACKGROUND = 0.8;

const area = (b: Box) => Math.max(0.25, b[2] - b[0]) * Math.max(0.25, b[3] - b[1]);
const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

const offPage = (b: Box, page: Page) => Math.max(-b[0], -b[1], b[2] - page.width, b[3] - page.height);

export function clip(box: Box, page: Page): Box | undefined {
  const b: Box = [Math.max(0, box[0]), Math.max(0, box[1]), Math.min(page.width, box[2]), Math.min(page.height, box[3])];
  return b[2] >= b[0] && b[3] >= b[1] ? b : undefined;
}

/** Page images that are figure material: on the page, smaller than a background. */
export function figureImages(page: Page): Box[] {
  return page.images.map((i) => clip(i.box, page)).filter((b): b is Box => !!b && area(b) < BACKGROUND * page.width * page.height);
}

/** The y bounds outside which only running headers and footers (and their rules) live. */
function furnitureBounds(page: Page): [number, number] {
  const marked = page.texts.filter((t) => t.furniture);
  const top = marked.filter((t) => t.box[3] < page.height / 2).map((t) => t.box[3] + 8);
  const bottom = marked.filter((t) => t.box[1] > page.height / 2).map((t) => t.box[1] - 8);
  return [Math.max(0, ...top), Math.min(page.height, ...bottom)];
}

const isRule = ([x0, y0, x1, y1]: Box) => {
  const [thin, long] = [Math.min(x1 - x0, y1 - y0), Math.max(x1 - x0, y1 - y0)];
  return long >= RULE_LENGTH && (thin <= RULE_THICKNESS || long >= 40 * thin);
};

/** A level rule drawn across a column gutter is cut there: each column's table takes its own part. */
function cutAtGutters(box: Box, columns: Array<[number, number]>): Box[] {
  const gutters = columns
    .slice(1)
    .map((c) => c[0])
    .filter((g) => box[0] < g - 10 && box[2] > g + 10);
  const xs = [box[0], ...gutters, box[2]];
  return xs.slice(1).map((x, i) => [xs[i], box[1], x, box[3]] as Box);
}

export function pageElements(page: Page, chunks: Chunk[], excluded: Set<Chunk>, covering: Box[], columns: Array<[number, number]>): Element[] {
  const [top, bottom] = furnitureBounds(page);
  const elements: Element[] = chunks.filter((c) => !excluded.has(c)).map((chunk) => ({ box: chunk.box, kind: 'text' as const, chunk }));
  for (const t of page.texts) if (t.rotated && !t.furniture) elements.push({ box: t.box, kind: 'text' });
  // Rules come as thin paths, or as thin images (scanned pages, some TeX tables).
  const graphics: Element[] = [
    ...page.paths.map((p) => ({ box: p.box, kind: isRule(p.box) ? ('rule' as const) : ('shape' as const) })),
    ...page.images.map((i) => ({ box: i.box, kind: isRule(i.box) ? ('rule' as const) : ('image' as const) })),
  ].flatMap((g) => (g.kind === 'rule' ? cutAtGutters(g.box, columns).map((box) => ({ ...g, box })) : [g]));
  for (const g of graphics) {
    // A path reaching well off the page is an embedded drawing's backdrop or clip frame, not figure material.
    if (g.kind !== 'image' && offPage(g.box, page) > OFF_PAGE) continue;
    const box = clip(g.box, page);
    if (!box || area(box) >= BACKGROUND * page.width * page.height) continue;
    if (box[3] <= top || box[1] >= bottom) continue;
    // Marks drawn behind or around running text and captions belong to the text, not to a float.
    const solid: Box = [box[0], box[1], Math.max(box[2], box[0] + 0.5), Math.max(box[3], box[1] + 0.5)];
    if (covering.reduce((s, c) => s + overlapArea(solid, c), 0) >= 0.5 * area(solid)) continue;
    elements.push({ ...g, box });
  }
  return elements;
}
