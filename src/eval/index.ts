/** Measuring paper2net: designs against reference networks and hand-written truth, and results as tables and charts. */
export { bestMatch, layerToken, lcsLength, sequenceScore, structuralTokens, type BestMatch, type Detail, type SequenceScore } from './sequence.ts';
export { BUILTIN_REFERENCES, LENET5_PAPER, UNET_PAPER } from './references.ts';
export { parseManifest, type EvalManifest, type ReferencePair } from './manifest.ts';
export { truthScore, truthTokens, type TruthDesign } from './truth.ts';
export {
  parseTruth,
  pythonFixed,
  scoreTruthPaper,
  summariseTruth,
  truthSummaryLine,
  type TruthMatch,
  type TruthPaperScore,
  type TruthPapers,
  type TruthSummary,
} from './truthPapers.ts';
export { barChartSvg, markdownSection, markdownTable, type Bar, type Cell, type Section } from './report.ts';
export { canonicalLayers, isShown, lcsPairs, sameParam, scoreFigure, writtenNumbers, type DrawnTruth, type FigureScore } from './figureScore.ts';
export { addScore, BINS, createStats, quantile, summarise, type RunningStats, type StatsSummary } from './runningStats.ts';
export { addFigure, createTally, WORST_KEPT, type FigureResult, type StyleTally } from './styleTally.ts';
export { boxPlotSvg, type BoxGroup, type BoxSeries } from './boxPlot.ts';
export { synthBoxPlotSvg, synthJson, synthSections, SYNTH_SERIES, type SynthRun } from './synthReport.ts';
