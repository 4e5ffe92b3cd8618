/**
 * Drawn blocks of a bitmap figure: the solid shapes that stand for layers in drawings without boxed text
 * (3-D cuboids, stacked feature maps, colour-coded slabs, bars). Everything that differs from the paper is
 * ink; closed outlines are filled, so a white-faced cuboid is as solid as a coloured one; strokes thinner
 * than a few pixels (connectors, outlines of open shapes, glyph strokes) are opened away. What is left, less
 * the pieces that are text, are the blocks, each with its fill colour.
 */
import type { Box } from '../../geometry/index.ts';
import type { RgbaPixels } from './image.ts';
import type { CV } from './opencv.ts';

export interface DrawnBlock {
  box: Box;
  /** Pixels of the block's solid area. */
  area: number;
  /** Median colour of the block's inner pixels (the fill), [r, g, b]. */
  fill: [number, number, number];
}

/** The paper: the median colour of the image's border pixels. */
function paperColour(rgba: RgbaPixels): [number, number, number] {
  const { width: w, height: h, data } = rgba;
  const samples: number[][] = [[], [], []];
  const take = (x: number, y: number) => {
    const o = (y * w + x) * 4;
    const a = data[o + 3]! / 255;
    for (let c = 0; c < 3; c++) samples[c]!.push(data[o + c]! * a + 255 * (1 - a));
  };
  for (let x = 0; x < w; x += 2) {
    take(x, 0);
    take(x, h - 1);
  }
  for (let y = 0; y < h; y += 2) {
    take(0, y);
    take(w - 1, y);
  }
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1] ?? 255) as [number, number, number];
}

/** How far a pixel's colour is from the paper's: ink, fills, even light grey faces. */
const INK_DISTANCE = 14;

/**
 * The drawing's line width: across its long straight lines (connectors, outlines: ink runs of at least three text
 * heights one way), the median thickness of the ink the other way, counting lines no thicker than a text height.
 */
export function lineWidth(ink: Uint8Array, w: number, h: number, textHeight: number): number {
  const long = Math.max(12, Math.round(3 * textHeight));
  const thick = Math.max(3, Math.round(textHeight));
  const widths: number[] = [];
  // Horizontal lines: where a row's run is long, the column's run through it is the line's thickness.
  const measure = (at: (a: number, b: number) => number, na: number, nb: number) => {
    for (let a = 0; a < na; a += 2) {
      let start = -1;
      for (let b = 0; b <= nb; b++) {
        const on = b < nb && ink[at(a, b)] !== 0;
        if (on && start < 0) start = b;
        if (on || start < 0) continue;
        if (b - start >= long) {
          for (let m = start + 2; m < b - 2; m += long) {
            let lo = a;
            let hi = a;
            while (lo > 0 && a - lo <= thick && ink[at(lo - 1, m)] !== 0) lo--;
            while (hi < na - 1 && hi - a <= thick && ink[at(hi + 1, m)] !== 0) hi++;
            if (hi - lo + 1 <= thick) widths.push(hi - lo + 1);
          }
        }
        start = -1;
      }
    }
  };
  measure((y, x) => y * w + x, h, w);
  measure((x, y) => y * w + x, w, h);
  return widths.length ? widths.sort((a, b) => a - b)[widths.length >> 1]! : 1;
}

/** A closed outline filling at least this share of its convex hull is a face; below it, paper closed in by lines. */
const MIN_FACE_SOLIDITY = 0.8;

/** A contour's area over its convex hull's (1 for a convex shape); a degenerate contour counts as convex. */
function solidity(cv: CV, contour: ReturnType<CV['MatVector']['prototype']['get']>): number {
  const hull = new cv.Mat();
  cv.convexHull(contour, hull, false, true);
  const hullArea = cv.contourArea(hull);
  hull.delete();
  return hullArea < 1 ? 1 : cv.contourArea(contour) / hullArea;
}

/**
 * `textBoxes`: words the OCR found; a piece lying mostly inside them is text. `textHeight`: the usual word
 * height, the smallest side a block may have.
 */
