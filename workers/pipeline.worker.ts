/** The paper pipeline (pdf.js, OpenCV, tesseract, onnxruntime) and the model importers, off the main thread. */
import * as Comlink from 'comlink';
import * as pdfjs from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { extractDesigns } from '../src/pipeline/extract.ts';
import { openModelFile } from '../src/pipeline/openModel.ts';
import type { PaperReading, PipelineApi, ProgressFn } from '../src/pipeline/protocol.ts';

// pdf.js parses in its own (nested) worker; this worker builds the page model and reads the designs.
pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

const api: PipelineApi = {
  async readPaper(bytes: Uint8Array, onProgress: ProgressFn): Promise<PaperReading> {
    const { designs, regions, warnings } = await extractDesigns(bytes, { pdfjs, onProgress: (p) => void onProgress(p) });
    return { designs, regions, warnings };
  },
  async openModel(bytes, fileName) {
    return openModelFile(bytes, fileName);
  },
};

Comlink.expose(api);
