/**
 * OpenCV.js behind a static import. A bundler turns `import('@techstark/opencv-js')` of this CommonJS module into
 * `import(chunk).then((m) => toEsm(m))`: the namespace it returns from that callback copies the module's `then`,
 * so the promise adopts it and never settles (the pipeline worker hung there). Imported statically here and
 * handed out wrapped, the module is never returned from a promise callback.
 */
import cv from '@techstark/opencv-js';

export const opencv: { module: unknown } = { module: cv };
