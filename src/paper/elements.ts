/**
 * What regions are built from: the page's text chunks that are neither running text nor captions, turned
 * text, and its drawn paths and images — clipped to the page, without page-sized backgrounds, without the
 * marks behind running text (highlights, link frames, underlines) and without the rules of headers and
 * footers.
 */
import type { Box, Page } from './types.ts';
import type { Chunk } from './lines.ts';
import type { Element } from './sides.ts';

/** A drawn path this thin and this long, level or upright, is a rule (a table's line). */
const RULE_THICKNESS = 2;
const RULE_LENGTH = 10;
/** Paths and images covering more of the page than this are backgrounds. */
const BACKGROUND = 0.8;

const area = (b: Box) => Math.max(0.25, b[2] - b[0]) * Math.max(0.25, b[3] - b[1]);
const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

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

export function pageElements(page: Page, chunks: Chunk[], excluded: Set<Chunk>, covering: Box[]): Element[] {
  const [top, bottom] = furnitureBounds(page);
  const elements: Element[] = chunks.filter((c) => !excluded.has(c)).map((chunk) => ({ box: chunk.box, kind: 'text' as const, chunk }));
  for (const t of page.texts) if (t.rotated && !t.furniture) elements.push({ box: t.box, kind: 'text' });
  const graphics: Element[] = [
    ...page.paths.map((p) => {
      const [x0, y0, x1, y1] = p.box;
      const thin = Math.min(x1 - x0, y1 - y0) <= RULE_THICKNESS && Math.max(x1 - x0, y1 - y0) >= RULE_LENGTH;
      return { box: p.box, kind: thin ? ('rule' as const) : ('shape' as const) };
    }),
    ...page.images.map((i) => ({ box: i.box, kind: 'image' as const })),
  ];
  for (const g of graphics) {
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
