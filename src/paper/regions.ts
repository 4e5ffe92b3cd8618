/**
 * Figure and table regions, pdffigures-style: each caption claims the block of graphics and text next to
 * it (above or below, within its column) up to body text, another caption or a wide empty gap.
 */
import type { Box, Page } from './types.ts';
import { bodyFontSize, boxOf, groupLines, type Line } from './lines.ts';
import { findCaptions, type Caption, type CaptionKind } from './captions.ts';
import { looksLikeDrawingPage } from './drawingPage.ts';

export interface Region {
  kind: CaptionKind;
  page: number;
  caption: Caption;
  /** Content box (caption excluded). */
  box: Box;
  /** Text lines inside the region, regrouped within the region's column. */
  lines: Line[];
  /** Drawn with vector paths and text. */
  vector: boolean;
  /** Contains placed raster images covering much of the region. */
  raster: boolean;
}

interface Element {
  box: Box;
  line?: Line;
}

function isSingleColumn(page: Page, lines: Line[], body: number): boolean {
  const mid = page.width / 2;
  const bodyLines = lines.filter((l) => Math.abs(l.size - body) < 0.6 && l.chunks.length === 1 && l.box[2] - l.box[0] > page.width * 0.3);
  if (bodyLines.length < 5) return true;
  const crossing = bodyLines.filter((l) => l.box[0] < mid - 20 && l.box[2] > mid + 20).length;
  return crossing > bodyLines.length / 2;
}

/** The horizontal band a caption's region lives in. */
function columnOf(caption: Caption, page: Page, single: boolean): [number, number] {
  const mid = page.width / 2;
  if (single || (caption.box[0] < mid - 15 && caption.box[2] > mid + 15)) return [0, page.width];
  return caption.box[2] <= mid + 15 ? [0, mid] : [mid, page.width];
}

const inBand = (box: Box, band: [number, number]) => {
  const cx = (box[0] + box[2]) / 2;
  return cx >= band[0] && cx <= band[1];
};

interface Candidate {
  caption: Caption;
  /** [below, above] */
  sides: [Element[], Element[]];
  scores: [number, number];
  pick: 0 | 1;
}

/** Elements are rebuilt per caption, so claims are compared by geometry, not identity. */
const overlaps = (a: Element[], b: Element[]) =>
  a.some((e) => b.some((f) => Math.min(e.box[2], f.box[2]) - Math.max(e.box[0], f.box[0]) > 1 && Math.min(e.box[3], f.box[3]) - Math.max(e.box[1], f.box[1]) > 1));

/** Two captions claiming the same content: the one with a usable other side moves there. */
function resolveConflicts(candidates: Candidate[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const a of candidates) {
      for (const b of candidates) {
        if (a === b || !overlaps(a.sides[a.pick], b.sides[b.pick])) continue;
        const altA = a.sides[1 - a.pick];
        const altB = b.sides[1 - b.pick];
        const freeA = altA.length > 0 && a.scores[1 - a.pick] > 0 && !overlaps(altA, b.sides[b.pick]);
        const freeB = altB.length > 0 && b.scores[1 - b.pick] > 0 && !overlaps(altB, a.sides[a.pick]);
        if (freeA && (!freeB || a.scores[1 - a.pick] >= b.scores[1 - b.pick])) a.pick = (1 - a.pick) as 0 | 1;
        else if (freeB) b.pick = (1 - b.pick) as 0 | 1;
      }
    }
  }
}

