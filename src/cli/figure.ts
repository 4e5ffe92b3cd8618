/**
 * `paper2net figure image.png [--json]` and `paper2net figure paper.pdf --page N [--bbox x0,y0,x1,y1] [--json]`:
 * one architecture diagram → graph. --json prints {"graph", "nodes", "edges", "warnings"}; otherwise a
 * readable layer list. Without --bbox the page's captioned figure regions are tried and the best reading wins.
 * The reading runs in a worker thread within limits (figureTask.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Box, FigureReading } from '../diagrams/index.ts';
import { FIGURE } from './commands.ts';
import type { FigureTask } from './figureTask.ts';
import { checkImageSize } from './imageHeader.ts';
import { runIsolated, type IsolationLimits } from './isolate.ts';
import { integerOption, parseCommand, UsageError } from './options.ts';

export { nodeOcrOptions, nodeOpenCv } from './nodeReaders.ts';

/** As extract's (extractIsolated.ts), for one page or image. */
const FIGURE_LIMITS: IsolationLimits = { heapMb: 2048, rssMb: 3072, totalMs: 300_000, startMs: 60_000 };

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

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(FIGURE, args);
  const file = positionals[0]!;
  const isPdf = /\.pdf$/i.test(file);
  if (!isPdf && (values.page !== undefined || values.bbox !== undefined)) throw new UsageError('--page and --bbox are for a figure inside a PDF');
  const page = integerOption('page', values.page, 1, 1);
  const bbox = values.bbox === undefined ? undefined : parseBox(values.bbox);
  const bytes = new Uint8Array(await readFile(file));
  if (!isPdf) checkImageSize(bytes, file);
  // pdf.js, OpenCV and OCR in a worker thread with real limits, as for extract.
  const task: FigureTask = { bytes, file, ...(isPdf ? { pdf: { page, ...(bbox ? { bbox } : {}) } } : {}) };
  const reading = await runIsolated<FigureTask, FigureReading>('figureWorker', task, FIGURE_LIMITS);
  if (values.json) process.stdout.write(`${JSON.stringify(reading, null, 1)}\n`);
  else process.stdout.write(`${describe(reading)}\n`);
  return reading.graph.layers.length > 0 ? 0 : 1;
}
