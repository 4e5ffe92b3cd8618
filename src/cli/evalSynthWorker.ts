/**
 * The worker side of `eval synth` (evalSynth.ts): draws figures `first` … `end − 1` of the dataset seeded `seed`
 * (exactly those `paper2net synth` writes for the same seed and styles), reads each PNG back with the figure reader
 * (the path `paper2net figure` takes) and scores it. Posts `start` before each figure and its result after it; keeps
 * nothing. A thread lives for one share: resvg-js keeps each render's pixels until its thread exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GRAPH_FORMAT, type Graph } from '../graph/index.ts';
import { createOcr, readFigure } from '../diagrams/index.ts';
import { scoreFigure, type FigureResult } from '../eval/index.ts';
import { classOfStyle, getViz, renderSample, type FigureStyle } from '../synth/index.ts';
import { nodeOcrOptions, nodeOpenCv } from './figure.ts';
import { resvgRasterizer } from './synth.ts';

export interface SynthShare {
  seed: number;
  styles: FigureStyle[];
  first: number;
  end: number;
}

export type FromSynthWorker = { type: 'start'; index: number } | { type: 'result'; result: FigureResult };

const EMPTY: Graph = { format: GRAPH_FORMAT, name: 'nothing read', layers: [] };
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

async function readShare(share: SynthShare, post: (m: FromSynthWorker) => void): Promise<void> {
  const viz = await getViz();
  const ocr = await createOcr(nodeOcrOptions());
  try {
    for (let index = share.first; index < share.end; index++) {
      post({ type: 'start', index });
      const started = performance.now();
      let sample;
      try {
        sample = await renderSample(share.seed, index, share.styles, { viz, rasterizer: resvgRasterizer });
      } catch (e) {
        // A drawing that fails is the synthesiser's fault, reported as this figure's failure.
        const style = share.styles[index % share.styles.length]!;
        const seconds = (performance.now() - started) / 1000;
        post({
          type: 'result',
          result: {
            index,
            style,
            architecture: classOfStyle(style).architecture,
            layersRead: 0,
            renderSeconds: seconds,
            readSeconds: 0,
            error: `drawing: ${message(e)}`,
          },
        });
        continue;
      }
      const rendered = performance.now();
      let graph = EMPTY;
      let error: string | undefined;
      try {
        graph = (await readFigure({ kind: 'image', bytes: sample.png, name: `${index}-${sample.style}` }, { ocr, opencv: nodeOpenCv })).graph;
      } catch (e) {
        error = message(e);
      }
      const read = performance.now();
      const { truth } = sample;
      post({
        type: 'result',
        result: {
          index,
          style: sample.style,
          architecture: truth.architecture,
          ...(truth.graph ? { score: scoreFigure({ graph: truth.graph, nodes: truth.nodes, edges: truth.edges }, graph) } : {}),
          layersRead: graph.layers.length,
          renderSeconds: (rendered - started) / 1000,
          readSeconds: (read - rendered) / 1000,
          ...(error ? { error } : {}),
        },
      });
    }
  } finally {
    await ocr.terminate();
  }
}

const port = parentPort;
if (port) await readShare((workerData as { input: SynthShare }).input, (m) => port.postMessage(m));
