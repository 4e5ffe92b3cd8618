/** The paper pipeline (pdf.js, OpenCV, tesseract, onnxruntime) and the model importers, off the main thread. */
import * as Comlink from 'comlink';
import type { Graph } from '../src/graph/types.ts';
import type { PaperReading, PipelineApi, ProgressFn } from '../src/pipeline/protocol.ts';

const api: PipelineApi = {
  async readPaper(_bytes: Uint8Array, onProgress: ProgressFn): Promise<PaperReading> {
    onProgress({ stage: 'pages', fraction: 0 });
    throw new Error('reading PDFs is not part of this build yet');
  },
  async openModel(bytes: Uint8Array, fileName: string): Promise<Graph> {
    const graph = JSON.parse(new TextDecoder().decode(bytes)) as Graph;
    if (graph.format !== 'paper2net.graph/1') throw new Error(`${fileName}: not a paper2net graph`);
    return graph;
  },
};

Comlink.expose(api);
