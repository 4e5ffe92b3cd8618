/** Paper → designs, off the main thread; the UI's only door to the workers. */
export { caffeWorker, codegenWorker, exportWorker, layoutWorker, pipelineWorker } from './clients.ts';
export { openPdf, type Bbox, type PdfDocumentView } from './pdfView.ts';
export { runtimeAssets, wasmThreads, type RuntimeAssets } from './assets.ts';
export { callbackForWorker, CancelledError, StageWorker } from './stageWorker.ts';
export type { RuntimeCheck, CodeTarget, CodegenApi, FoundRegion, GeneratedCode, LayoutApi, NodeBox, PaperReading, PipelineApi, ProgressFn, StageProgress } from './protocol.ts';
export { extractDesigns, type ExtractOptions, type Extraction } from './extract.ts';
export { describesSame, fuse } from './extractFuse.ts';
