/** The paper pipeline (pdf.js, OpenCV, tesseract, onnxruntime) and the model importers, off the main thread. */
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web';
import * as pdfjs from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { createFigureClassifier, type FigureClassifier } from '../src/classify/index.ts';
import { emitOnnx } from '../src/codegen/index.ts';
import { createOcr, type Ocr } from '../src/diagrams/index.ts';
// Workers are the pipeline's own entry points: they take small pieces file by file, so no worker bundle
// pulls in another worker or the UI-side clients.
import { runtimeAssets, wasmThreads } from '../src/pipeline/assets.ts';
import { readDocument, type PaperDocument } from '../src/paper/index.ts';
import { extractDesigns, openModelFile, readRegionAs, type BitmapFigures } from '../src/pipeline/index.ts';
import type { DesignsFn, PaperReading, PipelineApi, ProgressFn, ProvisionalFn } from '../src/pipeline/protocol.ts';
import { createRegionRenderer } from '../src/pipeline/regionRender.ts';

// pdf.js parses in its own (nested) worker; this worker builds the page model and reads the designs. One pdf.js
// worker, started with this one, serves every document here: its code is compiled before the first paper comes.
pdfjs.GlobalWorkerOptions.workerPort = new Worker(pdfWorkerUrl, { type: 'module', name: 'pdf.js' });
// onnxruntime (figure classifier) may use threads only when cross-origin isolated.
ort.env.wasm.numThreads = wasmThreads();

/** pdf.js paints bitmap figures with this: a worker has no document to make <canvas> elements from. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(target: { canvas: OffscreenCanvas }, width: number, height: number): void {
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }): void {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

// The classifier and the OCR engine start on the first bitmap figure that needs them and serve every later paper.
let classifier: Promise<FigureClassifier> | undefined;
let ocr: Promise<Ocr> | undefined;
const assets = runtimeAssets();

function loadClassifier(): Promise<FigureClassifier> {
  if (!classifier) {
    classifier = fetch(`${assets.models}figure-classifier.onnx`)
      .then((response) => {
        if (!response.ok) throw new Error(`figure classifier: ${response.status} fetching ${response.url}`);
        return response.arrayBuffer();
      })
      .then((model) => createFigureClassifier(new Uint8Array(model), { numThreads: wasmThreads() }));
    // A failed start is tried again on the next figure.
    classifier.catch(() => (classifier = undefined));
  }
  return classifier;
}

/**
 * tesseract.js picks its core by the browser's features (relaxed SIMD on Chromium), but the build ships only the
 * SIMD and plain LSTM cores (vite.config.ts RUNTIME_ASSETS): name the SIMD one, which every current browser runs.
 */
const ocrOptions = { ...assets.ocr, corePath: `${assets.ocr.corePath}tesseract-core-simd-lstm.wasm.js` };

/** An OCR engine that starts on its first read (the first accepted bitmap figure) and then serves every paper. */
function startedOcr(): Promise<Ocr> {
  if (!ocr) {
    ocr = createOcr(ocrOptions);
    ocr.catch(() => (ocr = undefined));
  }
  return ocr;
}

const lazyOcr: Ocr = {
  read: async (png, layout) => (await startedOcr()).read(png, layout),
  readWords: async (png) => (await startedOcr()).readWords(png),
  // Kept for the next paper; the worker's end ends it.
  terminate: async () => {},
};

/** Bitmap figures of one paper: rendered from its own pdf.js document into OffscreenCanvases. */
function browserBitmapFigures(bytes: Uint8Array): BitmapFigures & { close(): Promise<void> } {
  // useWorkerFetch stated outright: left to itself, pdf.js decides it by reading document.baseURI, absent here.
  const documentParams = { ...assets.pdfjs, cMapPacked: true, useWorkerFetch: true, CanvasFactory: OffscreenCanvasFactory };
  const renderer = createRegionRenderer(bytes, pdfjs, { documentParams });
  return {
    render: (pageNumber, bbox, scale) => renderer.render(pageNumber, bbox, scale),
    async classify(image) {
      const [verdict] = await (await loadClassifier()).classify([image]);
      return verdict!;
    },
    reader: { ocr: lazyOcr },
    startReader: () => void startedOcr().catch(() => undefined),
    close: () => renderer.close(),
  };
}

/** The page model of the last paper a region was read from: a person reads several regions of one paper in a row. */
let regionDocument: { key: string; doc: Promise<PaperDocument> } | undefined;

const api: PipelineApi = {
  async readRegion(bytes, paperKey, request) {
    if (regionDocument?.key !== paperKey) regionDocument = { key: paperKey, doc: readDocument(bytes, { pdfjs }) };
    const doc = await regionDocument.doc.catch((error: unknown) => {
      regionDocument = undefined;
      throw error;
    });
    const bitmaps = browserBitmapFigures(bytes);
    try {
      return await readRegionAs(doc, request, bitmaps);
    } finally {
      await bitmaps.close();
    }
  },
  async readPaper(bytes: Uint8Array, onProgress: ProgressFn, onDesigns: DesignsFn, onProvisional?: ProvisionalFn): Promise<PaperReading> {
    const bitmaps = browserBitmapFigures(bytes);
    try {
      // Calls back to the page travel on their own channel: the answer waits until the page has every stage's designs.
      const delivered: Array<Promise<void>> = [];
      const { regions, warnings } = await extractDesigns(bytes, {
        pdfjs,
        onProgress: (p) => void onProgress(p),
        onDesigns: (b) => void delivered.push(Promise.resolve(onDesigns(b))),
        onProvisional: onProvisional && ((designs) => void delivered.push(Promise.resolve(onProvisional(designs)))),
        bitmaps,
      });
      await Promise.all(delivered);
      return { regions, warnings };
    } finally {
      await bitmaps.close();
    }
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
