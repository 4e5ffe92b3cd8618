/**
 * The browser UI's door to the pipeline: the worker clients, PDF display and run-time asset URLs.
 * Kept apart from index.ts (the Node-safe core: extraction, model files) because these use vite-only
 * imports (`?url`, `new Worker(new URL(...))`) and because the UI bundle must not pull in the heavy
 * stages (OpenCV, tesseract) that only the workers run.
 */
export { batchWorker, codegenWorker, exportWorker, layoutWorker, pipelineWorker } from './clients.ts';
export { openPdf, startPdfWorker, type Bbox, type PdfDocumentView } from './pdfView.ts';
export { runtimeAssets, wasmThreads, type RuntimeAssets } from './assets.ts';
export { callbackForWorker, CancelledError, StageWorker } from './stageWorker.ts';

/** The main-thread emitters for small designs, loaded on first use so they stay out of the cold-load bundle. */
export const loadLiveCodegen = (): Promise<typeof import('./liveCode.ts')> => import('./liveCode.ts');
export type {
  CodeTarget,
  CodegenApi,
  FoundRegion,
  RegionReading,
  RegionRequest,
  RegionVerdict,
  CodeTab,
  LiveCode,
  LayoutApi,
  NodeBox,
  PaperReading,
  DesignsFn,
  StageDesigns,
  PipelineApi,
  ProgressFn,
  RuntimeCheck,
  StageProgress,
} from './protocol.ts';