export function findRegions(page: Page): Region[] {
  const allLines = groupLines(page.texts);
  const captions = findCaptions(page, allLines);
  if (captions.length === 0) return drawingPageRegion(page);
  const body = bodyFontSize(allLines);
  const single = isSingleColumn(page, allLines, body);
  const pageArea = page.width * page.height;
  const graphics: Box[] = [...page.paths.map((p) => p.box), ...page.images.map((i) => i.box)].filter(
    (b) => (b[2] - b[0]) * (b[3] - b[1]) < 0.8 * pageArea && b[3] > 0 && b[1] < page.height,
  );
  const regions: Region[] = [];
  const candidates: Candidate[] = [];
  for (const caption of captions) {
    const band = columnOf(caption, page, single);
    const bandWidth = band[1] - band[0];
    const items = page.texts.filter((t) => inBand(t.box, band) && !(t.box[1] >= caption.box[1] - 1 && t.box[3] <= caption.box[3] + 1 && t.box[0] >= caption.box[0] - 1 && t.box[2] <= caption.box[2] + 1));
    const lines = groupLines(items);
    const elements: Element[] = [...lines.map((line) => ({ box: line.box, line })), ...graphics.filter((b) => inBand(b, band)).map((box) => ({ box }))];
    const isBody = (line: Line) => Math.abs(line.size - body) < 0.4 && line.chunks.length === 1 && line.box[2] - line.box[0] > 0.55 * Math.min(bandWidth, page.width * 0.9) && line.text.length > 40;
    const otherCaptions = captions.filter((c) => c !== caption);
    const hitsCaption = (box: Box) => otherCaptions.some((c) => box[1] < c.box[3] && box[3] > c.box[1] && box[0] < c.box[2] && box[2] > c.box[0]);

    const collect = (dir: 1 | -1): Element[] => {
      const sorted = elements
        .filter((e) => (dir === 1 ? e.box[1] >= caption.box[3] - 1 : e.box[3] <= caption.box[1] + 1))
        .sort((a, b) => (dir === 1 ? a.box[1] - b.box[1] : b.box[3] - a.box[3]));
      const taken: Element[] = [];
      let frontier = dir === 1 ? caption.box[3] : caption.box[1];
      let graphicsBox: Box | undefined;
      for (const e of sorted) {
        const gap = dir === 1 ? e.box[1] - frontier : frontier - e.box[3];
        // Figures leave more air between drawing, sub-figure labels and caption than tables do.
        const maxGap = caption.kind === 'figure' ? 40 : graphicsBox ? 28 : Math.max(3 * caption.size, 22);
        if (gap > maxGap) break;
        if (hitsCaption(e.box)) break;
        const insideGraphics = graphicsBox && e.box[1] >= graphicsBox[1] - 2 && e.box[3] <= graphicsBox[3] + 2;
        if (e.line && isBody(e.line) && !insideGraphics) break;
        taken.push(e);
        if (!e.line) graphicsBox = graphicsBox ? boxOf([graphicsBox, e.box]) : e.box;
        frontier = dir === 1 ? Math.max(frontier, e.box[3]) : Math.min(frontier, e.box[1]);
      }
      return taken;
    };
    const score = (taken: Element[]) => {
      const textLines = taken.filter((e) => e.line);
      if (caption.kind === 'table') return textLines.filter((e) => e.line!.chunks.length >= 2).length * 2 + textLines.length * 0.5;
      return taken.filter((e) => !e.line).length * 0.2 + textLines.length * 0.1;
    };
    const below = collect(1);
    const above = collect(-1);
    candidates.push({ caption, sides: [below, above], scores: [score(below), score(above)], pick: 0 });
  }
  for (const c of candidates) {
    // Tie-break by convention: tables have captions above their content, figures below.
    const [sb, sa] = c.scores;
    c.pick = sb > sa || (sb === sa && c.caption.kind === 'table') ? 0 : 1;
  }
  resolveConflicts(candidates);
  for (const { caption, sides, pick } of candidates) {
    const chosen = sides[pick];
    if (chosen.length === 0) continue;
    const box = boxOf(chosen.map((e) => e.box));
    const regionLines = chosen.filter((e) => e.line).map((e) => e.line!);
    const imageArea = page.images
      .filter((i) => i.box[0] < box[2] && i.box[2] > box[0] && i.box[1] < box[3] && i.box[3] > box[1])
      .reduce((s, i) => s + (i.box[2] - i.box[0]) * (i.box[3] - i.box[1]), 0);
    const area = Math.max(1, (box[2] - box[0]) * (box[3] - box[1]));
    const raster = imageArea > 0.3 * area;
    const vector = !raster || chosen.some((e) => !e.line);
    regions.push({ kind: caption.kind, page: page.number, caption, box, lines: regionLines, vector, raster });
  }
  return regions;
}

/** A caption-less page that is all drawing: one vector figure region around everything on it. */
function drawingPageRegion(page: Page): Region[] {
  if (!looksLikeDrawingPage(page.texts) || page.paths.length + page.images.length === 0) return [];
  const box = boxOf([...page.texts.map((t) => t.box), ...page.paths.map((p) => p.box), ...page.images.map((i) => i.box)]);
  const caption: Caption = { kind: 'figure', label: `Drawing on page ${page.number}`, text: '', box: [box[0], box[3], box[0], box[3]], size: 0, page: page.number };
  const imageArea = page.images.reduce((s, i) => s + (i.box[2] - i.box[0]) * (i.box[3] - i.box[1]), 0);
  const raster = imageArea > 0.3 * Math.max(1, (box[2] - box[0]) * (box[3] - box[1]));
  return [{ kind: 'figure', page: page.number, caption, box, lines: groupLines(page.texts), vector: !raster || page.paths.length > 0, raster }];
}
