/**
 * Boxes and connectors in a bitmap diagram with OpenCV.js. Boxes are rectangle-like contours (a Keras
 * record's cells merge into one node); octagons and ellipses are blobs. Connectors are what stays dark
 * once the boxes are blanked: each connected piece that touches two or more boxes is an edge, and the end
 * with the heavier ink (a filled arrow head) is its target.
 */
import { union, type Box } from '../../geometry/index.ts';
import type { GreyImage } from './image.ts';
import type { CV } from './opencv.ts';

export interface RasterBox {
  box: Box;
  shape: 'rect' | 'blob';
}

export interface RasterEdge {
  from: number;
  to: number;
  directed: boolean;
  /** Bounding box of the connector's ink. */
  box: Box;
  /** Which side of each end's box the connector reaches it on. */
  sides: [Side, Side];
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** A connector with one box at its end: an arrow into the drawing's first box or out of its last. */
export interface RasterStub {
  box: number;
  side: Side;
}

/**
 * A word written beside connectors, and the connectors (edges or stubs) whose ink comes within a text
 * height of it, nearest first.
 */
export interface ConnectorWord {
  box: Box;
  near: Array<{ edge?: number; stub?: number; gap: number }>;
}

export interface Connectors {
  edges: RasterEdge[];
  stubs: RasterStub[];
  /** Words made of small ink pieces touching no box (the first 80): text written beside connectors. */
  words: ConnectorWord[];
}

/**
 * Ink levels. LIGHT_INK: anything clearly darker than white paper, so thin anti-aliased grey lines stay
 * whole; it also turns coloured fills (draw_net) into solid blocks glued to their connectors, so boxes are
 * looked for at DARK_INK too, where a filled box is its black border around a clean hole.
 */
const LIGHT_INK = 200;
const DARK_INK = 110;
/**
 * A fill: any area clearly off white once the paper's noise is smoothed away (a 5×5 median). Light fills
 * (draw_net's in-place layers, #90EE90, are grey 199) straddle LIGHT_INK, and noise then breaks them into specks.
 */
const FILL_INK = 215;

function binaryInk(cv: CV, image: GreyImage, level = LIGHT_INK, smooth = false) {
  const grey = cv.matFromArray(image.height, image.width, cv.CV_8UC1, image.data);
  if (smooth) cv.medianBlur(grey, grey, 5);
  const ink = new cv.Mat();
  cv.threshold(grey, ink, level, 255, cv.THRESH_BINARY_INV);
  grey.delete();
  return ink;
}

const overlapsOrTouches = (a: Box, b: Box, gap: number) => a[0] <= b[2] + gap && b[0] <= a[2] + gap && a[1] <= b[3] + gap && b[1] <= a[3] + gap;

/** Rectangle-like and blob-like closed contours, merged into node boxes. */
export function findBoxes(cv: CV, image: GreyImage): RasterBox[] {
  return mergeBoxes([...boxContours(cv, image, LIGHT_INK), ...boxContours(cv, image, DARK_INK), ...boxContours(cv, image, FILL_INK, true)]);
}

/**
 * Closed contours that look like boxes or blobs. `solid`: thin strokes (connectors, text) are opened away
 * first, so filled areas (Keras 3 headers, draw_net fills) stand alone as clean rectangles.
 */
function boxContours(cv: CV, image: GreyImage, level: number, solid = false): RasterBox[] {
  const ink = binaryInk(cv, image, level, solid);
  if (solid) {
    const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(7, 7));
    cv.morphologyEx(ink, ink, cv.MORPH_OPEN, kernel);
    kernel.delete();
  }
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  cv.findContours(ink, contours, hierarchy, solid ? cv.RETR_EXTERNAL : cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
  const minSide = Math.max(14, Math.round(Math.min(image.width, image.height) * 0.012));
  const found: RasterBox[] = [];
  for (let i = 0; i < contours.size(); i++) {
    const c = contours.get(i);
    const r = cv.boundingRect(c);
    // Wide enough for a level label, or tall and narrow (a block whose label is turned a quarter).
    const boxLike = (r.width >= minSide * 1.5 && r.height >= minSide) || (r.height >= minSide * 3 && r.width >= minSide);
    // A frame round the whole image is no node; a box as wide (or as tall) as the image is: the widest layer of a
    // narrow top-to-bottom plot reaches within Graphviz's 4 pt margin of both sides.
    if (boxLike && (r.width < image.width * 0.98 || r.height < image.height * 0.98)) {
      // A contour runs through its outer pixels' centres: a solid w×h block encloses (w−1)×(h−1), not w×h, which for
      // a small filled box (a 30 px tall layer, arrow heads left on it) is the 5–10% that kept it under the bar.
      // The line passes keep w×h: there the thin white gap between two connectors and a box's side is a contour too.
      const fill = cv.contourArea(c) / (solid ? Math.max(1, r.width - 1) * Math.max(1, r.height - 1) : r.width * r.height);
      const approx = new cv.Mat();
      cv.approxPolyDP(c, approx, 0.02 * cv.arcLength(c, true), true);
      const corners = approx.rows;
      approx.delete();
      const box: Box = [r.x, r.y, r.x + r.width, r.y + r.height];
      if (fill > 0.9 && corners <= 6) {
        if (!notched(cv, c, Math.min(r.width, r.height))) found.push({ box, shape: 'rect' });
      } else if (fill > 0.7 && corners >= 6 && corners <= 12) found.push({ box, shape: 'blob' });
    }
    c.delete();
  }
  contours.delete();
  hierarchy.delete();
  ink.delete();
  return found;
}

/**
 * A row of boxes joined by connectors outlines as one long contour, as full as a box (gaps of a few percent) and,
 * simplified with a tolerance that grows with its length, as four-cornered: the white gaps between the boxes are
 * deep notches in it (half its height, cut in from its hull), where a box has at most an arrow head's dent.
 */
function notched(cv: CV, contour: InstanceType<CV['Mat']>, shortSide: number): boolean {
  const hull = new cv.Mat();
  const defects = new cv.Mat();
  try {
    cv.convexHull(contour, hull, false, false);
    if (hull.rows < 4) return false;
    cv.convexityDefects(contour, hull, defects);
    let deepest = 0;
    // Rows of (start, end, farthest point, depth × 256).
    for (let k = 0; k < defects.rows; k++) deepest = Math.max(deepest, defects.data32S[k * 4 + 3]! / 256);
    return deepest > 0.3 * shortSide;
  } catch {
    // convexityDefects rejects a self-touching contour: no judgement.
    return false;
  } finally {
    hull.delete();
    defects.delete();
  }
}

/**
 * Cells of one record (and a border's inner and outer contour, at both ink levels) become one node box.
 * A clean rectangle anywhere in the group makes the node a rect with the rectangles' extent: at the light
 * ink level a filled box glued to its arrow heads looks like a blob.
 */
function mergeBoxes(found: RasterBox[]): RasterBox[] {
  const groups: RasterBox[][] = [];
  const extent = (items: RasterBox[]) => items.map((i) => i.box).reduce(union);
  const bySize = [...found].sort((a, b) => (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]) - (a.box[2] - a.box[0]) * (a.box[3] - a.box[1]));
  // Rectangles first; a blob-like contour over a rectangle is that box glued to its connectors, not a node.
  for (const item of bySize.filter((i) => i.shape === 'rect')) {
    const group = groups.find((g) => overlapsOrTouches(extent(g), item.box, 3));
    if (group) group.push(item);
    else groups.push([item]);
  }
  const rectGroups = groups.length;
  for (const item of bySize.filter((i) => i.shape !== 'rect')) {
    if (groups.slice(0, rectGroups).some((g) => overlapsOrTouches(extent(g), item.box, 3))) continue;
    const group = groups.slice(rectGroups).find((g) => overlapsOrTouches(extent(g), item.box, 3));
    if (group) group.push(item);
    else groups.push([item]);
  }
  const nodes = groups.map((g): RasterBox => {
    const rects = g.filter((i) => i.shape === 'rect');
    return rects.length ? { box: extent(rects), shape: 'rect' } : { box: extent(g), shape: 'blob' };
  });
  // Extents may now touch other nodes: one more pass.
  const final: RasterBox[] = [];
  for (const m of nodes) {
    const host = final.find((f) => overlapsOrTouches(f.box, m.box, 1));
    if (!host) final.push(m);
    else if (host.shape === m.shape || m.shape === 'blob') host.box = union(host.box, m.box);
    else Object.assign(host, { box: union(host.box, m.box), shape: 'rect' });
  }
  return final;
}

