/** A bitmap diagram → nodes (boxes with their OCR'd text) and edges. */
import { hasParenthesisedType, recognizeLabel, withDrawNetType } from '../labels.ts';
import type { DiagramEdge, DiagramNode, Side } from '../types.ts';
import { findBoxes, findConnectors, type RasterBox } from './detect.ts';
import { readStrip, stripBeatsLabels } from '../strip.ts';
import type { Box } from '../../geometry/index.ts';
import { findDrawnBlocks, type DrawnBlock } from './blocks.ts';
import { freeLabels, readFigureWords, readTextLayerWords, textLines, type FigureWords } from './freeLabels.ts';
import { encodeGreyPng, type GreyImage, type RgbaPixels } from './image.ts';
import type { Ocr } from './ocr.ts';
import { loadOpenCv, type CV, type OpenCvLoader } from './opencv.ts';

/** Tesseract reads best with text lines ~30 px tall; small plot_model text is scaled up. */
const TARGET_ROW = 30;
/** Text lines shorter than this (px) are small text: a long plot fitted into a page or a screen. */
const SMALL_ROW = 12;

/** Median height of the runs of rows holding ink: the height of a text line. */
function textLineHeight(data: Uint8Array, w: number, h: number): number {
  // Ink relative to the paper, so a coloured fill is not taken for one tall line.
  const level = Math.min(128, paperOf(data) - 60);
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y <= h; y++) {
    // Vertical rules put a few dark pixels on every row; a text line puts many.
    let count = 0;
    for (let x = 0; y < h && x < w; x++) if (data[y * w + x]! < level) count++;
    const ink = count >= Math.max(4, 0.02 * w);
    if (ink) run++;
    else if (run > 0) {
      if (run >= 4) runs.push(run);
      run = 0;
    }
  }
  return runs.length ? runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]! : 24;
}

/**
 * A text line's height from its letters: the median height of the ink pieces shaped like letters, a line being
 * about 1.6 × that (x-height and capitals mixed). Rows of ink say nothing when lines sit so close that no row
 * between them is clear (small text), or when a rule left in the crop joins them.
 */
function lineHeightOfGlyphs(cv: CV, data: Uint8Array, w: number, h: number): number {
  const level = Math.min(128, paperOf(data) - 60);
  const ink = new cv.Mat(h, w, cv.CV_8UC1);
  for (let i = 0; i < data.length; i++) ink.data[i] = data[i]! < level ? 255 : 0;
  const labels = new cv.Mat();
  const stats = new cv.Mat();
  const centroids = new cv.Mat();
  const count = cv.connectedComponentsWithStats(ink, labels, stats, centroids, 8, cv.CV_32S);
  const heights: number[] = [];
  for (let l = 1; l < count; l++) {
    const [pw, ph] = [stats.data32S[l * 5 + 2]!, stats.data32S[l * 5 + 3]!];
    if (ph >= 3 && pw <= 2 * ph && ph < 0.5 * h) heights.push(ph);
  }
  [ink, labels, stats, centroids].forEach((m) => m.delete());
  if (heights.length < 3) return Infinity;
  return 1.6 * heights.sort((a, b) => a - b)[heights.length >> 1]!;
}

/** The paper level of a grey buffer: a low quantile would be ink, the median is the background or fill. */
const paperOf = (data: Uint8Array) => [...data.filter((_, i) => i % 5 === 0)].sort((a, b) => a - b)[Math.floor(data.length / 10)] ?? 255;

/** A fill at least this light is white paper. */
const WHITE_PAPER = 235;

/**
 * Stretches a grey buffer so its fill (the median level: a box's colour, or white paper) becomes white and its
 * darkest ink black. Text on a coloured fill then sits on the same white as the margin put round the crop (the
 * local threshold drew a frame where fill met margin, which OCR read as brackets), and the faint anti-aliased
 * strokes of small text keep their contrast.
 */
function whitenFill(data: Uint8Array, looseWord: boolean): void {
  const sample = [...data.filter((_, i) => i % 5 === 0)].sort((a, b) => a - b);
  const paper = sample[sample.length >> 1] ?? 255;
  const ink = sample[Math.floor(sample.length * 0.02)] ?? 0;
  // Nothing clearly darker than the fill: no text to bring out. A box on white paper has nothing to whiten, and
  // stretching would deepen the paper's noise (JPEG and scanner specks) into its text; a loose word's faint
  // strokes (`looseWord`, a connector's label) are still brought out.
  if (paper - ink < 40 || (paper >= WHITE_PAPER && !looseWord)) return;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(((data[i]! - ink) * 255) / (paper - ink))));
}

