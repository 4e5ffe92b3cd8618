/** OCR and OpenCV as Node loads them, for the figure readers run from the command line. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrOptions, OpenCvLoader } from '../diagrams/index.ts';

const require = createRequire(import.meta.url);

/** The traineddata shipped in node_modules; never downloaded. */
export function nodeOcrOptions(): OcrOptions {
  return { langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int') };
}

/** OpenCV.js through require: loads in a quarter second where a bundler's transform of the 10 MB script stalls. */
export const nodeOpenCv: OpenCvLoader = () => ({ module: require('@techstark/opencv-js') as unknown });
