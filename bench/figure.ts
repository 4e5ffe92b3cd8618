/**
 * Figure reader speed in Node: time per figure on the vector path (page model already read; graph from
 * paths + text) and on the raster path (OpenCV.js boxes/connectors + tesseract.js OCR per box), with the
 * share spent in OCR. One tesseract worker is reused; OpenCV and the worker start-up are timed apart.
 * Run: `npx tsx bench/figure.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { nodeOcrOptions, nodeOpenCv } from '../src/cli/figure.ts';
import { createOcr, readFigure, type Ocr } from '../src/diagrams/index.ts';
import { readDocument } from '../src/paper/index.ts';
import { median, timed } from './lib/measure.ts';

const corpus = new URL('../../shared/corpus/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, corpus)));

const rows: string[] = [];
for (const [file, pageNumber] of [
  ['pdf/mxnet_squeezenet_graph.pdf', 1],
  ['pdf/plotneuralnet_vgg16.pdf', 1],
  ['pdf/unet.pdf', 2],
] as const) {
  const doc = await readDocument(bytesOf(file), { maxPages: pageNumber, drawings: 'all' });
  const page = doc.pages.find((p) => p.number === pageNumber)!;
  const runs: number[] = [];
  let layers = 0;
  for (let i = 0; i < 5; i++) {
    const [reading, ms] = await timed(() => readFigure({ kind: 'page', page }));
    runs.push(ms);
    layers = reading.graph.layers.length;
  }
  rows.push(
    `vector  ${file.padEnd(36)} p${pageNumber}  ${median(runs).toFixed(1).padStart(8)} ms  (${layers} layers, ${page.paths.length} paths, ${page.texts.length} texts)`,
  );
}

const [ocrEngine, startMs] = await timed(() => createOcr(nodeOcrOptions()));
let ocrMs = 0;
let ocrCalls = 0;
// Counts the time inside tesseract to separate it from OpenCV and graph building.
const ocr: Ocr = {
  async read(png, layout) {
    const [text, ms] = await timed(() => ocrEngine.read(png, layout));
    ocrMs += ms;
    ocrCalls++;
    return text;
  },
  async readWords(png) {
    const [words, ms] = await timed(() => ocrEngine.readWords(png));
    ocrMs += ms;
    ocrCalls++;
    return words;
  },
  terminate: () => ocrEngine.terminate(),
};
rows.push(`raster  tesseract worker start-up ${startMs.toFixed(0)} ms`);
for (const file of ['images/arch/datendynam__model.png', 'images/arch/kaijin1995__Net.png']) {
  ocrMs = 0;
  ocrCalls = 0;
  const [reading, ms] = await timed(() => readFigure({ kind: 'image', bytes: bytesOf(file) }, { ocr, opencv: nodeOpenCv }));
  rows.push(
    `raster  ${file.padEnd(36)}     ${ms.toFixed(0).padStart(8)} ms  (${reading.graph.layers.length} layers; OCR ${ocrCalls} boxes, ${ocrMs.toFixed(0)} ms = ${(ocrMs / ocrCalls).toFixed(0)} ms/box)`,
  );
}
await ocr.terminate();
console.log(rows.join('\n'));