/**
 * Whitens rows and columns that are mostly ink (borders, table rules) in a w×h grey buffer. Rules may be
 * light anti-aliased greys, so any pixel clearly darker than the box's own fill counts.
 */
function whitenRules(data: Uint8Array, w: number, h: number): number[] {
  const RULE_INK = Math.min(200, paperOf(data) - 50);
  const ruleColumns: number[] = [];
  for (let y = 0; y < h; y++) {
    let dark = 0;
    for (let x = 0; x < w; x++) if (data[y * w + x]! < RULE_INK) dark++;
    if (dark > 0.85 * w) data.fill(255, y * w, y * w + w);
  }
  for (let x = 0; x < w; x++) {
    let dark = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < RULE_INK) dark++;
    if (dark > 0.85 * h) {
      ruleColumns.push(x);
      for (let y = 0; y < h; y++) data[y * w + x] = 255;
    }
  }
  return ruleColumns;
}

/**
 * Whitens small pieces of ink within `band` px of a binary image's edge: what is left of a rounded box's
 * corners and of arrow heads landing on its border, which OCR reads as quotes and brackets. Text sits
 * inside the border, away from it.
 */
function whitenEdgeScraps(data: Uint8Array, w: number, h: number, band: number): void {
  const seen = new Uint8Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || data[start] !== 0) continue;
    const piece: number[] = [];
    const stack = [start];
    seen[start] = 1;
    let [x0, y0, x1, y1] = [w, h, 0, 0];
    while (stack.length) {
      const i = stack.pop()!;
      piece.push(i);
      const [x, y] = [i % w, Math.floor(i / w)];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (const j of [i - 1, i + 1, i - w, i + w]) {
        if (j < 0 || j >= w * h || Math.abs((j % w) - x) > 1 || seen[j] || data[j] !== 0) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const nearEdge = x0 < band || y0 < band || x1 >= w - band || y1 >= h - band;
    if (nearEdge && x1 - x0 < 0.15 * w && y1 - y0 < 0.35 * h) for (const i of piece) data[i] = 255;
  }
}

/**
 * Keras 3 writes white text on a dark header: bands of rows darker than paper whose text is lighter than
 * the band (not darker, as on draw_net's coloured fills) are inverted.
 */
export function invertDarkBands(data: Uint8Array, w: number, h: number): void {
  const medians = Array.from({ length: h }, (_, y) => [...data.subarray(y * w, y * w + w)].sort((a, b) => a - b)[w >> 1]!);
  for (let y = 0; y < h;) {
    if (medians[y]! >= 160) {
      y++;
      continue;
    }
    let end = y;
    while (end < h && medians[end]! < 160) end++;
    // A header is a band, not the densest row of a line of bold text.
    if (end - y < Math.max(8, h * 0.15)) {
      y = end;
      continue;
    }
    const band = data.subarray(y * w, end * w);
    const level = [...medians.slice(y, end)].sort((a, b) => a - b)[(end - y) >> 1]!;
    let brighter = 0;
    let darker = 0;
    for (const v of band) {
      if (v > level + 80) brighter++;
      else if (v < level - 80) darker++;
    }
    // Inverted and stretched so the header's colour becomes white: left a light grey (a mid-grey header inverted),
    // its rows would pass for rules and be whitened with their text.
    if (brighter > darker) for (let i = 0; i < band.length; i++) band[i] = Math.min(255, Math.round(((255 - band[i]!) * 255) / (255 - level)));
    y = end;
  }
}

/**
 * A record's cells side by side (Keras "name | input: | shape" over "class | output: | shape") are
 * stacked one under another, so the single-block OCR reads each column's rows in order instead of
 * mixing a vertically centred cell with its neighbours' two rows.
 */
