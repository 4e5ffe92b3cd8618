/** A bitmap diagram → nodes (boxes with their OCR'd text) and edges. */
import { hasParenthesisedType } from '../labels.ts';
import type { DiagramEdge, DiagramNode } from '../types.ts';
import { findBoxes, findConnectors, type RasterBox } from './detect.ts';
import { encodeGreyPng, type GreyImage } from './image.ts';
import type { Ocr } from './ocr.ts';
import { loadOpenCv, type CV, type OpenCvLoader } from './opencv.ts';

/** Darker than this is ink; draw_net's coloured fills are lighter. */
const INK = 110;

/** Tesseract reads best at ~30 px capitals; small plot_model text is scaled up. */
const TARGET_ROW = 36;

/**
 * The inside of one box, ready for OCR: borders and table rules (rows or columns that are mostly ink)
 * are whitened so they do not read as "|" or "_", then the crop is scaled up.
 */
function cropForOcr(cv: CV, image: GreyImage, { box }: RasterBox): GreyImage {
  const inset = 2;
  const x0 = Math.max(0, box[0] + inset);
  const y0 = Math.max(0, box[1] + inset);
  const w = Math.max(1, Math.min(image.width, box[2] - inset) - x0);
  const h = Math.max(1, Math.min(image.height, box[3] - inset) - y0);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + w), y * w);
  for (let y = 0; y < h; y++) {
    let dark = 0;
    for (let x = 0; x < w; x++) if (data[y * w + x]! < INK) dark++;
    if (dark > 0.6 * w) data.fill(255, y * w, y * w + w);
  }
  for (let x = 0; x < w; x++) {
    let dark = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < INK) dark++;
    if (dark > 0.6 * h) for (let y = 0; y < h; y++) data[y * w + x] = 255;
  }
  const scale = Math.min(4, Math.max(1, TARGET_ROW / Math.min(h, 24)));
  // A white margin: tesseract misses glyphs that touch the image edge.
  const margin = 10;
  const src = cv.matFromArray(h, w, cv.CV_8UC1, data);
  const big = new cv.Mat();
  cv.resize(src, big, new cv.Size(Math.round(w * scale), Math.round(h * scale)), 0, 0, cv.INTER_CUBIC);
  const framed = new cv.Mat();
  cv.copyMakeBorder(big, framed, margin, margin, margin, margin, cv.BORDER_CONSTANT, new cv.Scalar(255));
  // Black text on coloured fills (draw_net's red, orange, blue boxes): keep only the ink.
  const out = { width: framed.cols, height: framed.rows, data: new Uint8Array(framed.data).map((v) => (v < INK ? 0 : 255)) };
  src.delete();
  big.delete();
  framed.delete();
  return out;
}

export interface RasterReading {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  warnings: string[];
}

export async function readRaster(image: GreyImage, ocr: Ocr, opencv?: OpenCvLoader): Promise<RasterReading> {
  const { cv } = await loadOpenCv(opencv);
  const warnings: string[] = [];
  const boxes = findBoxes(cv, image);
  if (boxes.length === 0) warnings.push('no boxes found in the image');
  const found = findConnectors(cv, image, boxes);
  const nodes: DiagramNode[] = boxes.map((b, i) => ({ id: `n${i + 1}`, box: b.box, text: '', shape: b.shape }));
  const read = async (i: number) => (nodes[i]!.text = await ocr.read(encodeGreyPng(cropForOcr(cv, image, boxes[i]!))));
  const rects = boxes.flatMap((b, i) => (b.shape === 'rect' ? [i] : []));
  for (const i of rects) await read(i);
  // In a draw_net figure (layers say "(Type)") the other shapes are data blobs: their names are not needed.
  const caffeStyle = rects.filter((i) => hasParenthesisedType(nodes[i]!.text)).length >= 2;
  if (!caffeStyle) for (const [i, b] of boxes.entries()) if (b.shape !== 'rect') await read(i);
  const edges = found.map((e) => ({ from: nodes[e.from]!.id, to: nodes[e.to]!.id, directed: e.directed }));
  return { nodes, edges, warnings };
}