export function findDrawnBlocks(cv: CV, rgba: RgbaPixels, texts: ReadonlyArray<{ box: Box; text: string }>, textHeight: number): DrawnBlock[] {
  // Bars and edges read as strokes of letters ("I", "H", "l") are drawing, not text.
  const textBoxes = texts.filter((t) => !/^[IilH|1![\]]+$/.test(t.text.replace(/\s+/g, ''))).map((t) => t.box);
  const { width: w, height: h, data } = rgba;
  const paper = paperColour(rgba);
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const o = i * 4;
    const a = data[o + 3]! / 255;
    let far = 0;
    for (let c = 0; c < 3; c++) far = Math.max(far, Math.abs(data[o + c]! * a + 255 * (1 - a) - paper[c]!));
    ink[i] = far > INK_DISTANCE ? 255 : 0;
  }
  const line = lineWidth(ink, w, h, textHeight);
  const mask = cv.matFromArray(h, w, cv.CV_8UC1, ink);
  // Every closed outline that is a shape's face filled (holes included), except a frame round the whole figure.
  // A face is near convex (a rectangle, a parallelogram, a stack's outline); paper closed in by connectors (a
  // skip arc over the blocks, with the arrows under it) is not, and filled it would glue the blocks into one.
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  cv.findContours(mask, contours, hierarchy, cv.RETR_TREE, cv.CHAIN_APPROX_SIMPLE);
  for (let i = 0; i < contours.size(); i++) {
    const contour = contours.get(i);
    const r = cv.boundingRect(contour);
    if (r.width * r.height < 0.5 * w * h && solidity(cv, contour) >= MIN_FACE_SOLIDITY) cv.drawContours(mask, contours, i, new cv.Scalar(255), -1);
    contour.delete();
  }
  contours.delete();
  hierarchy.delete();
  // Strokes go: a side a little over the usual line width survives, a glyph stroke or connector does not (in a
  // figure drawn small, a connector's anti-aliased line is as wide as a third of its text).
  const side = Math.max(3, Math.min(Math.round(textHeight * 0.35), Math.round(Math.min(w, h) / 60)) | 1, (line + 1) | 1);
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(side, side));
  cv.morphologyEx(mask, mask, cv.MORPH_OPEN, kernel);
  kernel.delete();
  const labels = new cv.Mat();
  const stats = new cv.Mat();
  const centroids = new cv.Mat();
  const count = cv.connectedComponentsWithStats(mask, labels, stats, centroids, 4, cv.CV_32S);
  // Copies: the Mats' memory goes back to OpenCV's heap below, where freeing it overwrites part of it.
  const st = new Int32Array(stats.data32S);
  const lab = new Int32Array(labels.data32S);
  labels.delete();
  stats.delete();
  centroids.delete();
  mask.delete();
  const blocks: DrawnBlock[] = [];
  // The text height bounds a block's least size; in a figure with no text that guess must not exceed the figure.
  const minSide = Math.max(6, Math.min(1.6 * textHeight, Math.min(w, h) / 8));
  for (let l = 1; l < count; l++) {
    const [x, y, bw, bh] = [st[l * 5]!, st[l * 5 + 1]!, st[l * 5 + 2]!, st[l * 5 + 3]!];
    const box: Box = [x, y, x + bw, y + bh];
    if (Math.max(bw, bh) < minSide || Math.min(bw, bh) < side) continue;
    if (textShare(box, textBoxes) > 0.5) continue;
    // One solid piece over most of the figure is a drawing glued together (a neuron mesh), not a block.
    if (bw > 0.75 * w && bh > 0.6 * h) continue;
    for (const piece of splitByFill(rgba, lab, l, box, side, minSide)) {
      for (const part of splitAtSteps(rgba, piece, minSide)) {
        const pb = part.box;
        if (Math.max(pb[2] - pb[0], pb[3] - pb[1]) >= minSide && Math.min(pb[2] - pb[0], pb[3] - pb[1]) >= side) blocks.push(part);
      }
    }
  }
  return blocks;
}

/** One component's pixels as a mask over its box, with the colour each pixel has. */
interface Piece {
  box: Box;
  mask: Uint8Array;
  fill: [number, number, number];
}

const quantise = (v: number) => v >> 4;

/**
 * A component holding two or more large areas of clearly different fills (a pooling slab drawn on a
 * convolution, overlapping coloured maps) is one piece per fill; otherwise the component is one piece.
 */
