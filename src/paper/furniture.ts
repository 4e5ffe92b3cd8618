/**
 * Page furniture: running headers, footers and page numbers. A line near the top or bottom edge is
 * furniture when a line with the same text (numbers aside) sits at the same height on two other pages.
 */
import type { Page } from './types.ts';
import { groupLines } from './lines.ts';

/** Share of the page height, at the top and at the bottom, where headers and footers live. */
const EDGE = 0.12;
const SAME_HEIGHT = 4;

const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Marks the text items of running headers and footers (`furniture: true`) on every page. */
export function markFurniture(pages: Page[]): void {
  if (pages.length < 3) return;
  // Each edge line's key computed once: the pages are compared pairwise.
  const edgeLines = pages.map((page) =>
    groupLines(page.texts)
      .filter((l) => l.box[3] < page.height * EDGE || l.box[1] > page.height * (1 - EDGE))
      .map((line) => ({ line, key: key(line.text) })),
  );
  pages.forEach((_, i) => {
    for (const { line, key: k } of edgeLines[i]) {
      const repeats = edgeLines.filter((lines, j) => j !== i && lines.some((l) => l.key === k && Math.abs(l.line.box[1] - line.box[1]) <= SAME_HEIGHT)).length;
      if (repeats < 2) continue;
      for (const chunk of line.chunks) for (const item of chunk.items) item.furniture = true;
    }
  });
}