/** How far past the pad a box's blanking may grow over what is left of its border (connectors must still reach the ring 3 px out). */
const BORDER_GROWTH = 2;

/**
 * The area blanked for one box ([x0, y0, x1, y1), end exclusive), grown while the line just outside a side is
 * ink along most of it: the outer edge of a thick or anti-aliased border, which a fixed pad leaves behind. Left,
 * it joins every connector landing on that side and outweighs an arrow head at the other end.
 */
function blankedBox(ink: Uint8Array, w: number, h: number, area: Box): Box {
  let [x0, y0, x1, y1] = area;
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = x0; x < x1; x++) if (ink[y * w + x]) n++;
    return n > 0.6 * (x1 - x0);
  };
  const columnInk = (x: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) if (ink[y * w + x]) n++;
    return n > 0.6 * (y1 - y0);
  };
  for (let k = 0; k < BORDER_GROWTH && y0 > 0 && rowInk(y0 - 1); k++) y0--;
  for (let k = 0; k < BORDER_GROWTH && y1 < h && rowInk(y1); k++) y1++;
  for (let k = 0; k < BORDER_GROWTH && x0 > 0 && columnInk(x0 - 1); k++) x0--;
  for (let k = 0; k < BORDER_GROWTH && x1 < w && columnInk(x1); k++) x1++;
  return [x0, y0, x1, y1];
}