function splitByFill(rgba: RgbaPixels, lab: Int32Array, l: number, box: Box, side: number, minSide: number): Piece[] {
  const { width: w, data } = rgba;
  const [bw, bh] = [box[2] - box[0], box[3] - box[1]];
  const own = new Uint8Array(bw * bh);
  const counts = new Map<number, number>();
  let total = 0;
  const keyAt = (i: number) => (quantise(data[i * 4]!) << 8) | (quantise(data[i * 4 + 1]!) << 4) | quantise(data[i * 4 + 2]!);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const i = (box[1] + y) * w + box[0] + x;
      if (lab[i] !== l) continue;
      own[y * bw + x] = 1;
      const o = i * 4;
      if (data[o]! + data[o + 1]! + data[o + 2]! < 3 * 110) continue;
      total++;
      // Only the inside of a fill counts: anti-aliased outline pixels are a colour of their own but no area.
      const key = keyAt(i);
      if (x < 2 || y < 2 || x >= bw - 2 || y >= bh - 2 || keyAt(i - 2) !== key || keyAt(i + 2) !== key || keyAt(i - 2 * w) !== key || keyAt(i + 2 * w) !== key)
        continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const whole = (): Piece[] => [{ box, mask: own, fill: fillOf(rgba, own, box) }];
  // A fill counts when it covers a block's worth of pixels (a slab may be small beside its convolution).
  const major = [...counts].filter(([, n]) => n >= Math.max(0.01 * total, minSide * minSide)).sort((a, b) => b[1] - a[1]);
  const colourOf = (key: number): [number, number, number] => [((key >> 8) & 15) * 16 + 8, ((key >> 4) & 15) * 16 + 8, (key & 15) * 16 + 8];
  const distinct: Array<[number, number, number]> = [];
  for (const [key] of major) {
    const c = colourOf(key);
    if (distinct.every((d) => Math.max(...d.map((v, k) => Math.abs(v - c[k]!))) > 48)) distinct.push(c);
  }
  if (distinct.length < 2) return whole();
  const pieces: Piece[] = [];
  for (const colour of distinct) {
    const mask = new Uint8Array(bw * bh);
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        if (!own[y * bw + x]) continue;
        const o = ((box[1] + y) * w + box[0] + x) * 4;
        if (Math.max(Math.abs(data[o]! - colour[0]), Math.abs(data[o + 1]! - colour[1]), Math.abs(data[o + 2]! - colour[2])) <= 24) mask[y * bw + x] = 1;
      }
    }
    const cropped = cropMask(mask, bw, box);
    if (cropped && Math.min(cropped.box[2] - cropped.box[0], cropped.box[3] - cropped.box[1]) >= side)
      pieces.push({ ...cropped, fill: fillOf(rgba, cropped.mask, cropped.box) });
  }
  return pieces.length ? pieces : whole();
}

/** The mask's bounding box within `box` and the mask cut to it; undefined when empty. */
function cropMask(mask: Uint8Array, bw: number, box: Box): { box: Box; mask: Uint8Array } | undefined {
  const bh = box[3] - box[1];
  let [x0, y0, x1, y1] = [bw, bh, -1, -1];
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      if (!mask[y * bw + x]) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return undefined;
  const [cw, ch] = [x1 - x0 + 1, y1 - y0 + 1];
  const out = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) out.set(mask.subarray((y0 + y) * bw + x0, (y0 + y) * bw + x0 + cw), y * cw);
  return { box: [box[0] + x0, box[1] + y0, box[0] + x1 + 1, box[1] + y1 + 1], mask: out };
}

/**
 * Shapes joined by what is drawn between them (a kernel's pyramid from one cuboid to the next) or drawn
 * overlapping (a small cuboid in front of a tall input slab) are one component. Along the flow, the column
 * height of the ink then dips between them (a valley) or jumps and stays (a step); the component is parted
 * at each, and slivers narrower than a block are dropped.
 */
