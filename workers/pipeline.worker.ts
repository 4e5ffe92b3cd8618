/** The paper pipeline (pdf.js, OpenCV, tesseract, onnxruntime) and the model importers, off the main thread. */
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web';
import * as pdfjs from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { emitOnnx } from '../src/codegen/index.ts';
// Workers are the pipeline's own entry points: they take small pieces file by file, so no worker bundle
// pulls in another worker or the UI-side clients.
import { wasmThreads } from '../src/pipeline/assets.ts';
import { extractDesigns, openModelFile } from '../src/pipeline/index.ts';
import type { PaperReading, PipelineApi, ProgressFn } from '../src/pipeline/protocol.ts';

// pdf.js parses in its own (nested) worker; this worker builds the page model and reads the designs.
pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
// onnxruntime (figure classifier) may use threads only when cross-origin isolated.
ort.env.wasm.numThreads = wasmThreads();

const api: PipelineApi = {
  async readPaper(bytes: Uint8Array, onProgress: ProgressFn): Promise<PaperReading> {
    const { designs, regions, warnings } = await extractDesigns(bytes, { pdfjs, onProgress: (p) => void onProgress(p) });
    return { designs, regions, warnings };
  },
  async openModel(bytes, fileName) {
    return openModelFile(bytes, fileName);
  },
  async runtimeCheck() {
    const started = performance.now();
    const probe = emitOnnx({
      format: 'paper2net.graph/1',
      name: 'probe',
      layers: [
        { id: 'x', type: 'Input', params: { shape: [64] } },
        { id: 'y', type: 'Dense', inputs: ['x'], params: { units: 8, activation: 'softmax' } },
      ],
    });
    const session = await ort.InferenceSession.create(probe, { executionProviders: ['wasm'] });
    await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', new Float32Array(64), [1, 64]) });
    await session.release();
    return { crossOriginIsolated: self.crossOriginIsolated, ortThreads: ort.env.wasm.numThreads ?? 1, ms: Math.round(performance.now() - started) };
  },
};

Comlink.expose(api);
