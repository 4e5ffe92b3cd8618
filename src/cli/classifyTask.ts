/**
 * The work of `classify` in its worker thread (see isolate.ts, classifyWorker.ts): the model loaded, then each
 * image decoded and classified in turn, so only one image's pixels are held at a time.
 */
import { createFigureClassifier, type Classification } from '../classify/index.ts';
import { decodeImage } from './classify.ts';
import type { Report } from './isolate.ts';

export interface ClassifyTask {
  model: Uint8Array;
  images: Array<{ file: string; bytes: Uint8Array }>;
}

const MODEL_ALLOW_MS = 60_000;
const IMAGE_ALLOW_MS = 30_000;

export async function classifyTask(task: ClassifyTask, report: Report): Promise<Classification[]> {
  report('loading the classifier', MODEL_ALLOW_MS);
  const classifier = await createFigureClassifier(task.model);
  try {
    const results: Classification[] = [];
    for (const { file, bytes } of task.images) {
      report(file, IMAGE_ALLOW_MS);
      results.push(...(await classifier.classify([decodeImage(bytes, file)])));
    }
    return results;
  } finally {
    await classifier.release();
  }
}
