/**
 * `paper2net figure image.png [--json]` and `paper2net figure paper.pdf --page N [--bbox x0,y0,x1,y1] [--json]`:
 * one architecture diagram → graph. --json prints {"graph", "nodes", "edges", "warnings"}; otherwise a
 * readable layer list. Without --bbox the page's captioned figure regions are tried and the best reading wins.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFigure, type Box, type FigureReading, type OcrOptions, type OpenCvLoader } from '../diagrams/index.ts';
import { findRegions, readDocument } from '../paper/index.ts';
import { FIGURE } from './commands.ts';
import { checkImageSize } from './imageHeader.ts';
import { integerOption, parseCommand, UsageError } from './options.ts';

const require = createRequire(import.meta.url);

/** The traineddata shipped in node_modules; never downloaded. */
export function nodeOcrOptions(): OcrOptions {
  return { langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int') };
}

/** OpenCV.js through require: loads in a quarter second where a bundler's transform of the 10 MB script stalls. */
export const nodeOpenCv: OpenCvLoader = () => ({ module: require('@techstark/opencv-js') as unknown });

function parseBox(text: string): Box {
  const numbers = text.split(',').map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw new UsageError(`--bbox "${text}": expected x0,y0,x1,y1 in PDF points`);
  return numbers as Box;
}

function describe(reading: FigureReading): string {
  const { graph } = reading;
  const lines = graph.layers.map((l) => {
    const params = Object.entries(l.params ?? {})
      .map(([k, v]) => `${k}=${JSON.stringify(v)}${l.inferred?.includes(k) ? '?' : ''}`)
      .join(' ');
    return `  ${l.id.padEnd(24)} ${l.type.padEnd(16)} ${params}${l.inputs && l.inputs.length > 1 ? `  ← ${l.inputs.join(', ')}` : ''}`;
  });
  const warn = reading.warnings.map((w) => `  warning: ${w}`);
  return [`${graph.name}: ${graph.layers.length} layers, ${reading.edges.length} connectors, confidence ${graph.confidence}`, ...lines, ...warn].join('\n');
}

async function readPdfFigure(bytes: Uint8Array, pageNumber: number, bbox: Box | undefined, file: string): Promise<FigureReading> {
  const doc = await readDocument(bytes, { maxPages: pageNumber, drawings: 'all' });
  const page = doc.pages.find((p) => p.number === pageNumber);
  if (!page) throw new Error(`${file}: page ${pageNumber} not found (the PDF has ${doc.pageCount} pages)`);
  const name = file.replace(/^.*\//, '').replace(/\.pdf$/i, '');
  if (bbox) return readFigure({ kind: 'page', page, bbox, name: `${name}_p${pageNumber}` });
  const regions = findRegions(page).filter((r) => r.kind === 'figure');
  if (regions.length === 0) return readFigure({ kind: 'page', page, name: `${name}_p${pageNumber}` });
  let best: FigureReading | undefined;
  for (const region of regions) {
    const reading = await readFigure({ kind: 'page', page, bbox: region.box, caption: region.caption.text, name: `${name}_p${pageNumber}` });
    const score = (r: FigureReading) => (r.graph.confidence ?? 0) * r.graph.layers.length;
    if (!best || score(reading) > score(best)) best = reading;
  }
  return best!;
}

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(FIGURE, args);
  const file = positionals[0]!;
  const isPdf = /\.pdf$/i.test(file);
  if (!isPdf && (values.page !== undefined || values.bbox !== undefined)) throw new UsageError('--page and --bbox are for a figure inside a PDF');
  const page = integerOption('page', values.page, 1, 1);
  const bbox = values.bbox === undefined ? undefined : parseBox(values.bbox);
  const bytes = new Uint8Array(await readFile(file));
  let reading: FigureReading;
  if (isPdf) {
    reading = await readPdfFigure(bytes, page, bbox, file);
  } else {
    const name = file.replace(/^.*\//, '').replace(/\.\w+$/, '');
    checkImageSize(bytes, file);
    reading = await readFigure({ kind: 'image', bytes, name }, { ocr: nodeOcrOptions(), opencv: nodeOpenCv });
  }
  if (values.json) process.stdout.write(`${JSON.stringify(reading, null, 1)}\n`);
  else process.stdout.write(`${describe(reading)}\n`);
  return reading.graph.layers.length > 0 ? 0 : 1;
}
