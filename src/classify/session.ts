/**
 * The figure classifier as an onnxruntime-web session (wasm backend: the same code in Node, a browser worker and
 * tests). The caller supplies the model bytes (models/figure-classifier.onnx), so no file or fetch happens here.
 */
import * as ort from 'onnxruntime-web';
import { toClassification, type Classification } from './classes.ts';
import { INPUT_SIZE, preprocess, type RgbaImage } from './preprocess.ts';

export interface FigureClassifier {
  /** Classify each image; one model run for the whole batch. */
  classify(images: readonly RgbaImage[]): Promise<Classification[]>;
  release(): Promise<void>;
}

/** Open a session on the ONNX model bytes. `numThreads` 1 keeps it off SharedArrayBuffer (no COOP/COEP needed). */
export async function createFigureClassifier(model: Uint8Array, options: { numThreads?: number } = {}): Promise<FigureClassifier> {
  ort.env.wasm.numThreads = options.numThreads ?? 1;
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  } catch (error) {
    throw new Error(`classify: cannot load the classifier model (${model.length} bytes): ${(error as Error).message}`, { cause: error });
  }
  const input = session.inputNames[0]!;
  const output = session.outputNames[0]!;
  const plane = INPUT_SIZE * INPUT_SIZE;
  return {
    async classify(images) {
      if (images.length === 0) return [];
      const batch = new Float32Array(images.length * plane);
      images.forEach((image, i) => batch.set(preprocess(image), i * plane));
      const feeds = { [input]: new ort.Tensor('float32', batch, [images.length, 1, INPUT_SIZE, INPUT_SIZE]) };
      const result = await session.run(feeds);
      const probs = result[output]!.data as Float32Array;
      const classes = probs.length / images.length;
      return images.map((_, i) => toClassification(probs.subarray(i * classes, (i + 1) * classes)));
    },
    release: () => session.release(),
  };
}