function splitAtSteps(rgba: RgbaPixels, piece: Piece, minSide: number): DrawnBlock[] {
  const [bw, bh] = [piece.box[2] - piece.box[0], piece.box[3] - piece.box[1]];
  const heights = new Array<number>(bw).fill(0);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) heights[x]! += piece.mask[y * bw + x]!;
  const run = Math.ceil(minSide);
  const cuts = [...valleys(heights, 2 * run), ...steps(heights, run)].sort((a, b) => a - b);
  const bounds = [0, ...cuts, bw];
  const parts: DrawnBlock[] = [];
  for (let k = 1; k < bounds.length; k++) {
    const [a, b] = [bounds[k - 1]!, bounds[k]!];
    if (cuts.length && b - a < run / 2) continue;
    const mask = new Uint8Array(bw * bh);
    let area = 0;
    for (let y = 0; y < bh; y++) {
      for (let x = a; x < b; x++) {
        mask[y * bw + x] = piece.mask[y * bw + x]!;
        area += piece.mask[y * bw + x]!;
      }
    }
    const cropped = cropMask(mask, bw, piece.box);
    // Each part its own fill: blocks of several colours glued by their connectors are one piece.
    if (cropped) parts.push({ box: cropped.box, area, fill: cuts.length ? fillOf(rgba, cropped.mask, cropped.box) : piece.fill });
  }
  return parts;
}

/** Columns where the height falls below half of the tallest column on both sides within `reach`: one cut per dip, at its lowest. */
function valleys(heights: number[], reach: number): number[] {
  const cuts: number[] = [];
  let span: number[] = [];
  const close = () => {
    if (span.length) cuts.push(span.reduce((best, x) => (heights[x]! < heights[best]! ? x : best), span[0]!));
    span = [];
  };
  for (let x = 1; x < heights.length - 1; x++) {
    const left = Math.max(...heights.slice(Math.max(0, x - reach), x));
    const right = Math.max(...heights.slice(x + 1, x + 1 + reach));
    if (heights[x]! < 0.45 * Math.min(left, right)) span.push(x);
    else close();
  }
  close();
  return cuts;
}

/** Columns where the typical height over `run` columns on one side is 2.5× that on the other, both sides a block wide. */
function steps(heights: number[], run: number): number[] {
  const typical = (from: number, to: number) => {
    const part = heights.slice(Math.max(0, from), Math.min(heights.length, to)).sort((a, b) => a - b);
    return part[part.length >> 1] ?? 0;
  };
  const cuts: number[] = [];
  const least = 2 * run;
  for (let x = least; x + least <= heights.length; x++) {
    const [before, after] = [typical(x - run, x), typical(x, x + run)];
    const jump = Math.max(before, after) > 2.5 * Math.max(1, Math.min(before, after));
    if (jump && (cuts.length === 0 || x - cuts[cuts.length - 1]! >= least)) cuts.push(x);
  }
  return cuts;
}

/** How much of a box the text boxes cover (0…1). */
function textShare(box: Box, textBoxes: readonly Box[]): number {
  const area = (box[2] - box[0]) * (box[3] - box[1]);
  let covered = 0;
  for (const t of textBoxes) {
    const ix = Math.min(box[2], t[2]) - Math.max(box[0], t[0]);
    const iy = Math.min(box[3], t[3]) - Math.max(box[1], t[1]);
    if (ix > 0 && iy > 0) covered += ix * iy;
  }
  return area > 0 ? covered / area : 0;
}

/** Median colour of a piece's pixels that are not outline (outlines are much darker than fills). */
function fillOf(rgba: RgbaPixels, mask: Uint8Array, box: Box): [number, number, number] {
  const { width: w, data } = rgba;
  const bw = box[2] - box[0];
  const channels: number[][] = [[], [], []];
  const step = Math.max(1, Math.floor(Math.sqrt(((box[2] - box[0]) * (box[3] - box[1])) / 400)));
  for (let y = box[1]; y < box[3]; y += step) {
    for (let x = box[0]; x < box[2]; x += step) {
      if (!mask[(y - box[1]) * bw + x - box[0]]) continue;
      const o = (y * w + x) * 4;
      if (data[o]! + data[o + 1]! + data[o + 2]! < 3 * 110) continue;
      for (let c = 0; c < 3; c++) channels[c]!.push(data[o + c]!);
    }
  }
  return channels.map((s) => s.sort((a, b) => a - b)[s.length >> 1] ?? 255) as [number, number, number];
}