function stackColumns(data: Uint8Array, w: number, h: number, rules: number[]): { data: Uint8Array; w: number; h: number } {
  const cuts = [-1, ...rules, w];
  const strips: Array<[number, number]> = [];
  for (let i = 1; i < cuts.length; i++) if (cuts[i]! - cuts[i - 1]! > 8) strips.push([cuts[i - 1]! + 1, cuts[i]!]);
  if (strips.length < 2) return { data, w, h };
  const gap = 6;
  const sw = Math.max(...strips.map(([a, b]) => b - a));
  const sh = strips.length * (h + gap);
  const out = new Uint8Array(sw * sh).fill(255);
  strips.forEach(([a, b], k) => {
    const part = new Uint8Array((b - a) * h);
    for (let y = 0; y < h; y++) part.set(data.subarray(y * w + a, y * w + b), y * (b - a));
    // Rules inside one cell column (the input/output split) are whole rows of that strip only.
    whitenRules(part, b - a, h);
    for (let y = 0; y < h; y++) out.set(part.subarray(y * (b - a), (y + 1) * (b - a)), (k * (h + gap) + y) * sw);
  });
  return { data: out, w: sw, h: sh };
}

/**
 * The inside of one box, ready for OCR: borders and table rules are whitened so they do not read as "|"
 * or "_", record columns are stacked, then the crop is scaled up and thresholded. `small`: its text lines are
 * shorter than SMALL_ROW, and `global` thresholds such a crop the other way (see below).
 */
function cropForOcr(cv: CV, image: GreyImage, { box, shape }: RasterBox, asBox = true, turn?: 'cw' | 'ccw', global = false): GreyImage & { small: boolean } {
  const inset = 2;
  const x0 = Math.max(0, box[0] + inset);
  const y0 = Math.max(0, box[1] + inset);
  const cropW = Math.max(1, Math.min(image.width, box[2] - inset) - x0);
  const cropH = Math.max(1, Math.min(image.height, box[3] - inset) - y0);
  const upright = new Uint8Array(cropW * cropH);
  for (let y = 0; y < cropH; y++) upright.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + cropW), y * cropW);
  const { data: raw, w: cw, h: ch } = turn ? quarterTurn(upright, cropW, cropH, turn) : { data: upright, w: cropW, h: cropH };
  // A loose word (a connector's label) has no rules: in a tight crop a "1" would pass for one.
  if (asBox) invertDarkBands(raw, cw, ch);
  whitenFill(raw, !asBox);
  const rules = asBox ? whitenRules(raw, cw, ch) : [];
  const { data, w, h } = stackColumns(raw, cw, ch, rules);
  // In a rectangle only: the arcs of an empty circle (a neuron) pass for letters.
  const rows = textLineHeight(data, w, h);
  const glyphs = shape === 'rect' ? Math.min(rows, lineHeightOfGlyphs(cv, data, w, h)) : rows;
  const scale = Math.min(4, Math.max(1, TARGET_ROW / glyphs));
  // A white margin: tesseract misses glyphs that touch the image edge.
  const margin = 10;
  const src = cv.matFromArray(h, w, cv.CV_8UC1, data);
  const big = new cv.Mat();
  cv.resize(src, big, new cv.Size(Math.round(w * scale), Math.round(h * scale)), 0, 0, cv.INTER_CUBIC);
  const framed = new cv.Mat();
  // White like the fill (whitenFill), so the threshold draws no frame where the crop meets its margin.
  cv.copyMakeBorder(big, framed, margin, margin, margin, margin, cv.BORDER_CONSTANT, new cv.Scalar(255));
  // Text on white, on coloured fills (draw_net) and on inverted grey headers (Keras 3): a local threshold
  // leaves black glyphs on white whatever the fill, which tesseract's global one does not.
  const binary = new cv.Mat();
  const small = glyphs < SMALL_ROW;
  if (small && global) {
    // Small text scaled up: the local threshold can break its faint strokes and keeps paper noise as specks.
    // The fill is already white, so a slight blur (the noise averages out, strokes stay) and one global
    // threshold keep the glyphs whole, though they may run together.
    cv.GaussianBlur(framed, framed, new cv.Size(0, 0), scale / 4);
    cv.threshold(framed, binary, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
  } else cv.adaptiveThreshold(framed, binary, 255, cv.ADAPTIVE_THRESH_MEAN_C, cv.THRESH_BINARY, 31, 20);
  const out = { width: binary.cols, height: binary.rows, data: new Uint8Array(binary.data), small };
  if (asBox) whitenEdgeScraps(out.data, out.width, out.height, margin + 2 * scale);
  binary.delete();
  src.delete();
  big.delete();
  framed.delete();
  return out;
}

