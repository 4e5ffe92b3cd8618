/** Synthetic architecture figures: the DLPaper2Code grammar, figure renderers and dataset samples with ground truth. */
export { generateModel, NEXT_LAYERS, PARAM_RANGES, DATASETS, DATASET_NAMES } from './grammar.ts';
export type { GrammarState, Choice, DatasetName, DatasetSpec, GenerateOptions, SynthModel } from './grammar.ts';
export { createRandom, hashSeed, type Random } from './random.ts';
export { getViz } from './graphviz.ts';
export { FACES, type Face } from './look.ts';
export { drawFigure } from './figures.ts';
export { renderSample, type Sample, type SampleDeps, type SampleOptions } from './dataset.ts';
export { degrade, drawDegradation, jpegRoundTrip, type Degradation, type Rasterizer, type RgbaImage } from './raster.ts';
export { CAFFE_COLOURS } from './caffe-plot.ts';
export { createCanvasRasterizer, type CanvasRasterizerOptions } from './canvas-raster.ts';
export {
  ALL_STYLES,
  ARCHITECTURE_KINDS,
  GRAPHVIZ_STYLES,
  NEGATIVE_KINDS,
  classOfStyle,
  type Box,
  type DrawnFigure,
  type EdgeTruth,
  type FigureStyle,
  type FigureTruth,
  type NodeTruth,
  type Point,
  type TextTruth,
} from './truth.ts';
