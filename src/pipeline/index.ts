/**
 * Paper → designs: the Node-safe core, run by the CLI, the tests and the pipeline worker.
 * The browser UI uses ./browser.ts instead (worker clients, PDF display).
 */
export type {
  CodeTarget,
  FoundRegion,
  RegionReading,
  RegionRequest,
  RegionVerdict,
  CodeTab,
  LiveCode,
  PaperReading,
  DesignsFn,
  StageDesigns,
  ProgressFn,
  RuntimeCheck,
  StageProgress,
} from './protocol.ts';
export { openModelFile } from './openModel.ts';
export { BROWSER_WEIGHT_BUDGET, browserExportWeights, countWeights } from './exportBudget.ts';
export { titleFromFirstPage, type PlacedText } from './titleText.ts';
export { extractDesigns, type BitmapFigures, type BitmapTiming, type ExtractOptions, type Extraction } from './extract.ts';
export { describesSame, fuse } from './extractFuse.ts';
export { readRegionAs } from './readRegion.ts';