/** A w×h buffer turned a quarter clockwise (text written bottom-to-top comes out level) or back. */
function quarterTurn(data: Uint8Array, w: number, h: number, turn: 'cw' | 'ccw'): { data: Uint8Array; w: number; h: number } {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = turn === 'cw' ? [h - 1 - y, x] : [y, w - 1 - x];
      out[ny * h + nx] = data[y * w + x]!;
    }
  }
  return { data: out, w: h, h: w };
}

/**
 * Columns of a box drawn as lines (darker than the pixels a few columns either side, whatever the fills):
 * the walls between cells of a strip of touching blocks.
 */
function cellsOf(image: GreyImage, box: [number, number, number, number]): Array<[number, number, number, number]> {
  const [x0, y0, x1, y1] = box;
  const h = y1 - y0;
  const at = (x: number, y: number) => image.data[y * image.width + Math.max(0, Math.min(image.width - 1, x))]!;
  const walls: number[] = [];
  for (let x = x0; x < x1; x++) {
    let line = 0;
    for (let y = y0; y < y1; y++) if (at(x, y) < Math.min(at(x - 3, y), at(x + 3, y)) - 25 || at(x, y) < 60) line++;
    if (line > 0.85 * h) walls.push(x);
  }
  const cuts = [x0, ...walls, x1];
  const cells: Array<[number, number, number, number]> = [];
  for (let i = 1; i < cuts.length; i++) if (cuts[i]! - cuts[i - 1]! > 12) cells.push([cuts[i - 1]!, y0, cuts[i]!, y1]);
  return cells;
}

/** Turned text read level comes out as a column of one- and two-letter scraps; a real label does not. */
const levelLike = (text: string) => {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length <= 3 || lines.join('').length / lines.length >= 5;
};

/** How well a reading names a layer: its recognition's score, a draw_net type matched as the builder does. */
const labelScore = (text: string) => recognizeLabel(withDrawNetType(text) ?? text)?.score ?? 0;

const names = (text: string) => (recognizeLabel(text)?.type ?? 'Input') !== 'Input';

/**
 * Upright blocks with their labels turned a quarter (VGG-style overview strips), read cell by cell: a
 * strip of touching blocks is one box to the contour finder, its inner walls part it. Undefined when the
 * turned reading names no more layers than the level one did.
 */
async function readTurnedCells(cv: CV, image: GreyImage, ocr: Ocr, node: DiagramNode): Promise<DiagramNode[] | undefined> {
  const cells = cellsOf(image, node.box);
  if (cells.length === 0 || cells.some((c) => c[3] - c[1] < 1.5 * (c[2] - c[0]))) return undefined;
  const texts: string[] = [];
  for (const cell of cells) {
    let text = '';
    // Bottom-to-top writing first (the usual way), then top-to-bottom.
    for (const turn of ['cw', 'ccw'] as const) {
      const read = await ocr.read(encodeGreyPng(cropForOcr(cv, image, { box: cell, shape: 'rect' }, true, turn)), 'line');
      if (recognizeLabel(read)) {
        text = read;
        break;
      }
    }
    texts.push(text);
  }
  const named = texts.filter((t) => recognizeLabel(t)).length;
  if (named === 0 || named < cells.length / 2) return undefined;
  // One block: the turned reading must read better than the level one (an OCR typo match scores below 1).
  const score = (text: string) => (names(text) ? recognizeLabel(text)!.score : 0);
  if (cells.length === 1 && score(texts[0]!) <= (levelLike(node.text) ? score(node.text) : 0)) return undefined;
  return cells.map((box, k) => ({ id: cells.length === 1 ? node.id : `${node.id}_${k + 1}`, box, text: texts[k]!, shape: 'rect' }));
}

/**
 * Numbers written against a drawing's edges ("96" under a cuboid, "55" along its depth) are often lost in the
 * whole-figure reading; with the blocks painted out the figure is read again and the new words are added.
 */
async function withLabelsBesideBlocks(cv: CV, image: GreyImage, ocr: Ocr, words: FigureWords, blocks: readonly DrawnBlock[]): Promise<FigureWords> {
  const data = new Uint8Array(image.data);
  const pad = 2;
  for (const { box } of blocks) {
    for (let y = Math.max(0, box[1] - pad); y < Math.min(image.height, box[3] + pad); y++)
      data.fill(255, y * image.width + Math.max(0, box[0] - pad), y * image.width + Math.min(image.width, box[2] + pad));
  }
  const again = await readFigureWords(cv, { ...image, data }, ocr);
  const overlaps = (a: Box, b: Box) => Math.min(a[2], b[2]) > Math.max(a[0], b[0]) && Math.min(a[3], b[3]) > Math.max(a[1], b[1]);
  const added = again.words.filter((w) => !words.words.some((old) => overlaps(old.box, w.box)) && !blocks.some((b) => overlaps(b.box, w.box)));
  return { ...words, words: [...words.words, ...added] };
}

