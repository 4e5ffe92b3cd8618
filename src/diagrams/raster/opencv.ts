/**
 * OpenCV.js, initialised once. The wasm build is a thenable module object that becomes usable after
 * onRuntimeInitialized; it is handed around inside a wrapper because awaiting the module itself would
 * adopt its `then` and never settle.
 */
import cvModule from '@techstark/opencv-js';

export type CV = typeof cvModule;

let ready: Promise<{ cv: CV }> | undefined;

export function loadOpenCv(): Promise<{ cv: CV }> {
  ready ??= new Promise<{ cv: CV }>((resolve) => {
    const mod = cvModule as CV;
    if (typeof mod.Mat === 'function') resolve({ cv: mod });
    else mod.onRuntimeInitialized = () => resolve({ cv: mod });
  });
  return ready;
}