/** Faint ink: the anti-aliased edge of a line thinner than a pixel, kept only where it touches LIGHT_INK. */
const FAINT_INK = 235;

/**
 * LIGHT_INK with its faint fringe (hysteresis): a line drawn thinner than a pixel (a long plot scaled down) comes
 * out of anti-aliasing as dashes, its steps fainter than LIGHT_INK; the fringe joins them. Faint specks of paper
 * noise touching no ink are left out.
 */
function connectorInk(cv: CV, image: GreyImage): { ink: ReturnType<typeof binaryInk>; strong: Uint8Array } {
  const strong = binaryInk(cv, image);
  const faint = binaryInk(cv, image, FAINT_INK);
  const labels = new cv.Mat();
  cv.connectedComponents(faint, labels, 8, cv.CV_32S);
  const lab = labels.data32S;
  const inked = new Uint8Array(lab.length);
  for (let i = 0; i < lab.length; i++) if (strong.data[i]) inked[lab[i]!] = 1;
  for (let i = 0; i < lab.length; i++) faint.data[i] = inked[lab[i]!] && lab[i] ? 255 : 0;
  const strongData = new Uint8Array(strong.data);
  labels.delete();
  strong.delete();
  return { ink: faint, strong: strongData };
}

/** Connectors between boxes, from the ink left once the boxes are blanked. */
export function findConnectors(cv: CV, image: GreyImage, boxes: RasterBox[]): Connectors {
  const { ink, strong } = connectorInk(cv, image);
  const pad = 2;
  for (const { box } of boxes) {
    const [x0, y0, x1, y1] = blankedBox(ink.data, image.width, image.height, [
      Math.max(0, box[0] - pad),
      Math.max(0, box[1] - pad),
      Math.min(image.width, box[2] + pad + 1),
      Math.min(image.height, box[3] + pad + 1),
    ]);
    cv.rectangle(ink, new cv.Point(x0, y0), new cv.Point(x1 - 1, y1 - 1), new cv.Scalar(0), -1);
  }
  const labels = new cv.Mat();
  const stats = new cv.Mat();
  const centroids = new cv.Mat();
  const count = cv.connectedComponentsWithStats(ink, labels, stats, centroids, 8, cv.CV_32S);
  const st = stats.data32S;
  const boxOf = (l: number): Box => [st[l * 5]!, st[l * 5 + 1]!, st[l * 5]! + st[l * 5 + 2]!, st[l * 5 + 1]! + st[l * 5 + 3]!];
  const lab = labels.data32S;
  const w = image.width;
  const h = image.height;
  // For every box, the ink of each component in a band just outside it: where connectors land.
  const band = 12;
  const touches = boxes.map(({ box }) => {
    const hits = new Map<number, number>();
    const x0 = Math.max(0, box[0] - pad - band);
    const y0 = Math.max(0, box[1] - pad - band);
    const x1 = Math.min(w - 1, box[2] + pad + band);
    const y1 = Math.min(h - 1, box[3] + pad + band);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const inside = x >= box[0] - pad && x <= box[2] + pad && y >= box[1] - pad && y <= box[3] + pad;
        if (inside) continue;
        const l = lab[y * w + x]!;
        // Weighed on LIGHT_INK alone: a faint fringe thickens a thin line as much as its arrow head.
        if (l > 0 && strong[y * w + x]) hits.set(l, (hits.get(l) ?? 0) + 1);
      }
    }
    return hits;
  });
  // Which components actually reach a box (ink within 3 px of its border), not just pass by, and on which side.
  const sideCounts = boxes.map(() => new Map<number, Record<Side, number>>());
  const reaches = boxes.map(({ box }, b) => {
    const set = new Set<number>();
    const ring = pad + 3;
    const x0 = Math.max(0, box[0] - ring);
    const y0 = Math.max(0, box[1] - ring);
    const x1 = Math.min(w - 1, box[2] + ring);
    const y1 = Math.min(h - 1, box[3] + ring);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (x >= box[0] - pad && x <= box[2] + pad && y >= box[1] - pad && y <= box[3] + pad) continue;
        const l = lab[y * w + x]!;
        if (l === 0) continue;
        set.add(l);
        const counts = sideCounts[b]!.get(l) ?? { top: 0, bottom: 0, left: 0, right: 0 };
        const side: Side = y < box[1] - pad ? 'top' : y > box[3] + pad ? 'bottom' : x < box[0] ? 'left' : 'right';
        counts[side]++;
        sideCounts[b]!.set(l, counts);
      }
    }
    return set;
  });
  const sideOf = (b: number, l: number): Side => {
    const counts = sideCounts[b]!.get(l)!;
    return (Object.keys(counts) as Side[]).reduce((best, side) => (counts[side] > counts[best] ? side : best));
  };
  ink.delete();
  const edges: RasterEdge[] = [];
  const edgesOf = new Map<number, number[]>();
  const stubs: RasterStub[] = [];
  const stubOf = new Map<number, number>();
  const specks: Box[] = [];
  for (let l = 1; l < count; l++) {
    const ends = boxes.map((_, i) => i).filter((i) => reaches[i]!.has(l));
    const box = boxOf(l);
    if (ends.length === 0 && box[3] - box[1] >= 5 && box[3] - box[1] <= 40 && box[2] - box[0] <= 60) specks.push(box);
    // A line at least two text heights long with one box at its end.
    if (ends.length === 1 && Math.max(box[2] - box[0], box[3] - box[1]) >= 24) stubOf.set(l, stubs.push({ box: ends[0]!, side: sideOf(ends[0]!, l) }) - 1);
    if (ends.length < 2) continue;
    const weight = ends.map((i) => touches[i]!.get(l) ?? 0);
    const heaviest = Math.max(...weight);
    const heads = ends.filter((_, k) => weight[k]! >= heaviest * 0.75 && weight[k]! > 1.6 * Math.min(...weight));
    edgesOf.set(l, []);
    const add = (edge: RasterEdge) => edgesOf.get(l)!.push(edges.push(edge) - 1);
    // A fan (one line splitting to several boxes, or several joining into one): the box reached on its own side
    // is the hub, every edge runs between it and one of the others.
    const sides = ends.map((i) => sideOf(i, l));
    const hub =
      ends.length >= 3
        ? ends.find((_, k) => sides.filter((x) => x === sides[k]).length === 1 && new Set(sides.filter((_, j) => j !== k)).size === 1)
        : undefined;
    if (hub !== undefined) {
      const hubHeaded = heads.includes(hub) && heads.length === 1;
      const othersHeaded = heads.length > 0 && !heads.includes(hub);
      for (const other of ends) {
        if (other === hub) continue;
        const [from, to] = hubHeaded ? [other, hub] : [hub, other];
        add({ from, to, directed: hubHeaded || othersHeaded, box, sides: [sideOf(from, l), sideOf(to, l)] });
      }
    } else if (heads.length > 0 && heads.length < ends.length) {
      for (const to of heads)
        for (const from of ends) if (!heads.includes(from)) add({ from, to, directed: true, box, sides: [sideOf(from, l), sideOf(to, l)] });
    } else if (ends.length === 2) {
      add({ from: ends[0]!, to: ends[1]!, directed: false, box, sides: [sideOf(ends[0]!, l), sideOf(ends[1]!, l)] });
    }
  }
  // The ink itself, not its bounding box, decides which connector a word is written against: a long curve's
  // box holds words that belong to the short arrows inside it.
  const isConnector = (l: number) => edgesOf.has(l) || stubOf.has(l);
  const words = groupSpecks(specks)
    .slice(0, 80)
    .map((speckWord): ConnectorWord => {
      const word = grownOverConnector(speckWord, lab, w, h, isConnector);
      const m = word[3] - word[1] + 4;
      const gaps = new Map<number, number>();
      for (let y = Math.max(0, word[1] - m); y < Math.min(h, word[3] + m); y++) {
        for (let x = Math.max(0, word[0] - m); x < Math.min(w, word[2] + m); x++) {
          const l = lab[y * w + x]!;
          if (!edgesOf.has(l) && !stubOf.has(l)) continue;
          const gap = Math.max(word[0] - x, x - word[2], word[1] - y, y - word[3], 0);
          if (gap < (gaps.get(l) ?? Infinity)) gaps.set(l, gap);
        }
      }
      const near = [...gaps]
        .flatMap(([l, gap]): ConnectorWord['near'] => (stubOf.has(l) ? [{ stub: stubOf.get(l)!, gap }] : edgesOf.get(l)!.map((edge) => ({ edge, gap }))))
        .sort((a, b) => a.gap - b.gap);
      return { box: word, near };
    });
  // Words glued to a straight connector as a whole (no speck of them left on its own, none written beside it).
  for (const [l, ids] of edgesOf) {
    if (words.some((word) => word.near.some((n) => n.gap <= 2 && n.edge !== undefined && ids.includes(n.edge)))) continue;
    const box = gluedWord(lab, w, l, boxOf(l));
    if (box) words.push({ box, near: ids.map((edge) => ({ edge, gap: 0 })) });
  }
  labels.delete();
  stats.delete();
  centroids.delete();
  return { edges, stubs, words };
}