/**
 * A small round node with a cross through it is an operator, drawn rather than written: "+" (a plus, the sum
 * of residual figures) or "×" (a product). Its strokes are read from the pixels: OCR sees a circled glyph as "@".
 */
function operatorGlyph(image: GreyImage, box: Box): '⊕' | '⊗' | undefined {
  const [w, h] = [box[2] - box[0], box[3] - box[1]];
  if (w > 80 || h > 80 || w < 8 || h < 8 || w > 1.4 * h || h > 1.4 * w) return undefined;
  const [cx, cy] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const dark = (x: number, y: number) => {
    for (let d = -1; d <= 1; d++) for (let e = -1; e <= 1; e++) if (image.data[Math.round(y + d) * image.width + Math.round(x + e)]! < 128) return true;
    return false;
  };
  // Along a stroke through the centre, over the inner part of the circle (its rim left out).
  const stroke = (dx: number, dy: number) => {
    let hits = 0;
    const steps = 20;
    for (let k = -steps; k <= steps; k++) if (dark(cx + (k / steps) * dx * 0.3 * w, cy + (k / steps) * dy * 0.3 * h)) hits++;
    return hits / (2 * steps + 1) > 0.85;
  };
  if (stroke(1, 0) && stroke(0, 1) && !stroke(1, 1)) return '⊕';
  if (stroke(1, 1) && stroke(1, -1) && !stroke(1, 0)) return '⊗';
  return undefined;
}

/**
 * Free labels from the whole image's words or from its text layer's, whichever name more layers: painting
 * the drawing out frees labels that a mesh or connectors break up, but loses numbers written against a
 * block's edges, which a cuboid drawing needs.
 */
