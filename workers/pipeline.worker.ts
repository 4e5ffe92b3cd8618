/** The paper pipeline (pdf.js, OpenCV, tesseract, onnxruntime) and the model importers, off the main thread. */
import * as Comlink from 'comlink';
import { openModelFile } from '../src/pipeline/openModel.ts';
import type { PaperReading, PipelineApi, ProgressFn } from '../src/pipeline/protocol.ts';

const api: PipelineApi = {
  async readPaper(_bytes: Uint8Array, onProgress: ProgressFn): Promise<PaperReading> {
    onProgress({ stage: 'pages', fraction: 0 });
    throw new Error('reading PDFs is not part of this build yet');
  },
  async openModel(bytes, fileName) {
    return openModelFile(bytes, fileName);
  },
};

Comlink.expose(api);