/**
 * A word whose first or last letter touches its connector (a digit standing on an arrow head) lost that letter to
 * the connector's ink. The word grows over the columns beside it that hold connector ink in the upper three quarters
 * of its rows (the line it is written on lies under them), gaps narrower than a letter allowed, and stops at a column
 * whose ink runs on both above and below the word (a line passing by).
 */
export function grownOverConnector(word: Box, lab: Int32Array, w: number, h: number, isConnector: (l: number) => boolean): Box {
  const height = word[3] - word[1];
  const upper = word[1] + Math.ceil(0.75 * height);
  const inkAt = (x: number, y: number) => y >= 0 && y < h && isConnector(lab[y * w + x]!);
  const grown: Box = [...word];
  const budget = Math.max(2, Math.round(0.4 * height));
  for (const step of [-1, 1]) {
    let gap = 0;
    for (let x = step < 0 ? word[0] - 1 : word[2]; x >= 0 && x < w && gap <= budget; x += step) {
      if (inkAt(x, word[1] - 2) && inkAt(x, word[3] + 2)) {
        // Kept clear of the line by the pixel the crop read adds and the line's own fringe.
        if (step < 0) grown[0] = Math.max(grown[0], Math.min(word[0], x + 3));
        else grown[2] = Math.min(grown[2], Math.max(word[2], x - 2));
        break;
      }
      let letter = false;
      for (let y = word[1]; y < upper && !letter; y++) letter = inkAt(x, y);
      if (!letter) {
        gap++;
        continue;
      }
      gap = 0;
      if (step < 0) grown[0] = x;
      else grown[2] = x + 1;
    }
  }
  return grown;
}