async function freeLabelsNamingMost(cv: CV, image: GreyImage, ocr: Ocr, words: FigureWords): Promise<DiagramNode[]> {
  const whole = freeLabels(words);
  const layer = freeLabels(await readTextLayerWords(cv, image, ocr));
  const named = (labels: DiagramNode[]) => labels.filter((n) => names(n.text)).length;
  return named(layer) > named(whole) ? layer : whole;
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

export interface RasterReading {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  warnings: string[];
}

/** `rgba`: the colour image, for drawings whose blocks carry no text (cuboids, stacked maps, slabs). */
export async function readRaster(image: GreyImage, ocr: Ocr, opencv?: OpenCvLoader, rgba?: RgbaPixels): Promise<RasterReading> {
  const { cv } = await loadOpenCv(opencv);
  const warnings: string[] = [];
  const boxes = findBoxes(cv, image);
  if (boxes.length === 0) warnings.push('no boxes found in the image');
  const found = findConnectors(cv, image, boxes);
  const nodes: DiagramNode[] = boxes.map((b, i) => ({ id: `n${i + 1}`, box: b.box, text: '', shape: b.shape }));
  const read = async (i: number) => {
    const crop = cropForOcr(cv, image, boxes[i]!);
    let text = await ocr.read(encodeGreyPng(crop));
    // Small text in a box is read both ways, and the reading that names a layer better is kept. Not in a blob:
    // an empty circle (a neuron) read both ways has two chances to pass its outline off as letters.
    if (crop.small && boxes[i]!.shape === 'rect') {
      const again = await ocr.read(encodeGreyPng(cropForOcr(cv, image, boxes[i]!, true, undefined, true)));
      if (labelScore(again) > labelScore(text)) text = again;
    }
    nodes[i]!.text = text;
  };
  const rects = boxes.flatMap((b, i) => (b.shape === 'rect' ? [i] : []));
  for (const i of rects) await read(i);
  // In a draw_net figure (layers say "(Type)") the other shapes are data blobs: their names are not needed.
  const caffeStyle = rects.filter((i) => hasParenthesisedType(nodes[i]!.text)).length >= 2;
  if (!caffeStyle) {
    for (const [i, b] of boxes.entries()) {
      if (b.shape === 'rect') continue;
      await read(i);
      const glyph = names(nodes[i]!.text) ? undefined : operatorGlyph(image, b.box);
      if (glyph) nodes[i]!.text = glyph;
    }
  }
  let edges: DiagramEdge[] = found.edges.map((e) => ({ from: nodes[e.from]!.id, to: nodes[e.to]!.id, directed: e.directed, sides: e.sides }));
  // Tall boxes whose level reading names no layer may hold turned labels; a strip of cells becomes a chain.
  for (const node of rects.map((i) => nodes[i]!)) {
    if (names(node.text) && levelLike(node.text) && recognizeLabel(node.text)!.score === 1) continue;
    const cells = await readTurnedCells(cv, image, ocr, node);
    if (!cells) continue;
    node.text = cells[0]!.text;
    if (cells.length === 1) continue;
    const [first, last] = [cells[0]!, cells[cells.length - 1]!];
    const cx = (b: DiagramNode['box']) => (b[0] + b[2]) / 2;
    // Connectors to the strip land on its first cell from the left, on its last from the right.
    edges = edges.map((e) => {
      const other = e.from === node.id ? e.to : e.to === node.id ? e.from : undefined;
      if (!other) return e;
      const end = cx(nodes.find((n) => n.id === other)!.box) < cx(node.box) ? first.id : last.id;
      return e.from === node.id ? { ...e, from: end } : { ...e, to: end };
    });
    for (let k = 1; k < cells.length; k++) edges.push({ from: cells[k - 1]!.id, to: cells[k]!.id, directed: false });
    nodes.splice(nodes.indexOf(node), 1, ...cells);
  }
  // Words lying on a connector (draw_net's num_output): read only those, the smallest connector around each wins.
  for (const [k, { box: word, near }] of found.words.entries()) {
    if (near.length === 0) continue;
    const text = await ocr.read(
      encodeGreyPng(cropForOcr(cv, image, { box: [word[0] - 3, word[1] - 3, word[2] + 3, word[3] + 3], shape: 'rect' }, false)),
      'line',
    );
    const label = text.replace(/\s+/g, ' ').trim();
    if (!label) continue;
    const stub = near[0]!.stub !== undefined ? found.stubs[near[0]!.stub] : undefined;
    if (stub) {
      // A layer written on an arrow out of the drawing (or into it) comes after (before) the box it leaves (enters).
      if (!names(label)) continue;
      const node: DiagramNode = { id: `w${k + 1}`, box: word, text: label, shape: 'label' };
      const box = nodes[stub.box]!.id;
      nodes.push(node);
      edges.push({ from: box, to: node.id, directed: false, sides: [stub.side, OPPOSITE[stub.side]] });
      continue;
    }
    // The nearest connector's edges (one connector may join several boxes) take the word.
    for (const { edge } of near.filter((n) => n.gap === near[0]!.gap && n.edge !== undefined)) {
      if (edges[edge!]!.label !== undefined) continue;
      edges[edge!]!.label = label;
      edges[edge!]!.labelBox = word;
    }
  }
  // Few layers named inside boxes: the names may be written beside the drawing, or the drawing may be
  // blocks without boxed text (cuboids, stacked maps, slabs) read by their geometry.
  const namedInBoxes = nodes.filter((n) => n.shape !== 'label' && names(n.text)).length;
  if (namedInBoxes < 3) {
    const words = await readFigureWords(cv, image, ocr);
    // The strip and the labels are weighed on one reading of the words, the one the strip is built from.
    const namedLabels = freeLabels(words).filter((n) => names(n.text)).length;
    const blocks = rgba ? findDrawnBlocks(cv, rgba, words.words, words.unit) : [];
    const strip = blocks.length >= 3 ? readStrip(blocks, textLines(await withLabelsBesideBlocks(cv, image, ocr, words, blocks)), words.unit) : undefined;
    if (strip && stripBeatsLabels(strip, namedLabels, namedInBoxes)) {
      warnings.push('no labelled boxes in the figure: drawn blocks read in flow order', ...strip.warnings);
      return { nodes: strip.nodes, edges: [], warnings };
    }
    const labels = await freeLabelsNamingMost(cv, image, ocr, words);
    if (labels.filter((n) => names(n.text)).length > namedInBoxes) {
      warnings.push('no labelled boxes in the figure: free labels read in layout order');
      return { nodes: labels, edges: [], warnings };
    }
  }
  return { nodes, edges, warnings };
}
