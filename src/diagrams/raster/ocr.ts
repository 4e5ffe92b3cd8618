/**
 * tesseract.js, one worker reused for every node of every figure. Traineddata is never downloaded: the
 * caller says where eng.traineddata(.gz) lives (a folder in Node, a URL in the browser). tesseract.js itself is
 * loaded on the first createOcr, so a reading without bitmap figures never loads it.
 */
import type { ImageLike, Worker } from 'tesseract.js';

export interface OcrOptions {
  /** Folder or URL holding eng.traineddata.gz, e.g. node_modules/@tesseract.js-data/eng/4.0.0_best_int. */
  langPath: string;
  /** Where tesseract.js may cache; unused with cacheMethod 'none'. */
  cachePath?: string;
  workerPath?: string;
  corePath?: string;
}

export interface OcrWord {
  text: string;
  box: [number, number, number, number];
  confidence: number;
}

export interface Ocr {
  /** Text of one encoded image (PNG bytes), lines separated by "\n"; 'line' for a single word or line. */
  read(png: Uint8Array, layout?: 'block' | 'line'): Promise<string>;
  /** Words scattered over a whole figure (free labels), each with its box in the image's pixels. */
  readWords(png: Uint8Array): Promise<OcrWord[]>;
  terminate(): Promise<void>;
}

export async function createOcr(options: OcrOptions): Promise<Ocr> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  // The worker starts without a language, which is loaded next: tesseract.js's createWorker('eng') never
  // settles when the language fails to load, and would leave a worker we could not stop.
  const worker: Worker = await createWorker([], OEM.LSTM_ONLY, {
    langPath: options.langPath,
    gzip: true,
    cacheMethod: 'none',
    ...(options.cachePath ? { cachePath: options.cachePath } : {}),
    ...(options.workerPath ? { workerPath: options.workerPath } : {}),
    ...(options.corePath ? { corePath: options.corePath } : {}),
    // A failed job rejects its own promise; without a handler tesseract.js also throws the error out of
    // its message listener, where nothing can catch it.
    errorHandler: () => {},
  });
  try {
    await worker.reinitialize('eng', OEM.LSTM_ONLY);
  } catch (error) {
    await worker.terminate();
    throw new Error(`OCR: cannot load the English traineddata from ${options.langPath} (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  // A node's label is one block of lines; a connector's label one line.
  // Free labels over a whole figure: sparse text, every word on its own.
  let current: 'block' | 'line' | 'sparse' = 'block';
  const PSMS = { block: PSM.SINGLE_BLOCK, line: PSM.SINGLE_LINE, sparse: PSM.SPARSE_TEXT };
  const use = async (layout: 'block' | 'line' | 'sparse') => {
    if (layout === current) return;
    await worker.setParameters({ tessedit_pageseg_mode: PSMS[layout] });
    current = layout;
  };
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
  return {
    async read(png, layout = 'block') {
      await use(layout);
      const { data } = await worker.recognize(png as unknown as ImageLike);
      return data.text.replace(/\n{2,}/g, '\n').trim();
    },
    async readWords(png) {
      await use('sparse');
      const { data } = await worker.recognize(png as unknown as ImageLike, {}, { blocks: true });
      const words = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
      return words
        .filter((w) => w.text.trim())
        .map((w) => ({ text: w.text.trim(), box: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1] as [number, number, number, number], confidence: w.confidence }));
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
