/**
 * OpenCV.js, initialised once. The wasm build is a thenable module object that becomes usable after
 * onRuntimeInitialized; it is handed around inside a wrapper because awaiting the module itself would
 * adopt its `then` and never settle. It is loaded lazily through a loader the caller may replace: the
 * 10 MB script is slow to pass through a bundler's transform, so Node callers hand over `require`'s copy.
 */
import type cvModule from '@techstark/opencv-js';

export type CV = typeof cvModule;

/** Returns the OpenCV.js module wrapped as { module } (never bare: a bare thenable would be adopted). */
export type OpenCvLoader = () => Promise<{ module: unknown }> | { module: unknown };

const defaultLoader: OpenCvLoader = () => import('./opencvModule.ts').then((m) => m.opencv);

let ready: Promise<{ cv: CV }> | undefined;

export function loadOpenCv(loader: OpenCvLoader = defaultLoader): Promise<{ cv: CV }> {
  ready ??= Promise.resolve(loader()).then(
    (loaded) =>
      new Promise<{ cv: CV }>((resolve) => {
        const mod = loaded.module as CV;
        if (typeof mod.Mat === 'function') resolve({ cv: mod });
        else mod.onRuntimeInitialized = () => resolve({ cv: mod });
      }),
  );
  return ready;
}