/**
 * A word written so close to a straight connector that all its letters joined the line's ink (small text beside a
 * draw_net connector: a serif touches the line and the anti-aliasing fringe joins the rest). Away from its two ends
 * (arrow head, landing), a straight line's ink lies within a few pixels of one column (row); ink in that middle part
 * further from the line than the line is thick is the word, if there is as much of it as a digit has.
 */
export function gluedWord(lab: Int32Array, w: number, l: number, box: Box): Box | undefined {
  const across = box[2] - box[0];
  const along = box[3] - box[1];
  const vertical = along >= across;
  const length = vertical ? along : across;
  const end = Math.max(6, Math.round(0.2 * length));
  if (length - 2 * end < 8) return undefined;
  const at = (u: number, v: number) => (vertical ? lab[(box[1] + u) * w + box[0] + v] : lab[(box[1] + v) * w + box[0] + u]) === l;
  const width = vertical ? across : along;
  const counts = new Array<number>(width).fill(0);
  for (let u = end; u < length - end; u++) for (let v = 0; v < width; v++) if (at(u, v)) counts[v]++;
  const line = counts.indexOf(Math.max(...counts));
  const onLine = (counts[line - 1] ?? 0) + counts[line]! + (counts[line + 1] ?? 0);
  if (onLine < 0.8 * (length - 2 * end)) return undefined;
  // A word lies on one side of the line; an arrow head spreads to both, and its rows are left out. The other side
  // holds at most a few specks of noise that the fringe joined; rows and columns holding a single pixel are such
  // specks too.
  const beside = (u: number, side: number) => {
    for (let v = 0; v < width; v++) if ((v - line) * side > 3 && at(u, v)) return true;
    return false;
  };
  const sides = [-1, 1].map((side) => {
    const alongCounts = new Array<number>(length).fill(0);
    const acrossCounts = new Array<number>(width).fill(0);
    for (let u = end; u < length - end; u++) {
      if (beside(u, -side)) continue;
      for (let v = 0; v < width; v++) {
        if ((v - line) * side <= 3 || !at(u, v)) continue;
        alongCounts[u]++;
        acrossCounts[v]++;
      }
    }
    const n = alongCounts.reduce((a, b) => a + b, 0);
    const u0 = alongCounts.findIndex((c) => c > 1);
    const u1 = alongCounts.findLastIndex((c) => c > 1);
    // The letter nearest the line reaches in to it (its serif joined them); the crop read adds a pixel each side.
    const v0 = side > 0 ? line + 4 : acrossCounts.findIndex((c) => c > 1);
    const v1 = side > 0 ? acrossCounts.findLastIndex((c) => c > 1) : line - 4;
    return { u0, v0, u1, v1, n };
  });
  const [word, other] = sides[0]!.n >= sides[1]!.n ? [sides[0]!, sides[1]!] : [sides[1]!, sides[0]!];
  if (word.n < 12 || other.n > 0.25 * word.n || word.u0 < 0 || word.v0 < 0 || word.v1 < 0) return undefined;
  const { u0, v0, u1, v1 } = word;
  const found: Box = vertical ? [box[0] + v0, box[1] + u0, box[0] + v1 + 1, box[1] + u1 + 1] : [box[0] + u0, box[1] + v0, box[0] + u1 + 1, box[1] + v1 + 1];
  // As tall as a letter, no longer than a few words.
  return found[3] - found[1] >= 5 && found[3] - found[1] <= 40 && found[2] - found[0] <= 60 ? found : undefined;
}

/** Characters side by side on one baseline → word boxes. */
function groupSpecks(specks: Box[]): Box[] {
  const words: Box[] = [];
  for (const s of [...specks].sort((a, b) => a[0] - b[0])) {
    const h = s[3] - s[1];
    const word = words.find((w) => {
      const overlap = Math.min(w[3], s[3]) - Math.max(w[1], s[1]);
      return overlap > 0.5 * Math.min(h, w[3] - w[1]) && s[0] - w[2] < 0.6 * Math.max(h, w[3] - w[1]) && s[0] >= w[0];
    });
    if (word) [word[0], word[1], word[2], word[3]] = [Math.min(word[0], s[0]), Math.min(word[1], s[1]), Math.max(word[2], s[2]), Math.max(word[3], s[3])];
    else words.push([...s] as Box);
  }
  return words;
}
